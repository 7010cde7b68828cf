package com.financetracker.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Events sent over HTTP reach the receiver's inbox once, with a service token, and bad ones are refused for good. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
class HttpEventDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void eventIsAppliedOnceHoweverOftenItArrives() throws Exception {
        EventEnvelope event = event("test.happened", Map.of("value", "hello"));
        HttpEventTransport transport = transport(() -> TestTokens.service("sender"));

        deliver(transport, event);
        deliver(transport, event);

        assertThat(jdbc.sql("select value from received where event_id = :id")
                        .param("id", event.id())
                        .query(String.class)
                        .list())
                .containsExactly("hello");
    }

    @Test
    void unknownEventTypeIsRefusedForGood() {
        HttpEventTransport transport = transport(() -> TestTokens.service("sender"));

        assertThatThrownBy(() -> deliver(transport, event("nobody.handles.this", Map.of("value", "x"))))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void eventTheHandlerRefusesIsRefusedForGoodAndNotRecorded() {
        EventEnvelope invalid = event("test.happened", Map.of("other", "x"));
        HttpEventTransport transport = transport(() -> TestTokens.service("sender"));

        assertThatThrownBy(() -> deliver(transport, invalid))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isTrue());
        assertThat(jdbc.sql("select count(*) from platform.processed_events where event_id = :id")
                        .param("id", invalid.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyServicesMaySendEvents() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String body = json.writeValueAsString(event("test.happened", Map.of("value", "x")));

        ApiResponse asUser = api.post("/internal/events")
                .bearer(TestTokens.user(UUID.randomUUID()))
                .json(body)
                .send();
        ApiResponse anonymous = api.post("/internal/events").json(body).send();

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThatThrownBy(() -> deliver(
                        transport(() -> TestTokens.user(UUID.randomUUID())),
                        event("test.happened", Map.of("value", "x"))))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void aServiceMaySendOnlyTheEventTypesItOwnsAndARefusedEventChangesNothing() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        EventEnvelope event = event("test.happened", Map.of("value", "forged"));

        ApiResponse forged = api.post("/internal/events")
                .bearer(TestTokens.service("intruder"))
                .json(json.writeValueAsString(event))
                .send();

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:forbidden");
        assertThat(forged.json().path("detail").asString())
                .isEqualTo("intruder may not send test.happened events: only sender sends them");
        assertThat(jdbc.sql("select count(*) from platform.processed_events where event_id = :id")
                        .param("id", event.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from received where event_id = :id")
                        .param("id", event.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // a sender whose events are refused keeps them and retries: a wrong client id loses nothing once it is fixed
        assertThatThrownBy(() -> deliver(transport(() -> TestTokens.service("intruder")), event))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isFalse());
        deliver(transport(() -> TestTokens.service("sender")), event);
        assertThat(jdbc.sql("select value from received where event_id = :id")
                        .param("id", event.id())
                        .query(String.class)
                        .list())
                .containsExactly("forged");
    }

    @Test
    void unreachableReceiverIsATransientFailure() {
        HttpEventTransport transport = new HttpEventTransport(
                Map.of("test.happened", List.of(URI.create("http://127.0.0.1:9/internal/events"))),
                Duration.ofSeconds(2),
                () -> TestTokens.service("sender"),
                json);

        assertThatThrownBy(() -> deliver(transport, event("test.happened", Map.of("value", "x"))))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.isPermanent()).isFalse());
    }

    private HttpEventTransport transport(ServiceTokens tokens) {
        URI inbox = URI.create("http://localhost:" + port + "/internal/events");
        return new HttpEventTransport(
                Map.of("test.happened", List.of(inbox), "nobody.handles.this", List.of(inbox)),
                Duration.ofSeconds(5),
                tokens,
                json);
    }

    /** Delivers the event to the one receiver the transport has for its type. */
    private static void deliver(HttpEventTransport transport, EventEnvelope event) throws DeliveryException {
        transport.deliver(event, transport.destinations(event.type()).getFirst());
    }

    private EventEnvelope event(String type, Map<String, String> payload) {
        return new EventEnvelope(UUID.randomUUID(), type, "key", Instant.now(), json.valueToTree(payload));
    }
}
