package com.financetracker.expenses.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What web slice tests check of a problem answer. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /** The answer is a problem document of the given status and type ({@code not-found}, …). */
    public static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:finance-tracker:problem:" + type);
    }

    /** The answer is a validation problem naming exactly one field, with the message given. */
    public static void assertInvalidField(MvcTestResult result, String field, String message) {
        assertProblem(result, 400, "validation");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("1 field is invalid");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo(message);
    }
}
