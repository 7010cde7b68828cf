package com.financetracker.web.error;

import com.financetracker.web.config.Htmx;
import com.financetracker.web.view.Assets;
import com.financetracker.web.view.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error answers as a person reads them: a page with one sentence, or for htmx a sentence shown in the page's message
 * area ({@code #flash}) while the rest of the page stays as it was. Never a stack trace.
 */
public final class PageErrors {

    /** The request attribute holding the sentence an error page shows. */
    static final String SENTENCE = PageErrors.class.getName() + ".sentence";

    private PageErrors() {}

    /** From outside Spring MVC (the security filters): the container's error dispatch renders the sentence. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String sentence)
            throws IOException {
        request.setAttribute(SENTENCE, sentence);
        response.sendError(status);
    }

    /** The page, or for htmx the fragment, that says {@code sentence}. */
    static ModelAndView view(
            HttpServletRequest request, HttpServletResponse response, Assets assets, int status, String sentence) {
        response.setStatus(status);
        if (Htmx.isHtmx(request)) {
            response.setHeader(Htmx.RETARGET, "#flash");
            response.setHeader(Htmx.RESWAP, "innerHTML");
            return new ModelAndView("fragments/alert", Map.of("message", sentence));
        }
        return new ModelAndView(
                "error",
                Map.of(
                        "page",
                        PageModel.of(request, assets),
                        "status",
                        status,
                        "title",
                        title(status),
                        "message",
                        sentence));
    }

    static String title(int status) {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 503 -> "Unavailable";
            default -> status >= 500 ? "Something went wrong" : "Cannot do that";
        };
    }
}
