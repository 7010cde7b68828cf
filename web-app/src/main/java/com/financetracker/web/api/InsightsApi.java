package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The insights service's API: category suggestions for quick add and the alerts of the home page. */
@Component
public class InsightsApi {

    public static final String SERVICE = "insights service";
    private static final ParameterizedTypeReference<List<Alert>> ALERTS = new ParameterizedTypeReference<>() {};

    private final Downstream service;

    public InsightsApi(DownstreamFactory downstreams, WebAppProperties properties) {
        this.service = downstreams.create(SERVICE, properties.insightsUrl());
    }

    /** Up to three categories for an expense being entered, most likely first. */
    public List<Suggestion> suggest(
            Caller caller,
            String description,
            @Nullable String amount,
            @Nullable String currency,
            @Nullable LocalDate date) {
        Map<String, Object> expense = new HashMap<>();
        expense.put("description", description);
        if (amount != null) {
            expense.put("amount", amount);
        }
        if (currency != null) {
            expense.put("currency", currency);
        }
        if (date != null) {
            expense.put("date", date.toString());
        }
        return service.call(
                        caller,
                        rest -> rest.post()
                                .uri("/insights/category-suggestions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(expense),
                        Suggestions.class)
                .requireBody()
                .suggestions();
    }

    /** The person's current alerts about unusual spending, newest first. */
    public List<Alert> alerts(Caller caller) {
        return service.call(caller, rest -> rest.get().uri("/insights/alerts"), ALERTS)
                .requireBody();
    }

    public void dismiss(Caller caller, UUID alertId) {
        service.call(caller, rest -> rest.post().uri("/insights/alerts/{id}/dismiss", alertId), Void.class);
    }

    /** A suggested category, how likely it is (0 to 1), and the words that point to it. */
    public record Suggestion(String category, double confidence, List<String> because) {

        public int percent() {
            return (int) Math.round(confidence * 100);
        }
    }

    record Suggestions(List<Suggestion> suggestions, int modelVersion) {}

    /** Something unusual about the person's spending, said in words. */
    public record Alert(UUID id, String kind, String message, Instant createdAt) {}
}
