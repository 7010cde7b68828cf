package com.financetracker.analytics.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.financetracker.platform.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** How the statistics endpoints read their window and step, and what they refuse, without a database. */
// the service's access rules (its SecurityConfiguration), without what needs a database
@WebMvcTest(
        controllers = AnalyticsController.class,
        includeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.config\\..*SecurityConfiguration"))
@Import(AnalyticsWebTest.FixedClock.class)
class AnalyticsWebTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UsageStatistics statistics;

    @Test
    void theWindowDefaultsToTheLastDay() throws Exception {
        when(statistics.summarize(any(), any(), any())).thenReturn(null);

        mvc.perform(get("/analytics").with(admin())).andExpect(status().isOk());

        verify(statistics).summarize(NOW.minus(Duration.ofHours(24)), NOW, null);
    }

    @Test
    void aTimeSeriesGetsAboutAHundredPointsUnlessTheStepIsGiven() throws Exception {
        when(statistics.timeseries(any(), any(), any(), any(), any(), any())).thenReturn(List.of());

        mvc.perform(get("/analytics/timeseries?from=2026-11-29T09:00:00Z").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/analytics/timeseries?from=2026-11-22T12:00:00Z&step=6h&service=expense-service")
                        .with(admin()))
                .andExpect(status().isOk());

        verify(statistics)
                .timeseries(
                        eq(Instant.parse("2026-11-29T09:00:00Z")),
                        eq(NOW),
                        eq(Duration.ofMinutes(1)),
                        isNull(),
                        isNull(),
                        isNull());
        verify(statistics)
                .timeseries(
                        eq(Instant.parse("2026-11-22T12:00:00Z")),
                        eq(NOW),
                        eq(Duration.ofHours(6)),
                        eq("expense-service"),
                        isNull(),
                        isNull());
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrSpansTooLongIsRefused() throws Exception {
        mvc.perform(get("/analytics?from=2026-11-30T00:00:00Z").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("must be before to"));
        mvc.perform(get("/analytics?from=2020-01-01T00:00:00Z").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 1100 days before to"));
        verifyNoInteractions(statistics);
    }

    @Test
    void valuesThatAreNotTimesOrDurationsAreNamedInWords() throws Exception {
        mvc.perform(get("/analytics?from=yesterday").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("must be a time (RFC 3339, e.g. 2026-11-23T20:17:45Z)"));
        mvc.perform(get("/analytics/timeseries?step=banana").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("step"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a duration such as 5m, 1h or 1d"));
        verifyNoInteractions(statistics);
    }

    @Test
    void stepsShorterThanAMinuteOrGivingTooManyPointsAreRefused() throws Exception {
        mvc.perform(get("/analytics/timeseries?step=30s").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("step"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number of minutes, at least 1m"));
        mvc.perform(get("/analytics/timeseries?step=1m&from=2026-10-29T12:00:00Z")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("gives more than 2000 points for this window"));
        verifyNoInteractions(statistics);
    }

    @Test
    void onlyAdministratorsSeeStatistics() throws Exception {
        mvc.perform(get("/analytics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/analytics")
                        .with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
                                .authorities(new SimpleGrantedAuthority("ROLE_" + Roles.USER))))
                .andExpect(status().isForbidden());
        verifyNoInteractions(statistics);
    }

    private static JwtRequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                        .claim(Roles.CLAIM, List.of(Roles.USER, Roles.ADMIN)))
                .authorities(
                        new SimpleGrantedAuthority("ROLE_" + Roles.USER),
                        new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
