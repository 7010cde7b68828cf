package com.financetracker.platform.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
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
 * Delivers events by POSTing them to the receiving services, authenticated with a service token. Each event type goes
 * to every URL configured for it ({@code finance.events.http.receivers}), each URL a destination of its own.
 */
final class HttpEventTransport implements EventTransport {

    /** Answers that mean the receiver read the event and will never accept it: retrying cannot help. */
    private static final Set<Integer> REFUSALS = Set.of(400, 409, 413, 415, 422);

    private final RestClient rest;
    private final Map<String, List<URI>> receivers;
    private final ServiceTokens tokens;
    private final JsonMapper json;

    HttpEventTransport(Map<String, List<URI>> receivers, Duration timeout, ServiceTokens tokens, JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(timeout);
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.receivers = Map.copyOf(receivers);
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public List<String> destinations(EventType<?> type) {
        return destinations(type.name());
    }

    @Override
    public List<String> destinations(String type) {
        return receivers.getOrDefault(type, List.of()).stream()
                .map(URI::toString)
                .distinct()
                .toList();
    }

    @Override
    public String howToRoute(String type) {
        return "set finance.events.http.receivers[" + type + "] to the URLs of the services that receive them";
    }

    @Override
    public void deliver(EventEnvelope event, String destination) throws DeliveryException {
        URI route = URI.create(destination);
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
