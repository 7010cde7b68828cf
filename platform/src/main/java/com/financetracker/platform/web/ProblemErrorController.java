package com.financetracker.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}): errors raised outside Spring MVC, such as a request the servlet
 * container or the firewall rejected, are answered with the same problem shape as everything else, whatever the
 * client asked to accept.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            problems.write(request, response, ProblemResponses.of(ProblemType.NOT_FOUND, "No such endpoint"));
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            log.error("Request failed outside the application", (Throwable)
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        ProblemDetail problem = ProblemResponses.of(type, detailFor(type, status));
        problem.setStatus(status);
        problems.write(request, response, problem);
    }

    private static String detailFor(ProblemType type, int status) {
        return switch (type) {
            case INTERNAL -> "An unexpected error occurred; it has been logged";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case NOT_FOUND -> "No such endpoint";
            default -> status == 400 ? "The request could not be understood" : type.title();
        };
    }
}
