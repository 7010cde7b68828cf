package com.financetracker.web.account;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.api.UsersApi;
import com.financetracker.web.session.Callers;
import com.financetracker.web.session.LoginRefusedException;
import com.financetracker.web.session.SignIn;
import com.financetracker.web.view.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Log in (the form is processed by Spring Security), sign up, and the sentences both show. */
@Controller
class LoginController {

    static final Map<String, String> SIGNUP_FIELDS =
            Map.of("email", "Email", "password", "Password", "displayName", "Name");

    private final UsersApi users;
    private final Callers callers;
    private final SignIn signIn;

    LoginController(UsersApi users, Callers callers, SignIn signIn) {
        this.users = users;
        this.callers = callers;
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) @Nullable String expired,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String deleted,
            Model model) {
        if (signedIn()) {
            return "redirect:/";
        }
        String notice = expired != null
                ? "Your session has ended. Log in again to continue."
                : logout != null
                        ? "You are logged out."
                        : deleted != null ? "Your account has been deleted, with everything it held." : null;
        model.addAttribute("notice", notice);
        return "account/login";
    }

    /** Where a refused login is forwarded, with the reason in a request attribute. */
    @RequestMapping("/login/failed")
    String loginFailed(
            @RequestParam(name = "email", required = false) @Nullable String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (!(failure instanceof AuthenticationException refused)) {
            return "redirect:/login";
        }
        if (refused instanceof LoginRefusedException login) {
            response.setStatus(login.status());
        } else {
            response.setStatus(401);
        }
        model.addAttribute("email", email == null ? "" : email.strip());
        model.addAttribute(
                "error", refused instanceof LoginRefusedException ? refused.getMessage() : "Wrong email or password.");
        return "account/login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        if (signedIn()) {
            return "redirect:/";
        }
        model.addAttribute("errors", FormErrors.none());
        return "account/signup";
    }

    @PostMapping("/signup")
    String signup(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("email", email.strip());
        model.addAttribute("displayName", displayName.strip());
        try {
            users.register(callers.anonymous(), email.strip(), password, displayName.strip());
        } catch (ApiProblemException e) {
            response.setStatus(e.status() == 409 ? 409 : 400);
            model.addAttribute(
                    "errors",
                    "email-taken".equals(e.kind()) || e.status() == 409
                            ? FormErrors.field("email", "An account with this email already exists. Log in instead.")
                            : FormErrors.from(e, SIGNUP_FIELDS));
            return "account/signup";
        } catch (ServiceUnavailableException e) {
            response.setStatus(503);
            model.addAttribute(
                    "errors", FormErrors.general("Signing up is not possible right now: " + lower(e.sentence())));
            return "account/signup";
        }
        try {
            signIn.logIn(email.strip(), password, request, response);
        } catch (AuthenticationException e) {
            return "redirect:/login";
        }
        return "redirect:/";
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
