package com.financetracker.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last-resort error report, for requests it refuses before any application code runs (an encoded NUL in
 * the path, a malformed URI): a problem in the same shape as every other error instead of Tomcat's HTML page.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemResponses problems;

    private ProblemErrorReportValve(ProblemResponses problems) {
        this.problems = problems;
    }

    /** Puts this valve in place of the host's error report valve once the context is attached to its host. */
    static void installWhenStarting(Context context, ProblemResponses problems) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                install(context, problems);
            }
        });
    }

    private static void install(Container context, ProblemResponses problems) {
        if (!(context.getParent() instanceof Host host)) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve(problems));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String requestId = UUID.randomUUID().toString();
        ProblemDetail problem =
                ProblemResponses.of(type, status == 400 ? "The request could not be understood" : type.title());
        problem.setStatus(status);
        problem.setProperty("requestId", requestId);
        String body = problems.json(problem);
        try {
            response.resetBuffer();
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestId.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response committed meanwhile; nothing more can be sent
        }
    }
}
