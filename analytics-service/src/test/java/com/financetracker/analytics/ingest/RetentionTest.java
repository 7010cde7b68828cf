package com.financetracker.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.analytics.AnalyticsServiceTest;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class RetentionTest extends AnalyticsServiceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void eachTierKeepsItsRowsForItsOwnRetention() throws Exception {
        Instant now = Instant.now();
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minus(4, ChronoUnit.DAYS), 1)));
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minus(100, ChronoUnit.DAYS), 1)));
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minusSeconds(120), 1)));

        Object retention = context.getBean("retention");
        Method expire = retention.getClass().getDeclaredMethod("expire");
        expire.setAccessible(true);
        expire.invoke(retention);

        assertThat(count(Tier.MINUTE)).isEqualTo(1);
        assertThat(count(Tier.HOUR)).isEqualTo(2);
        assertThat(count(Tier.DAY)).isEqualTo(3);
    }

    private int count(Tier tier) {
        return jdbc.sql("select count(*) from " + tier.table())
                .query(Integer.class)
                .single();
    }
}
