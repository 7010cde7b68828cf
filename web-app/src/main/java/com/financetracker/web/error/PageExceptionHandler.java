package com.financetracker.web.error;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.api.SessionEndedException;
import com.financetracker.web.config.Htmx;
import com.financetracker.web.session.SignedInUser;
import com.financetracker.web.session.TokensLogoutHandler;
import com.financetracker.web.view.Assets;
import com.financetracker.web.view.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the pages answer when a controller fails: before the platform's JSON problems, which are for API clients. A
 * service that is down names itself in a sentence; an ended session goes back to the login page; anything unexpected
 * is logged and answered with a sentence, never a stack trace.
 */
@ControllerAdvice(basePackages = "com.financetracker.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final Assets assets;
    private final TokensLogoutHandler tokens;

    PageExceptionHandler(Assets assets, TokensLogoutHandler tokens) {
        this.assets = assets;
        this.tokens = tokens;
    }

    @ExceptionHandler(SessionEndedException.class)
    ModelAndView sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            tokens.forget(user);
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Htmx.redirect(request, response, "/login?expired");
        return new ModelAndView();
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ModelAndView unavailable(ServiceUnavailableException e, HttpServletRequest request, HttpServletResponse response) {
        return PageErrors.view(request, response, assets, 503, e.sentence());
    }

    @ExceptionHandler(ApiProblemException.class)
    ModelAndView refused(ApiProblemException e, HttpServletRequest request, HttpServletResponse response) {
        int status = e.status() == 401 ? 403 : e.status();
        String sentence = switch (e.status()) {
            case 403 -> "You may not do this.";
            case 404 -> "It no longer exists; it may have been deleted meanwhile.";
            default -> FormErrors.from(e, java.util.Map.of()).form();
        };
        return PageErrors.view(request, response, assets, status, sentence == null ? FormErrors.describe(e) : sentence);
    }

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class, BindException.class})
    ModelAndView malformed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.debug("A malformed page request: {}", e.getMessage());
        return PageErrors.view(
                request, response, assets, 400, "This link or form is not valid. Go back and try again.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("A page failed", e);
        return PageErrors.view(
                request,
                response,
                assets,
                500,
                "Something went wrong on our side. It has been logged; try again in a moment.");
    }
}
