package com.financetracker.analytics.dashboard;

import com.financetracker.analytics.config.AnalyticsProperties;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The dashboard's login, refresh and logout, passed on to the user service: the page talks only to the origin it
 * was loaded from, so it works whatever host name the administrator opens it with (localhost, 127.0.0.1, a LAN
 * address, a proxy's name), with no cross-origin call to allow.
 */
@Tag(name = "Dashboard")
@SecurityRequirements
@RestController
class DashboardLogin {

    private static final String PREFIX = "/dashboard";

    private final RestClient users;

    DashboardLogin(AnalyticsProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.users = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(properties.usersUrl().toString())
                .build();
    }

    @Operation(
            summary = "Log in, renew the tokens or log out, through the user service",
            description = "The bodies and answers of POST /login, /token/refresh and /logout of the user service.")
    @PostMapping(
            path = {PREFIX + "/login", PREFIX + "/token/refresh", PREFIX + "/logout"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> forward(@RequestBody byte[] body, HttpServletRequest request) {
        String path = request.getRequestURI().substring(PREFIX.length());
        try {
            return users.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((sent, answer) -> {
                        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.getStatusCode());
                        for (String header : new String[] {
                            HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER, HttpHeaders.CACHE_CONTROL
                        }) {
                            String value = answer.getHeaders().getFirst(header);
                            if (value != null) {
                                response.header(header, value);
                            }
                        }
                        return response.body(answer.getBody().readAllBytes());
                    });
        } catch (ResourceAccessException e) {
            throw ProblemException.of(
                    ProblemType.SERVICE_UNAVAILABLE, "The user service cannot be reached right now; try again shortly");
        }
    }
}
