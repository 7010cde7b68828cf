package com.financetracker.web.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;

/** Query parameters expanded as URI variables, so that reserved characters in their values are encoded. */
final class Parameters {

    private Parameters() {}

    static URI uri(UriBuilder uri, String path, @Nullable String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                values.put(namesAndValues[i], value);
            }
        }
        uri.path(path);
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(values);
    }
}
