package com.financetracker.platform.events;

import com.financetracker.platform.security.AuthenticatedService;
import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events delivered over HTTP by other services (role {@code SERVICE} only), each from a service that may send its
 * type: the sender is the subject of its service token.
 */
@Tag(name = "Internal", description = "Calls between the services of Finance Tracker")
@RestController
final class InboundEventController {

    private static final Logger log = LoggerFactory.getLogger(InboundEventController.class);

    private final EventInbox inbox;

    InboundEventController(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(
            summary = "Receive an event from another service",
            description = "Answers 202 once the event is applied, or was already; 400 naming the fields of a payload"
                    + " that is not what its type promises; 403 when the sending service may not send it (another"
                    + " service's event type, or a usage report about another service), and nothing is applied; 422"
                    + " for a type this service does not handle.")
    @PostMapping(path = "${finance.events.inbound-path:/internal/events}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@Valid @RequestBody EventEnvelope event, AuthenticatedService sender) {
        EventInbox.Outcome outcome;
        try {
            outcome = inbox.receive(event, sender.name());
        } catch (EventRejectedException rejected) {
            throw problem(rejected);
        } catch (SenderNotAllowedException refused) {
            log.warn("Refused event {}: {}", event.id(), refused.getMessage());
            throw ProblemException.of(ProblemType.FORBIDDEN, refused.getMessage());
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
