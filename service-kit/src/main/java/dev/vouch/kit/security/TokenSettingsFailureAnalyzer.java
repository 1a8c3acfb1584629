package dev.vouch.kit.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused token setting as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
public class TokenSettingsFailureAnalyzer extends AbstractFailureAnalyzer<TokenSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TokenSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
