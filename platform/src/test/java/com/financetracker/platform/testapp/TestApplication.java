package com.financetracker.platform.testapp;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.security.EndpointAccessRules;
import com.financetracker.platform.security.Roles;
import com.financetracker.platform.web.QueryParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform, to test what the platform gives every service. */
@SpringBootApplication
public class TestApplication {

    @Bean
    EndpointAccessRules accessRules() {
        return new EndpointAccessRules() {
            @Override
            public List<String> publicPaths() {
                return List.of("/public/**");
            }

            @Override
            public void authorize(
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/admin/**").hasRole(Roles.ADMIN);
            }
        };
    }

    record EchoRequest(
            @NotBlank @Size(max = 10) String name,
            @Min(1) int count,
            List<@Size(max = 3) String> tags,
            LocalDate date) {}

    /** Query parameters bound by {@link QueryParameters}: converted, then validated. */
    record Search(
            @Size(max = 5) @Nullable String text,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate from,

            @Nullable List<UUID> ids,
            @Min(1) @Nullable Integer limit) {}

    @RestController
    static class TestController {

        @PostMapping("/echo")
        EchoRequest echo(@Valid @RequestBody EchoRequest request) {
            return request;
        }

        @GetMapping("/items/{id}")
        Map<String, Object> item(@PathVariable UUID id, AuthenticatedUser user) {
            return Map.of("id", id, "owner", user.id());
        }

        @GetMapping("/items")
        Map<String, Object> items(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
            return Map.of("limit", limit);
        }

        @GetMapping("/search")
        Search search(@QueryParameters Search search) {
            return search;
        }

        @GetMapping("/admin/report")
        Map<String, String> report() {
            return Map.of("report", "ok");
        }

        @GetMapping("/public/ping")
        Map<String, String> ping() {
            return Map.of("ping", "pong");
        }

        @GetMapping("/boom")
        void boom() {
            throw new IllegalStateException("secret internal detail: password=hunter2");
        }
    }
}
