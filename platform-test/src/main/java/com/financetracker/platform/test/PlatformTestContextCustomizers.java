package com.financetracker.platform.test;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link WithPostgres} and {@link WithTestTokens} to Spring test contexts. */
final class PlatformTestContextCustomizers implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations =
                MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        boolean postgres = annotations.isPresent(WithPostgres.class);
        boolean tokens = annotations.isPresent(WithTestTokens.class);
        return postgres || tokens ? new Customizer(postgres, tokens) : null;
    }

    /** Equal for equal flags, so Spring's context cache shares contexts between test classes as usual. */
    private record Customizer(boolean postgres, boolean tokens) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new java.util.HashMap<>();
            if (postgres) {
                properties.put("spring.datasource.url", EmbeddedPostgresServer.createDatabase());
                properties.put("spring.datasource.username", "postgres");
                properties.put("spring.datasource.password", "");
            }
            if (tokens) {
                properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
                properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("platformTest", properties));
        }
    }
}
