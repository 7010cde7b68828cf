package com.financetracker.web.session;

import com.financetracker.platform.web.RequestId;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.UsersApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** At logout, forgets the session's tokens and revokes its refresh token at the user service. */
@Component
public class TokensLogoutHandler implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(TokensLogoutHandler.class);

    private final SessionTokens tokens;
    private final UsersApi users;

    TokensLogoutHandler(SessionTokens tokens, UsersApi users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        forget(user);
    }

    /** Removes the tokens of a session that ends; a user service that cannot be reached only logs a warning. */
    public void forget(SignedInUser user) {
        tokens.remove(user.tokensId()).ifPresent(refreshToken -> {
            try {
                users.logout(Caller.anonymous(MDC.get(RequestId.MDC_KEY)), refreshToken);
            } catch (RuntimeException e) {
                log.warn("Could not revoke a session's refresh token at the user service: {}", e.getMessage());
            }
        });
    }
}
