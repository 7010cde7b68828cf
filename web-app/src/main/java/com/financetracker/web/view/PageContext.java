package com.financetracker.web.view;

import com.financetracker.web.session.SignedInUser;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's layout needs: who is signed in, the CSRF token, where the assets are, the request's path (for
 * the navigation) and the formats of the browser's locale.
 */
public record PageContext(
        @Nullable SignedInUser user, @Nullable CsrfToken csrf, String path, Assets assets, Formats fmt) {

    public boolean signedIn() {
        return user != null;
    }

    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }

    public String lang() {
        Locale locale = fmt.locale();
        String tag = locale.toLanguageTag();
        return tag.isEmpty() || "und".equals(tag) ? "en" : tag;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /** {@code "page"} for the navigation link of the page being shown, else null (no attribute). */
    public @Nullable String current(String section) {
        boolean current =
                "/".equals(section) ? "/".equals(path) : path.equals(section) || path.startsWith(section + "/");
        return current ? "page" : null;
    }

    public String asset(String file) {
        return assets.url(file);
    }
}
