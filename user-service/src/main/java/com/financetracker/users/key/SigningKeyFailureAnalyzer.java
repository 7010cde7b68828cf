package com.financetracker.users.key;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a signing key that cannot be unwrapped as Spring Boot reports a bad setting: the reason and the remedy. */
class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
