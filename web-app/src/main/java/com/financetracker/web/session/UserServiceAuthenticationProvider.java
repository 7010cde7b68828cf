package com.financetracker.web.session;

import com.financetracker.platform.web.RequestId;
import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.Profile;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.api.TokenPair;
import com.financetracker.web.api.UsersApi;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Form login against the user service: {@code POST /login} with the email and password, then {@code GET /users/me}
 * for the name and roles. The tokens go to {@link SessionTokens}; the session keeps only who signed in.
 */
@Component
public class UserServiceAuthenticationProvider implements AuthenticationProvider {

    private final UsersApi users;
    private final SessionTokens tokens;

    UserServiceAuthenticationProvider(UsersApi users, SessionTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email =
                authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (email.isEmpty() || password.isEmpty()) {
            throw LoginRefusedException.wrongCredentials();
        }
        String requestId = MDC.get(RequestId.MDC_KEY);
        try {
            TokenPair pair = users.login(Caller.anonymous(requestId), email, password);
            Profile profile = users.me(withToken(pair.accessToken(), requestId));
            UUID tokensId = tokens.store(profile.id(), pair);
            SignedInUser user = new SignedInUser(
                    tokensId,
                    profile.id(),
                    profile.email(),
                    profile.displayName(),
                    profile.roles(),
                    profile.defaultCurrency());
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        } catch (ApiProblemException e) {
            throw switch (e.status()) {
                case 429 ->
                    LoginRefusedException.throttled(e.retryAfterSeconds().orElse(60L));
                case 403 -> LoginRefusedException.disabled();
                default -> LoginRefusedException.wrongCredentials();
            };
        } catch (ServiceUnavailableException e) {
            throw LoginRefusedException.unavailable();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Caller withToken(String accessToken, @Nullable String requestId) {
        return new Caller() {
            @Override
            public String accessToken() {
                return accessToken;
            }

            @Override
            public String accessTokenAfterRejection(String rejected) {
                throw LoginRefusedException.unavailable();
            }

            @Override
            public @Nullable String requestId() {
                return requestId;
            }
        };
    }
}
