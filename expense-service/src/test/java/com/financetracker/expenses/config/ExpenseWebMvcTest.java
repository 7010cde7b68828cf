package com.financetracker.expenses.config;

import com.financetracker.platform.test.WithTestTokens;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of the expense service: the named controllers behind the platform's filters, token checks and problem
 * answers, with the service's own access rules, called through MockMvc with tokens from the test identity provider.
 * What the controllers call is mocked by the test ({@code @MockitoBean}); no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@WithTestTokens
@Import(ExpenseSecurityConfiguration.class)
public @interface ExpenseWebMvcTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
