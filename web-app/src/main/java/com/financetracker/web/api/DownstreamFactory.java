package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the {@link Downstream} of each service: one JDK HTTP client (HTTP/1.1, kept-alive connections, the configured
 * connect timeout) and a JSON reader that ignores fields it does not know, so a service can add fields to its
 * answers without breaking the pages.
 */
@Component
public class DownstreamFactory {

    private final JdkClientHttpRequestFactory requestFactory;
    private final JsonMapper reader;

    public DownstreamFactory(WebAppProperties properties, JsonMapper jsonMapper) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.calls().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.requestFactory = new JdkClientHttpRequestFactory(client);
        this.requestFactory.setReadTimeout(properties.calls().readTimeout());
        this.reader = jsonMapper
                .rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public Downstream create(String name, URI baseUrl) {
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requestFactory)
                .messageConverters(List.<HttpMessageConverter<?>>of(
                        new ByteArrayHttpMessageConverter(),
                        new StringHttpMessageConverter(StandardCharsets.UTF_8),
                        new JacksonJsonHttpMessageConverter(reader)))
                .build();
        return new Downstream(name, rest);
    }
}
