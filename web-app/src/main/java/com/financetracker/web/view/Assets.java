package com.financetracker.web.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * URLs of the scripts and styles: the web app's own with a hash of their content in the name, the WebJars' with
 * their version in the path. Either way a URL names one content for ever, so browsers cache them for a year.
 */
@Component
public class Assets {

    private final ResourceUrlProvider urls;
    private final String htmx;
    private final String chartJs;

    Assets(ResourceUrlProvider mvcResourceUrlProvider) {
        this.urls = mvcResourceUrlProvider;
        this.htmx = "/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js";
        this.chartJs = "/webjars/chart.js/" + version("chart.js") + "/dist/chart.umd.min.js";
    }

    /** The versioned URL of one of the web app's own files, such as {@code /css/app.css}. */
    public String url(String path) {
        String versioned = urls.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }

    public String htmx() {
        return htmx;
    }

    public String chartJs() {
        return chartJs;
    }

    private static String version(String webjar) {
        String resource = "/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The " + webjar + " WebJar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
