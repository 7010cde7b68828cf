package com.financetracker.analytics.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    @Operation(summary = "The admin dashboard page", description = "It asks for an administrator's login.")
    @GetMapping(
            path = {"/", "/index.html"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        // its Content-Security-Policy is on every response of the service: DashboardSecurityHeaders
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PAGE);
    }
}
