package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the {@link Downstream} of each service: one HTTP client (Apache HttpClient: kept-alive connections in a pool,
 * the configured timeouts, no redirects) and a JSON reader that ignores fields it does not know, so a service can add
 * fields to its answers without breaking the pages. The client does its blocking I/O on the calling request's virtual
 * thread, where the JDK's client handed every call to its selector thread and back.
 */
@Component
public class DownstreamFactory implements AutoCloseable {

    /** Connections kept to each service: more than the calls a busy web app has under way at once. */
    private static final int CONNECTIONS_PER_SERVICE = 64;

    private final HttpComponentsClientHttpRequestFactory requestFactory;
    private final JsonMapper reader;

    public DownstreamFactory(WebAppProperties properties, JsonMapper jsonMapper) {
        Timeout connect = Timeout.of(properties.calls().connectTimeout());
        Timeout read = Timeout.of(properties.calls().readTimeout());
        this.requestFactory = new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(CONNECTIONS_PER_SERVICE)
                        .setMaxConnTotal(3 * CONNECTIONS_PER_SERVICE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                // a connection a service closed while idle is noticed before a call uses it
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
                // the services answer uncompressed: nothing to gain on a local network
                .disableContentCompression()
                // a refusal such as 429 with Retry-After is the person's to see, never waited out by the client
                .disableAutomaticRetries()
                .build());
        this.reader = jsonMapper
                .rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public Downstream create(String name, URI baseUrl) {
        return create(name, baseUrl, requestFactory);
    }

    /** The same, for calls whose answer may take longer than the configured read timeout (an import). */
    public Downstream create(String name, URI baseUrl, Duration readTimeout) {
        HttpComponentsClientHttpRequestFactory patient =
                new HttpComponentsClientHttpRequestFactory(requestFactory.getHttpClient());
        patient.setReadTimeout(readTimeout);
        return create(name, baseUrl, patient);
    }

    private Downstream create(String name, URI baseUrl, HttpComponentsClientHttpRequestFactory requests) {
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .messageConverters(List.<HttpMessageConverter<?>>of(
                        new ByteArrayHttpMessageConverter(),
                        new StringHttpMessageConverter(StandardCharsets.UTF_8),
                        new JacksonJsonHttpMessageConverter(reader)))
                .build();
        return new Downstream(name, rest);
    }

    /** Closes the pooled connections when the web app stops. */
    @Override
    public void close() throws Exception {
        requestFactory.destroy();
    }
}
