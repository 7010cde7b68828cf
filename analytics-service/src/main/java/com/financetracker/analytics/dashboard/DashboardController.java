package com.financetracker.analytics.dashboard;

import com.financetracker.analytics.config.AnalyticsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Dashboard")
@SecurityRequirements
@RestController
class DashboardController {

    private static final Resource PAGE = new ClassPathResource("static/index.html");

    private final String usersUrl;

    DashboardController(AnalyticsProperties properties) {
        this.usersUrl = properties.usersUrl().toString().replaceAll("/+$", "");
    }

    @Operation(summary = "The admin dashboard page", description = "It asks for an administrator's login.")
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; connect-src 'self' " + usersUrl
                                + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .body(PAGE);
    }

    @Operation(summary = "Where the dashboard logs administrators in")
    @GetMapping("/dashboard/config.json")
    Map<String, String> config() {
        return Map.of("usersUrl", usersUrl);
    }
}
