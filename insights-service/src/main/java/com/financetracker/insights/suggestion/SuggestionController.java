package com.financetracker.insights.suggestion;

import com.financetracker.insights.model.ExpenseText;
import com.financetracker.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Suggestions", description = "Categories learned from your own expenses, on this installation only")
@RestController
class SuggestionController {

    private static final int MOST = 3;

    private final PersonalModels models;
    private final Clock clock;

    SuggestionController(PersonalModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    @Operation(
            summary = "Suggest categories for an expense being entered",
            description = "At most three, most likely first, each with a confidence from 0 to 1 and the words that"
                    + " drove it. A category you corrected counts at once.")
    @PostMapping(path = "/insights/category-suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuggestionResponse suggest(AuthenticatedUser user, @Valid @RequestBody SuggestionRequest request) {
        ExpenseText expense = new ExpenseText(
                Objects.requireNonNull(request.description()),
                Objects.requireNonNullElse(request.amount(), BigDecimal.ZERO),
                currency(request, user),
                Objects.requireNonNullElseGet(request.date(), () -> LocalDate.now(clock)));
        PersonalModels.Suggestions suggestions = models.suggest(user.id(), expense, MOST);
        return new SuggestionResponse(
                suggestions.suggestions().stream()
                        .map(suggestion -> new SuggestionResponse.CategorySuggestion(
                                suggestion.category(), suggestion.confidence(), suggestion.because()))
                        .toList(),
                suggestions.modelVersion());
    }

    /** The currency given, else the person's default one, else US dollars as in the expense service. */
    private static String currency(SuggestionRequest request, AuthenticatedUser user) {
        if (request.currency() != null) {
            return request.currency();
        }
        return Objects.requireNonNullElse(user.defaultCurrency(), "USD");
    }
}
