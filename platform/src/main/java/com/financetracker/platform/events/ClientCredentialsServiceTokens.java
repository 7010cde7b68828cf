package com.financetracker.platform.events;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * Service tokens from the user service's client-credentials grant, through Spring Security's OAuth2 client: the
 * token is cached and renewed shortly before it expires.
 */
final class ClientCredentialsServiceTokens implements ServiceTokens {

    private static final String REGISTRATION = "finance-tracker";

    private final String clientId;
    private final InMemoryOAuth2AuthorizedClientService authorizedClients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    ClientCredentialsServiceTokens(EventsProperties.Client client) {
        this.clientId = client.id();
        InMemoryClientRegistrationRepository registrations =
                new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                        .clientId(client.id())
                        .clientSecret(client.secret())
                        .tokenUri(client.tokenUri().toString())
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .build());
        this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
    }

    @Override
    public String accessToken() throws DeliveryException {
        try {
            OAuth2AuthorizedClient authorized =
                    manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                            .principal(clientId)
                            .build());
            if (authorized == null) {
                throw DeliveryException.transientFailure("the user service granted no service token");
            }
            return authorized.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            // Spring's client reports an unreachable token endpoint as an invalid token response, so say which
            String reason = e.getError().getErrorCode().equals("invalid_token_response")
                    ? "the user service could not be reached or gave no usable answer"
                    : "the user service refused its client credentials";
            throw DeliveryException.transientFailure(
                    "no service token for " + clientId + ": " + reason + " ("
                            + e.getError().getErrorCode() + ")",
                    e);
        } catch (RuntimeException e) {
            throw DeliveryException.transientFailure("could not reach the user service for a service token", e);
        }
    }

    @Override
    public void invalidate() {
        authorizedClients.removeAuthorizedClient(REGISTRATION, clientId);
    }
}
