package com.financetracker.web.session;

import com.financetracker.platform.web.RequestId;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.SessionEndedException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link Caller} of the request being served: the signed-in person's session tokens and the request id. */
@Component
public class Callers {

    private final SessionTokens tokens;

    Callers(SessionTokens tokens) {
        this.tokens = tokens;
    }

    /** The signed-in person of this request; throws {@link SessionEndedException} when there is none. */
    public static SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        throw new SessionEndedException();
    }

    /** The caller for this request, with an access token that is valid now. */
    public Caller current() {
        SignedInUser user = signedIn();
        String requestId = MDC.get(RequestId.MDC_KEY);
        return new SessionCaller(tokens, user.tokensId(), tokens.accessToken(user.tokensId(), requestId), requestId);
    }

    /** An anonymous caller (login, sign-up) for this request. */
    public Caller anonymous() {
        return Caller.anonymous(MDC.get(RequestId.MDC_KEY));
    }

    /** Renews the session's access token now, so that it carries a profile that just changed. */
    public void renewTokens() {
        tokens.renew(signedIn().tokensId(), MDC.get(RequestId.MDC_KEY));
    }

    private static final class SessionCaller implements Caller {

        private final SessionTokens tokens;
        private final UUID tokensId;
        private final @Nullable String requestId;
        private volatile String accessToken;

        SessionCaller(SessionTokens tokens, UUID tokensId, String accessToken, @Nullable String requestId) {
            this.tokens = tokens;
            this.tokensId = tokensId;
            this.accessToken = accessToken;
            this.requestId = requestId;
        }

        @Override
        public String accessToken() {
            return accessToken;
        }

        @Override
        public String accessTokenAfterRejection(String rejected) {
            String renewed = tokens.accessTokenAfterRejection(tokensId, rejected, requestId);
            accessToken = renewed;
            return renewed;
        }

        @Override
        public @Nullable String requestId() {
            return requestId;
        }
    }
}
