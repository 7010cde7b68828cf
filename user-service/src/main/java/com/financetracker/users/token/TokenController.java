package com.financetracker.users.token;

import com.financetracker.users.account.AccountService;
import com.financetracker.users.throttle.HashingRequests;
import com.financetracker.users.throttle.Reservation;
import com.financetracker.users.token.TokenProblems.InvalidClientException;
import com.financetracker.users.token.TokenProblems.UnsupportedGrantTypeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tokens", description = "Login, refresh, logout and the client-credentials grant")
@SecurityRequirements
@RestController
class TokenController {

    private final AccountService accounts;
    private final Sessions sessions;
    private final ServiceClients clients;
    private final AccessTokens accessTokens;
    private final HashingRequests hashingRequests;
    private final BasicAuthenticationConverter basicAuthentication = new BasicAuthenticationConverter();

    TokenController(
            AccountService accounts,
            Sessions sessions,
            ServiceClients clients,
            AccessTokens accessTokens,
            HashingRequests hashingRequests) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.hashingRequests = hashingRequests;
    }

    @Operation(
            summary = "Log in with email and password",
            description = "Answers an access token (Bearer, 15 minutes) and a refresh token. Wrong email and wrong"
                    + " password get the same 401; repeated failures get 429 with Retry-After.")
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> login(@Valid @RequestBody TokenRequests.Login request, HttpServletRequest http) {
        return login(request.email(), request.password(), http);
    }

    @Operation(summary = "Log in with a form (username = email, password)")
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> loginForm(
            @RequestParam @NotBlank @Size(max = 254) String username,
            @RequestParam @Size(max = 128) String password,
            HttpServletRequest http) {
        return login(username, password, http);
    }

    @Operation(
            summary = "Exchange a refresh token for a new pair",
            description = "The old refresh token stops working.")
    @PostMapping(path = "/token/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody TokenRequests.Refresh request) {
        return noStore(sessions.refresh(request.refreshToken()));
    }

    @Operation(summary = "Log out", description = "The refresh token and its session stop working.")
    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> logout(@Valid @RequestBody TokenRequests.Refresh request) {
        sessions.end(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Client-credentials grant for services",
            description = "Form grant_type=client_credentials with the client id and secret in HTTP Basic."
                    + " Answers an access token with the SERVICE role whose subject is the client id: the service's"
                    + " name, from which the other services decide what it may send and call.")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> clientCredentials(
            @RequestParam(name = "grant_type") @Size(max = 100) String grantType,
            @RequestParam(required = false) @Size(max = 200) @Nullable String scope,
            HttpServletRequest http) {
        String clientId = authenticateClient(http);
        if (!"client_credentials".equals(grantType)) {
            throw new UnsupportedGrantTypeException(grantType);
        }
        return noStore(TokenResponse.bearer(
                accessTokens.forService(clientId), accessTokens.ttl().toSeconds(), null));
    }

    private ResponseEntity<TokenResponse> login(String email, String password, HttpServletRequest http) {
        return noStore(sessions.start(accounts.authenticate(email, password, http.getRemoteAddr())));
    }

    private String authenticateClient(HttpServletRequest http) {
        UsernamePasswordAuthenticationToken basic;
        try {
            basic = basicAuthentication.convert(http);
        } catch (AuthenticationException | IllegalArgumentException e) {
            throw new InvalidClientException();
        }
        if (basic == null || basic.getCredentials() == null) {
            throw new InvalidClientException();
        }
        String clientId = formDecode(basic.getName());
        String secret = formDecode(basic.getCredentials().toString());
        Reservation check = hashingRequests.clientAuthentication(http.getRemoteAddr());
        boolean authenticated;
        try {
            authenticated = clients.authenticate(clientId, secret);
        } catch (RuntimeException e) {
            check.abandoned();
            throw e;
        }
        if (!authenticated) {
            check.failed();
            throw new InvalidClientException();
        }
        check.succeeded();
        return clientId;
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before Base64. */
    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidClientException();
        }
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }
}
