package com.financetracker.expenses.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UserDeletedTest extends ExpenseServiceTest {

    private static final String USER_SERVICE = TestTokens.service("user-service");

    @Test
    void purgesTheUsersExpensesCategoriesAndIdempotencyKeys() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "Pets", "2026-01-02"));
        api.post("/expenses")
                .bearer(token)
                .header("Idempotency-Key", "k-1")
                .json(expense("3", "Food", "2026-01-03"))
                .send();
        UUID otherId = UUID.randomUUID();
        String other = TestTokens.user(otherId);
        created(other, expense("9", "Food", "2026-01-01"));
        api.post("/expenses")
                .bearer(other)
                .header("Idempotency-Key", "k-1")
                .json(expense("9", "Food", "2026-01-03"))
                .send();
        assertThat(rows("expenses", userId)).isEqualTo(3);
        assertThat(rows("idempotency_keys", userId)).isEqualTo(1);

        ApiResponse response = deliver(userDeleted(UUID.randomUUID(), userId.toString()));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(rows("expenses", userId)).isZero();
        assertThat(rows("categories", userId)).isZero();
        assertThat(rows("idempotency_keys", userId)).isZero();
        assertThat(rows("expense_counts", userId)).isZero();
        assertThat(rows("expense_totals", userId)).isZero();
        assertThat(rows("expense_month_totals", userId)).isZero();
        assertThat(rows("expenses", otherId)).isEqualTo(2);
        assertThat(rows("expense_totals", otherId)).isPositive();
        assertThat(rows("expense_month_totals", otherId)).isPositive();
        assertThat(rows("categories", otherId)).isEqualTo(10);
        assertThat(rows("idempotency_keys", otherId)).isEqualTo(1);
        assertThat(api.get("/expenses").bearer(token).send().json().size()).isZero();
        assertThat(api.get("/expenses").bearer(other).send().json().size()).isEqualTo(2);
    }

    @Test
    void deliveringTheSameEventAgainIsAcceptedAndChangesNothing() {
        created(token, expense("1", "Food", "2026-01-01"));
        String event = userDeleted(UUID.randomUUID(), userId.toString());
        deliver(event);
        // what a user could have added meanwhile had the purge not closed the account; planted behind its back
        jdbc.sql("""
                        insert into categories (user_id, name) values (:user, 'Planted')
                        """).param("user", userId).update();

        ApiResponse again = deliver(event);

        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().path("outcome").asString()).isEqualTo("duplicate");
        assertThat(rows("categories", userId))
                .as("a redelivery does not run the purge again")
                .isEqualTo(1);
    }

    @Test
    void writesWithTheDeletedUsersStillValidTokenAreRefused() {
        String id =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();
        deliver(userDeleted(UUID.randomUUID(), userId.toString()));

        assertProblem(create(token, expense("1", "Food", "2026-01-01")), 403, "account-closed");
        assertProblem(
                api.post("/categories")
                        .bearer(token)
                        .json("{\"name\":\"Pets\"}")
                        .send(),
                403,
                "account-closed");
        assertProblem(
                api.post("/expenses/import")
                        .bearer(token)
                        .body("text/csv", "date,amount,category\n2026-01-01,1,Food\n")
                        .send(),
                403,
                "account-closed");
        assertProblem(
                api.put("/expenses/" + id)
                        .bearer(token)
                        .json(expense("2", "Food", "2026-01-01"))
                        .send(),
                403,
                "account-closed");
        assertProblem(
                api.patch("/expenses/" + id)
                        .bearer(token)
                        .json("{\"amount\":\"2\"}")
                        .send(),
                403,
                "account-closed");
        assertThat(rows("expenses", userId)).isZero();
        assertThat(rows("categories", userId)).isZero();
    }

    @Test
    void aUserDeletedBeforeEverUsingTheServiceCannotStartUsingIt() {
        ApiResponse response = deliver(userDeleted(UUID.randomUUID(), userId.toString()));

        assertThat(response.status()).isEqualTo(202);
        assertProblem(create(token, expense("1", "Food", "2026-01-01")), 403, "account-closed");
        assertThat(rows("expenses", userId)).isZero();
        assertThat(rows("categories", userId)).isZero();
    }

    @Test
    void writesRacingThePurgeLeaveNothingBehind() throws Exception {
        CountDownLatch written = new CountDownLatch(20);
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        // each writer creates expenses (each in a new category) until its account is closed
        Callable<Void> writer = () -> {
            for (int i = 0; i < 500; i++) {
                int status = create(token, expense("1", "Category " + UUID.randomUUID(), "2026-01-01"))
                        .status();
                statuses.add(status);
                if (status == 403) {
                    return null;
                }
                written.countDown();
            }
            throw new AssertionError("the account was never closed");
        };

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Void>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(pool.submit(writer));
            }
            assertThat(written.await(30, TimeUnit.SECONDS))
                    .as("writes before the purge")
                    .isTrue();
            ApiResponse purge = deliver(userDeleted(UUID.randomUUID(), userId.toString()));
            for (Future<Void> result : writers) {
                result.get();
            }
            assertThat(purge.status()).as(purge.body()).isEqualTo(202);
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 403);
        assertThat(rows("expenses", userId)).isZero();
        assertThat(rows("categories", userId)).isZero();
    }

    @Test
    void onlyServicesMayDeliverEvents() {
        created(token, expense("1", "Food", "2026-01-01"));
        String event = userDeleted(UUID.randomUUID(), userId.toString());

        ApiResponse asUser =
                api.post("/internal/events").bearer(token).json(event).send();
        ApiResponse asAdmin = api.post("/internal/events")
                .bearer(TestTokens.admin(UUID.randomUUID()))
                .json(event)
                .send();
        ApiResponse anonymous = api.post("/internal/events").json(event).send();

        assertProblem(asUser, 403, "forbidden");
        assertProblem(asAdmin, 403, "forbidden");
        assertProblem(anonymous, 401, "unauthorized");
        assertThat(rows("expenses", userId)).isEqualTo(1);
    }

    @Test
    void noOtherServiceMayPurgeAUser() {
        created(token, expense("1", "Food", "2026-01-01"));
        UUID eventId = UUID.randomUUID();
        String event = userDeleted(eventId, userId.toString());

        for (String service : List.of("expense-service", "insights-service", "web-app", "analytics-service")) {
            ApiResponse forged = api.post("/internal/events")
                    .bearer(TestTokens.service(service))
                    .json(event)
                    .send();

            assertProblem(forged, 403, "forbidden");
            assertThat(forged.json().path("detail").asString())
                    .isEqualTo(service + " may not send user.deleted events: only user-service sends them");
        }
        assertThat(rows("expenses", userId)).isEqualTo(1);
        assertThat(rows("categories", userId)).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from platform.processed_events where event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single())
                .as("a refused event is not recorded, so the user service's own delivery still applies")
                .isZero();
        assertThat(deliver(event).status()).isEqualTo(202);
        assertThat(rows("expenses", userId)).isZero();
    }

    @Test
    void aPayloadWhoseUserIdIsNotAUuidIsABadRequestAndIsNotRecorded() {
        created(token, expense("1", "Food", "2026-01-01"));
        UUID eventId = UUID.randomUUID();

        ApiResponse notAUuid = deliver(userDeleted(eventId, "not-a-uuid"));
        ApiResponse missing =
                deliver("{\"id\":\"%s\",\"type\":\"user.deleted\",\"key\":\"x\",".formatted(UUID.randomUUID())
                        + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}");
        ApiResponse number =
                deliver("{\"id\":\"%s\",\"type\":\"user.deleted\",\"key\":\"x\",".formatted(UUID.randomUUID())
                        + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{\"userId\":42}}");

        assertProblem(notAUuid, 400, "validation");
        assertThat(invalidFields(notAUuid)).containsExactly("payload.userId");
        assertProblem(missing, 400, "validation");
        assertProblem(number, 400, "validation");
        assertThat(jdbc.sql("select count(*) from platform.processed_events where event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(rows("expenses", userId)).isEqualTo(1);
    }

    @Test
    void malformedEnvelopesAreBadRequests() {
        assertProblem(deliver("{}"), 400, "validation");
        assertProblem(deliver("{\"id\":\"nope\",\"type\":\"user.deleted\"}"), 400, "validation");
        assertThat(deliver("").status()).isEqualTo(400);
        ApiResponse unknownType =
                deliver("{\"id\":\"%s\",\"type\":\"user.renamed\",\"key\":\"x\",".formatted(UUID.randomUUID())
                        + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}");
        assertProblem(unknownType, 422, "unprocessable");
    }

    private ApiResponse deliver(String event) {
        return api.post("/internal/events").bearer(USER_SERVICE).json(event).send();
    }

    private static String userDeleted(UUID eventId, String userId) {
        return """
                {"id":"%s","type":"user.deleted","key":"%s","occurredAt":"2026-11-23T10:00:00Z",
                 "payload":{"userId":"%s","deletedAt":"2026-11-23T10:00:00Z"}}""".formatted(eventId, userId, userId);
    }

    private int rows(String table, UUID user) {
        return jdbc.sql("select count(*) from " + table + " where user_id = :user")
                .param("user", user)
                .query(Integer.class)
                .single();
    }
}
