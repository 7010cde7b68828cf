package com.financetracker.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code platform-defaults.properties} with the lowest precedence, so every service gets the same defaults
 * (virtual threads, actuator exposure, JSON strictness, the contract's environment variable names) and can still
 * override any of them.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "financePlatformDefaults";

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
    }
}
