package com.financetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The resolver reads every Authorization header as Spring Security's own does: the same token, or the same refusal. */
class PublicPathsIgnoringTokenResolverTest {

    private final PublicPathsIgnoringTokenResolver resolver = new PublicPathsIgnoringTokenResolver(
            List.of(PathPatternRequestMatcher.withDefaults().matcher("/login")));
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
                "Bearer abc-._~+/XYZ09",
                "Bearer abc==",
                "Bearer abc=",
                "bearer abc",
                "BEARER abc",
                "Bearer ",
                "Bearer",
                "Bearer =",
                "Bearer abc=d",
                "Bearer abc def",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer ab\u00e9c",
                "Bearer abc\n",
                "Basic dXNlcjpwYXNz",
                ""
            })
    void answersAsSpringSecurityDoes(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/expenses");
        request.addHeader("Authorization", authorization);

        assertThat(outcome(() -> resolver.resolve(request))).isEqualTo(outcome(() -> spring.resolve(request)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Bearer abc def"})
    void aPublicPathIgnoresAnyToken(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.addHeader("Authorization", authorization);

        assertThat(resolver.resolve(request)).isNull();
    }

    /** The token read (or "null"), or the kind of exception thrown. */
    private static String outcome(Supplier<@Nullable String> resolution) {
        try {
            return String.valueOf(resolution.get());
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
