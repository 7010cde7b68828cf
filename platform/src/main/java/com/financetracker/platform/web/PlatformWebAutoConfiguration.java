package com.financetracker.platform.web;

import com.financetracker.platform.config.PlatformProperties;
import com.financetracker.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.SmartValidator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Problem responses for every error path, request ids, body limits and route templates for every service. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Rules that depend on today's date read it from the service's clock (Bean Validation's clock provider). */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Bean
    MergePatch mergePatch(JsonMapper jsonMapper, Validator validator) {
        return new MergePatch(jsonMapper, validator);
    }

    /** Errors Tomcat answers itself, before the application sees the request, are problems too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemResponses problems) {
        return factory -> factory.addContextCustomizers(
                context -> ProblemErrorReportValve.installWhenStarting(context, problems));
    }

    /** Durations in request parameters may be written like configuration: 5m, 1h, 1d (or ISO-8601, PT5M). */
    @Bean
    WebMvcConfigurer durationParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, Duration.class, DurationStyle::detectAndParse);
            }
        };
    }

    /** Request parameters bound to records ({@link QueryParameters}) with the MVC conversions and validator. */
    @Bean
    WebMvcConfigurer queryParameters(
            @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions,
            @Qualifier("mvcValidator") ObjectProvider<SmartValidator> validator) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                // looked up at the first request, once: they are made by the MVC configuration this resolver joins
                resolvers.add(new QueryParametersResolver(
                        SingletonSupplier.of(conversions::getObject), SingletonSupplier.of(validator::getObject)));
            }
        };
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemResponses problems) {
        return new ProblemExceptionHandler(problems);
    }

    /** A service that serves pages brings its own error page. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemResponses problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    RouteResolver routeResolver(ListableBeanFactory beans, @Value("${server.error.path:/error}") String errorPath) {
        return new RouteResolver(beans, errorPath);
    }

    @Bean
    FilterRegistrationBean<RequestId> requestIdFilter() {
        FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer unstorableTextInJson() {
        return builder -> builder.addModule(UnstorableText.jacksonModule());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unstorableTextInParameters(ProblemResponses problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(UnstorableText.parameterFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimitFilter(
            PlatformProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                properties.web().maxBodySize(), properties.web().bodySizeOverrides(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Describes the service in its OpenAPI document, with the bearer token every protected endpoint needs. The caller
     * ({@link AuthenticatedUser}) comes from that token: it is no request parameter, and the document does not list it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
    static class ApiDescriptionConfiguration {

        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
        }

        @Bean
        @ConditionalOnMissingBean
        OpenAPI openApi(@Value("${spring.application.name}") String service) {
            return new OpenAPI()
                    .info(new Info().title("Finance Tracker " + service).version("v1"))
                    .components(new Components()
                            .addSecuritySchemes(
                                    "bearer",
                                    new SecurityScheme()
                                            .type(SecurityScheme.Type.HTTP)
                                            .scheme("bearer")
                                            .bearerFormat("JWT")))
                    .addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
    }
}
