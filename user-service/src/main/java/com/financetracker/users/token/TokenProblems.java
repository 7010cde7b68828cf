package com.financetracker.users.token;

import com.financetracker.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The problems the token endpoints answer with; OAuth2 errors also carry the RFC 6749 {@code error} code. */
final class TokenProblems {

    private TokenProblems() {}

    static final class InvalidRefreshTokenException extends ProblemException {
        InvalidRefreshTokenException() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token",
                    "Invalid refresh token",
                    "The refresh token is unknown, expired or revoked; log in again");
            getBody().setProperty("error", "invalid_grant");
        }
    }

    static final class InvalidClientException extends ProblemException {
        InvalidClientException() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-client",
                    "Invalid client",
                    "Client authentication failed; send the client id and secret with HTTP Basic");
            getBody().setProperty("error", "invalid_client");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"finance-tracker\"");
        }
    }

    static final class UnsupportedGrantTypeException extends ProblemException {
        UnsupportedGrantTypeException(String grantType) {
            super(
                    HttpStatus.BAD_REQUEST,
                    "unsupported-grant-type",
                    "Unsupported grant type",
                    "grant_type must be client_credentials, not '" + abbreviate(grantType) + "'");
            getBody().setProperty("error", "unsupported_grant_type");
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }
    }
}
