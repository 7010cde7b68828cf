package com.financetracker.web.error;

import com.financetracker.web.view.Assets;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}) for errors raised outside Spring MVC, such as a refusal by the
 * security filters: a page with a sentence, in place of the platform's JSON problem.
 */
@Controller
class PageErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(PageErrorController.class);

    private final Assets assets;

    PageErrorController(Assets assets) {
        this.assets = assets;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        Object sentence = request.getAttribute(PageErrors.SENTENCE);
        if (status >= 500) {
            log.error("A request failed outside the pages", (Throwable)
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return PageErrors.view(
                request, response, assets, status, sentence instanceof String text ? text : defaultSentence(status));
    }

    private static String defaultSentence(int status) {
        return switch (status) {
            case 400 -> "This link or form is not valid. Go back and try again.";
            case 403 -> "You may not do this.";
            case 404 -> "There is no page here. Check the address.";
            case 413 -> "This is too large.";
            default ->
                status >= 500
                        ? "Something went wrong on our side. It has been logged; try again in a moment."
                        : "This request cannot be answered.";
        };
    }
}
