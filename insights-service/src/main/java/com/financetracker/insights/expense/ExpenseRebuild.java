package com.financetracker.insights.expense;

import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.ExpenseHistoryPage;
import com.financetracker.insights.config.InsightsProperties;
import com.financetracker.platform.events.DeliveryException;
import com.financetracker.platform.events.ServiceTokens;
import com.financetracker.platform.work.PeriodicWorker;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fills a new (or wiped) database with every expense the expense service holds, page by page, while the events keep
 * flowing: each copy is stored only if it is newer than what the events already brought, and a deleted expense's
 * tombstone outlives the rebuild, so the two meet in the same state whatever their order. Progress is kept, so a
 * restart goes on where it stopped; the expense service being down only delays it.
 */
@Component
class ExpenseRebuild extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(ExpenseRebuild.class);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final ExpenseRepository expenses;
    private final TransactionOperations transactions;
    private final ServiceTokens tokens;
    private final RestClient expenseService;
    private final Duration keepDeleted;
    private final Clock clock;

    ExpenseRebuild(
            JdbcClient jdbc,
            ExpenseRepository expenses,
            TransactionOperations transactions,
            ServiceTokens tokens,
            InsightsProperties properties,
            Clock clock) {
        super("expense-rebuild", Duration.ofSeconds(5), 0);
        this.jdbc = jdbc;
        this.expenses = expenses;
        this.transactions = transactions;
        this.tokens = tokens;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.expenseService = RestClient.builder()
                .baseUrl(properties.expensesUrl().toString())
                .requestFactory(requests)
                .build();
        this.keepDeleted = properties.keepDeleted();
        this.clock = clock;
    }

    @Override
    protected boolean round() {
        Optional<Progress> progress = progress();
        if (progress.isEmpty()) {
            jdbc.sql("insert into rebuild (after_id) values (null) on conflict do nothing")
                    .update();
            log.info("New database: rebuilding the expenses from the expense service");
            return true;
        }
        if (progress.get().completed()) {
            return false;
        }
        ExpenseHistoryPage page = fetch(progress.get().after());
        if (page == null) {
            return false;
        }
        transactions.executeWithoutResult(status -> {
            for (ExpenseChanged expense : page.expenses()) {
                if (expenses.store(expense)) {
                    expenses.markChanged(expense.userId());
                }
            }
            jdbc.sql("update rebuild set after_id = :after, completed_at = case when :last then now() end")
                    .param("after", page.next())
                    .param("last", page.next() == null)
                    .update();
        });
        if (page.next() == null) {
            log.info("Rebuilt the expenses from the expense service");
            return false;
        }
        return true;
    }

    /** Forgets deleted expenses once no rebuild can bring back an older copy of them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldTombstones() {
        int forgotten = expenses.forgetDeletedBefore(clock.instant().minus(keepDeleted));
        if (forgotten > 0) {
            log.info("Forgot {} deleted expenses older than {}", forgotten, keepDeleted);
        }
    }

    private Optional<Progress> progress() {
        return jdbc.sql("select after_id, completed_at is not null as completed from rebuild")
                .query((rs, row) -> new Progress(rs.getObject("after_id", UUID.class), rs.getBoolean("completed")))
                .optional();
    }

    private @Nullable ExpenseHistoryPage fetch(@Nullable UUID after) {
        try {
            String token = tokens.accessToken();
            return expenseService
                    .get()
                    .uri(uri -> {
                        uri.path(ExpenseHistoryPage.PATH).queryParam("limit", PAGE);
                        if (after != null) {
                            uri.queryParam("after", after);
                        }
                        return uri.build();
                    })
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .retrieve()
                    .body(ExpenseHistoryPage.class);
        } catch (DeliveryException | RestClientException e) {
            log.warn("Rebuild waits for the expense service: {}", e.getMessage());
            tokens.invalidate();
            return null;
        }
    }

    private record Progress(@Nullable UUID after, boolean completed) {}
}
