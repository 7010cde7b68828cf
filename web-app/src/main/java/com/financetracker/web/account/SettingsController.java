package com.financetracker.web.account;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Profile;
import com.financetracker.web.api.UsersApi;
import com.financetracker.web.session.Callers;
import com.financetracker.web.session.Preferences;
import com.financetracker.web.session.SessionTokens;
import com.financetracker.web.session.SignIn;
import com.financetracker.web.session.SignedInUser;
import com.financetracker.web.view.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's settings: name and default currency, password, suggested categories, and deleting the account. */
@Controller
class SettingsController {

    private static final Map<String, String> PROFILE_FIELDS =
            Map.of("displayName", "Name", "defaultCurrency", "Default currency");
    private static final Map<String, String> PASSWORD_FIELDS =
            Map.of("currentPassword", "Current password", "newPassword", "New password");

    private final UsersApi users;
    private final Callers callers;
    private final SignIn signIn;
    private final SessionTokens tokens;
    private final Preferences preferences;

    SettingsController(UsersApi users, Callers callers, SignIn signIn, SessionTokens tokens, Preferences preferences) {
        this.users = users;
        this.callers = callers;
        this.signIn = signIn;
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GetMapping("/settings")
    String settings(@RequestParam(required = false) @Nullable String saved, Model model) {
        SignedInUser user = Callers.signedIn();
        return render(
                model,
                user.displayName(),
                user.defaultCurrency() == null ? "" : user.defaultCurrency(),
                notice(saved),
                FormErrors.none(),
                FormErrors.none(),
                FormErrors.none());
    }

    @PostMapping("/settings/profile")
    String profile(
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String defaultCurrency,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String currency = defaultCurrency.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Profile profile =
                    users.updateMe(callers.current(), displayName.strip(), currency.isEmpty() ? null : currency);
            // the expense service reads the default currency from the access token: get one that carries it
            callers.renewTokens();
            signIn.update(
                    Callers.signedIn().withProfile(profile.displayName(), profile.defaultCurrency()),
                    request,
                    response);
            return "redirect:/settings?saved=profile";
        } catch (ApiProblemException e) {
            response.setStatus(400);
            return render(
                    model,
                    displayName,
                    currency,
                    null,
                    FormErrors.from(e, PROFILE_FIELDS),
                    FormErrors.none(),
                    FormErrors.none());
        }
    }

    @PostMapping("/settings/password")
    String password(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatPassword,
            HttpServletResponse response,
            Model model) {
        SignedInUser user = Callers.signedIn();
        FormErrors errors = null;
        if (!newPassword.equals(repeatPassword)) {
            errors = FormErrors.field("repeatPassword", "The two new passwords differ.");
        } else {
            try {
                users.changePassword(callers.current(), currentPassword, newPassword);
                return "redirect:/settings?saved=password";
            } catch (ApiProblemException e) {
                errors = e.status() == 403
                        ? FormErrors.field("currentPassword", "The current password is wrong.")
                        : e.status() == 429
                                ? FormErrors.field("currentPassword", "Too many wrong passwords. Wait a few minutes.")
                                : FormErrors.from(e, PASSWORD_FIELDS);
            }
        }
        response.setStatus(400);
        return render(
                model,
                user.displayName(),
                user.defaultCurrency() == null ? "" : user.defaultCurrency(),
                null,
                FormErrors.none(),
                errors,
                FormErrors.none());
    }

    /** From which confidence quick add fills in the suggested category ({@link Preferences#NEVER}: never). */
    @PostMapping("/settings/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String threshold, HttpServletResponse response, Model model) {
        SignedInUser user = Callers.signedIn();
        Integer percent = Preferences.SUGGESTION_THRESHOLDS.stream()
                .filter(choice -> choice.toString().equals(threshold))
                .findFirst()
                .orElse(null);
        if (percent == null) {
            response.setStatus(400);
            model.addAttribute(
                    "suggestionErrors", FormErrors.field("threshold", "Choose one of the listed confidences."));
            return render(
                    model,
                    user.displayName(),
                    user.defaultCurrency() == null ? "" : user.defaultCurrency(),
                    null,
                    FormErrors.none(),
                    FormErrors.none(),
                    FormErrors.none());
        }
        preferences.setSuggestionThreshold(user.userId(), percent);
        return "redirect:/settings?saved=suggestions";
    }

    /** Deletes the account with everything it holds; the person lands on the login page, logged out. */
    @PostMapping("/settings/delete")
    String delete(
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignedInUser user = Callers.signedIn();
        try {
            users.deleteAccount(callers.current(), password);
        } catch (ApiProblemException e) {
            response.setStatus(400);
            FormErrors errors = e.status() == 403 || e.status() == 401
                    ? FormErrors.field("password", "The password is wrong; the account was not deleted.")
                    : e.status() == 429
                            ? FormErrors.field("password", "Too many wrong passwords. Wait a few minutes.")
                            : FormErrors.from(e, Map.of("password", "Password"));
            return render(
                    model,
                    user.displayName(),
                    user.defaultCurrency() == null ? "" : user.defaultCurrency(),
                    null,
                    FormErrors.none(),
                    FormErrors.none(),
                    errors);
        }
        tokens.remove(user.tokensId());
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?deleted";
    }

    private String render(
            Model model,
            String displayName,
            String defaultCurrency,
            @Nullable String notice,
            FormErrors profileErrors,
            FormErrors passwordErrors,
            FormErrors deleteErrors) {
        model.addAttribute("displayName", displayName);
        model.addAttribute("defaultCurrency", defaultCurrency);
        model.addAttribute("notice", notice);
        model.addAttribute("profileErrors", profileErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("deleteErrors", deleteErrors);
        model.addAttribute(
                "suggestionThreshold",
                preferences.suggestionThreshold(Callers.signedIn().userId()));
        if (!model.containsAttribute("suggestionErrors")) {
            model.addAttribute("suggestionErrors", FormErrors.none());
        }
        return "account/settings";
    }

    private static @Nullable String notice(@Nullable String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "profile" -> "Your settings are saved.";
            case "password" -> "Your password has been changed. Your other sessions have been logged out.";
            case "suggestions" -> "Your choice about suggested categories is saved.";
            default -> null;
        };
    }
}
