package com.financetracker.platform.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events by POSTing them to the receiving service, authenticated with a service token. Each event type goes
 * to the URL configured for it ({@code finance.events.http.routes}).
 */
final class HttpEventTransport implements EventTransport {

    /** Answers that mean the receiver read the event and will never accept it: retrying cannot help. */
    private static final Set<Integer> REFUSALS = Set.of(400, 409, 413, 415, 422);

    private final RestClient rest;
    private final Map<String, URI> routes;
    private final ServiceTokens tokens;
    private final JsonMapper json;

    HttpEventTransport(Map<String, URI> routes, Duration timeout, ServiceTokens tokens, JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(timeout);
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.routes = Map.copyOf(routes);
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public String destination(EventEnvelope event) {
        URI route = routes.get(event.type());
        return route == null ? "unrouted:" + event.type() : route.getAuthority();
    }

    @Override
    public void deliver(EventEnvelope event) throws DeliveryException {
        URI route = routes.get(event.type());
        if (route == null) {
            throw DeliveryException.transientFailure("no route for event type " + event.type()
                    + " (set finance.events.http.routes[" + event.type() + "])");
        }
        HttpStatusCode status;
        try {
            status = rest.post()
                    .uri(route)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(event))
                    .exchange((request, response) -> response.getStatusCode());
        } catch (ResourceAccessException e) {
            throw DeliveryException.transientFailure(route + " is unreachable: " + e.getMostSpecificCause(), e);
        } catch (RestClientException e) {
            throw DeliveryException.transientFailure(route + " failed: " + e.getMessage(), e);
        }
        if (status.is2xxSuccessful()) {
            return;
        }
        if (status.value() == 401) {
            tokens.invalidate();
        }
        String failure = route + " answered " + status.value();
        throw REFUSALS.contains(status.value())
                ? DeliveryException.permanentFailure(failure)
                : DeliveryException.transientFailure(failure);
    }
}
