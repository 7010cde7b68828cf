package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import org.springframework.stereotype.Component;

/** The analytics service's API, for the administrators' pages. */
@Component
public class AnalyticsApi {

    public static final String SERVICE = "analytics service";

    private final Downstream service;

    public AnalyticsApi(DownstreamFactory downstreams, WebAppProperties properties) {
        this.service = downstreams.create(SERVICE, properties.analyticsUrl());
    }

    /** Requests and errors over the last 24 hours, across all services. */
    public Usage.Totals lastDay(Caller caller) {
        return service.call(caller, rest -> rest.get().uri("/analytics"), Usage.class)
                .requireBody()
                .totals();
    }

    /** The part of {@code GET /analytics} the administrators' page shows. */
    public record Usage(Totals totals) {

        public record Totals(long requests, long errors, int services) {}
    }
}
