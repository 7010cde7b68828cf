package com.financetracker.web.view;

import com.financetracker.web.session.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page of the web app its {@link PageContext} as the model attribute {@code page}. */
@ControllerAdvice(basePackages = "com.financetracker.web")
public class PageModel {

    private final Assets assets;

    PageModel(Assets assets) {
        this.assets = assets;
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        return of(request, assets);
    }

    /** The page context of a request, also for pages rendered outside a controller (errors). */
    public static PageContext of(HttpServletRequest request, Assets assets) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SignedInUser user = authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn
                ? signedIn
                : null;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Locale locale = request.getLocale();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new PageContext(user, csrf, path, assets, new Formats(locale));
    }
}
