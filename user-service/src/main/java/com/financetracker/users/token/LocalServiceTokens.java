package com.financetracker.users.token;

import com.financetracker.contracts.ServiceNames;
import com.financetracker.platform.events.ServiceTokens;
import org.springframework.stereotype.Component;

/**
 * The user service's own service tokens, for the events it sends: as the issuer it signs them itself instead of
 * calling its own client-credentials endpoint.
 */
@Component
class LocalServiceTokens implements ServiceTokens {

    static final String CLIENT_ID = ServiceNames.USER_SERVICE;

    private final AccessTokens accessTokens;

    LocalServiceTokens(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public String accessToken() {
        return accessTokens.forService(CLIENT_ID);
    }
}
