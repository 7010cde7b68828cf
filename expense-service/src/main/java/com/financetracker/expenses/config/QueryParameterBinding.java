package com.financetracker.expenses.config;

import com.financetracker.platform.web.ProblemBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Request parameters bound to a query record ({@code GET /expenses?limit=abc}) are reported in the words a single
 * parameter's problem uses ("limit must be a whole number"), not in the converter's.
 */
@ControllerAdvice
class QueryParameterBinding {

    @InitBinder
    void wordBindingErrorsForClients(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new ProblemBindingErrorProcessor());
    }
}
