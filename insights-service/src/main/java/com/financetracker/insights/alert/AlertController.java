package com.financetracker.insights.alert;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alerts", description = "Unusual spending in your own expenses, said in words")
@RestController
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(
            summary = "Your alerts, newest first",
            description = "A charge far above your usual at that merchant, two charges that look like a duplicate,"
                    + " a category whose month runs far above its trend. Dismissed alerts are left out.")
    @GetMapping("/insights/alerts")
    List<AlertResponse> alerts(AuthenticatedUser user) {
        return alerts.current(user.id());
    }

    @Operation(summary = "Dismiss an alert", description = "404 when you have no such alert.")
    @PostMapping("/insights/alerts/{id}/dismiss")
    ResponseEntity<Void> dismiss(AuthenticatedUser user, @PathVariable UUID id) {
        if (!alerts.dismiss(user.id(), id)) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "You have no alert " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
