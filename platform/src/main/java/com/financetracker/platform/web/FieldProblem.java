package com.financetracker.platform.web;

/** One invalid field of a request, as listed in a validation problem's {@code errors}. */
public record FieldProblem(String field, String message) {

    static String summary(int count) {
        return count == 1 ? "1 field is invalid" : count + " fields are invalid";
    }
}
