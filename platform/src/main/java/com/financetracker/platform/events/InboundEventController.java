package com.financetracker.platform.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Events delivered over HTTP by other services (role {@code SERVICE} only). */
@Tag(name = "Internal", description = "Calls between the services of Finance Tracker")
@RestController
final class InboundEventController {

    private final EventInbox inbox;

    InboundEventController(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(
            summary = "Receive an event from another service",
            description = "Answers 202 once the event is applied, or was already; 422 for a type this service does"
                    + " not handle.")
    @PostMapping(path = "${finance.events.inbound-path:/internal/events}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@Valid @RequestBody EventEnvelope event) {
        EventInbox.Outcome outcome = inbox.receive(event);
        return ResponseEntity.accepted()
                .body(Map.of("eventId", event.id(), "outcome", outcome.name().toLowerCase()));
    }
}
