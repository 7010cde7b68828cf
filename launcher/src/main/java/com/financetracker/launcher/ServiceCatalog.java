package com.financetracker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The services of the product as {@code services.yaml} at the repository's root declares them: the one place a
 * service is named. The launcher jar carries a copy of the file.
 *
 * @param services every service, in start order
 */
public record ServiceCatalog(List<Service> services) {

    /** Where the declaration is, in the repository and in the launcher jar. */
    public static final String FILE = "services.yaml";

    /**
     * One service.
     *
     * @param name its name, which is also its Maven module and its jar's name
     * @param title what it is, in a few words, as the launcher prints it
     * @param port its HTTP port
     * @param database the name of its PostgreSQL database
     * @param urlVariable the environment variable other services find its base URL in
     * @param heapMb the most heap it may take in the local stack
     * @param issuesTokens whether it signs the access tokens (exactly one service does)
     * @param entryPoint whether it is where people go in a browser (at most one service is)
     * @param publishes the event types it records in its outbox
     * @param consumes the event types it handles
     * @param publicPaths what it answers without an access token
     */
    public record Service(
            String name,
            String title,
            int port,
            String database,
            String urlVariable,
            int heapMb,
            boolean issuesTokens,
            boolean entryPoint,
            List<String> publishes,
            List<String> consumes,
            List<String> publicPaths) {

        /** Whether it sends events over HTTP with a client-credentials token of its own. */
        public boolean isClient() {
            return !issuesTokens && !publishes.isEmpty();
        }

        /** The prefix of its environment variables, such as {@code EXPENSE_SERVICE} for its database password. */
        public String variablePrefix() {
            return name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    /** The declaration the launcher jar carries. */
    public static ServiceCatalog load() {
        try (InputStream in = ServiceCatalog.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the launcher jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a declaration, checking what every consumer of it relies on. */
    public static ServiceCatalog read(InputStream yaml) {
        ServiceCatalog catalog;
        try {
            catalog = YAMLMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    // issues-tokens and entry-point may be left out (false); ports and heaps are checked below
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build()
                    .readValue(yaml, ServiceCatalog.class);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    FILE + " is not a valid declaration of services: " + e.getOriginalMessage(), e);
        }
        for (Service service : catalog.services()) {
            if (service.name() == null
                    || service.database() == null
                    || service.urlVariable() == null
                    || service.publishes() == null
                    || service.consumes() == null
                    || service.publicPaths() == null
                    || service.port() <= 0
                    || service.heapMb() <= 0) {
                throw new IllegalStateException(FILE + ": every service needs a name, port, database, url-variable,"
                        + " heap-mb, publishes, consumes and public-paths (lists may be empty: [])");
            }
        }
        if (catalog.services().stream().filter(Service::entryPoint).count() > 1) {
            throw new IllegalStateException(FILE + " must declare at most one service with entry-point: true");
        }
        if (catalog.services().stream().filter(Service::issuesTokens).count() != 1) {
            throw new IllegalStateException(FILE + " must declare exactly one service with issues-tokens: true");
        }
        return catalog;
    }

    public Service service(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no service " + name + " in " + FILE));
    }

    public Optional<Service> find(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** The service that signs access tokens. */
    public Service issuer() {
        return services.stream().filter(Service::issuesTokens).findFirst().orElseThrow();
    }

    /** The services that handle events of the type. */
    public List<Service> consumersOf(String eventType) {
        return services.stream()
                .filter(service -> service.consumes().contains(eventType))
                .toList();
    }
}
