package com.financetracker.expenses.config;

import com.financetracker.platform.web.ProblemExceptionHandler;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Names the types a 406 problem offers in a fixed order ("it offers application/json, text/csv"). GET /expenses has a
 * handler per type, and Spring MVC gathers the types of such handlers in an order that changes from one start to the
 * next; the platform's handler writes them as it gets them. The problem itself is the platform's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotAcceptableProblems {

    private final ProblemExceptionHandler problems;

    NotAcceptableProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    @Nullable
    ResponseEntity<Object> offerTypesInOrder(HttpMediaTypeNotAcceptableException ex, WebRequest request)
            throws Exception {
        List<MediaType> offered = ex.getSupportedMediaTypes().stream()
                .sorted(Comparator.comparing(MediaType::toString))
                .toList();
        return problems.handleException(new HttpMediaTypeNotAcceptableException(offered), request);
    }
}
