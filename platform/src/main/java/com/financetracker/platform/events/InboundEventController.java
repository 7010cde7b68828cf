package com.financetracker.platform.events;

import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
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
            description = "Answers 202 once the event is applied, or was already; 400 naming the fields of a payload"
                    + " that is not what its type promises; 422 for a type this service does not handle.")
    @PostMapping(path = "${finance.events.inbound-path:/internal/events}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@Valid @RequestBody EventEnvelope event) {
        EventInbox.Outcome outcome;
        try {
            outcome = inbox.receive(event);
        } catch (EventRejectedException rejected) {
            throw problem(rejected);
        }
        return ResponseEntity.accepted()
                .body(Map.of("eventId", event.id(), "outcome", outcome.name().toLowerCase()));
    }

    /** An invalid payload names its fields (400); an event refused as a whole cannot be processed (422). */
    private static ProblemException problem(EventRejectedException rejected) {
        if (rejected.invalidFields().isEmpty()) {
            return ProblemException.of(ProblemType.UNPROCESSABLE, rejected.getMessage());
        }
        return ProblemException.invalidFields(rejected.invalidFields().stream()
                .map(field -> new FieldProblem(field.field(), field.message()))
                .toList());
    }
}
