package com.financetracker.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code platform-defaults.properties} with the lowest precedence, so every service gets the same defaults
 * (virtual threads, actuator exposure, JSON strictness, the contract's environment variable names) and can still
 * override any of them.
 *
 * <p>When the service has a management port of its own ({@code MANAGEMENT_SERVER_PORT}, as in Docker Compose and
 * Kubernetes), the API description and Swagger UI move there too ({@code springdoc.use-management-port}), beside
 * the probes and the metrics: the public port then serves the API alone. One setting moves all of them.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "financePlatformDefaults";

    static final String MANAGEMENT_PORT_SOURCE_NAME = "financeManagementPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(
                            SOURCE_NAME, new ClassPathResource("platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("platform-defaults.properties is missing from the platform jar", e);
        }
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            MANAGEMENT_PORT_SOURCE_NAME, Map.of("springdoc.use-management-port", "true")));
        }
    }
}
