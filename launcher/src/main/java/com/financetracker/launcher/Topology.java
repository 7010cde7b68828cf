package com.financetracker.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The services of the product on one machine, their ports and the environment each one runs with: the same
 * variables Docker Compose and Kubernetes set, so the local stack exercises the production configuration. The
 * services and what they are come from {@link ServiceCatalog}.
 *
 * @param catalog the declared services
 * @param services every service of this stack, in start order
 */
public record Topology(ServiceCatalog catalog, List<ServiceSpec> services) {

    public static final String USER_SERVICE = "user-service";
    public static final String EXPENSE_SERVICE = "expense-service";
    public static final String ANALYTICS_SERVICE = "analytics-service";
    public static final String INSIGHTS_SERVICE = "insights-service";
    public static final String WEB_APP = "web-app";

    /** The product on its declared ports (8000, 8001, …). */
    public static Topology standard(Path home) {
        return withPorts(home, ServiceCatalog.Service::port);
    }

    /** The product with each service on the port the function gives it. */
    public static Topology withPorts(Path home, ToIntFunction<ServiceCatalog.Service> port) {
        ServiceCatalog catalog = ServiceCatalog.load();
        return new Topology(
                catalog,
                catalog.services().stream()
                        .map(service -> new ServiceSpec(service, port.applyAsInt(service), jar(home, service.name())))
                        .toList());
    }

    /** Only the services whose jar has been built. */
    public Topology built() {
        return new Topology(
                catalog,
                services.stream().filter(spec -> Files.exists(spec.jar())).toList());
    }

    public ServiceSpec service(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Optional<ServiceSpec> find(String name) {
        return services.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The services that log in to the token issuer with the client-credentials grant. */
    public List<ServiceSpec> clients() {
        return services.stream().filter(spec -> spec.service().isClient()).toList();
    }

    /**
     * The environment of one service.
     *
     * @param databaseUrl the JDBC URL of the service's own database
     * @param credentials the administrator and the client secrets
     * @param kafkaBootstrapServers the Kafka broker events travel over, or null for HTTP
     */
    public Map<String, String> environment(
            ServiceSpec spec, String databaseUrl, Credentials credentials, @Nullable String kafkaBootstrapServers) {
        ServiceCatalog.Service issuer = catalog.issuer();
        String issuerUrl = url(issuer);
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(spec.port()));
        // probes, metrics and the API docs stay on the service's own port on this machine (the readiness checks and
        // the printed Swagger UI address ask it there), whatever the shell's environment says; Docker Compose and
        // Kubernetes give them a port of their own
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(spec.port()));
        env.put("DATABASE_URL", databaseUrl);
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_PASSWORD", "");
        env.put("FINANCE_ISSUER", issuerUrl);
        env.put("FINANCE_JWKS_URI", issuerUrl + "/.well-known/jwks.json");
        catalog.find(ANALYTICS_SERVICE).ifPresent(dashboard -> env.put("FINANCE_CORS_ALLOWED_ORIGINS", url(dashboard)));
        env.put("FINANCE_EVENTS_TRANSPORT", kafkaBootstrapServers == null ? "http" : "kafka");
        if (kafkaBootstrapServers != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        }
        catalog.services().forEach(service -> env.put(service.urlVariable(), url(service)));
        if (spec.service().issuesTokens()) {
            env.put("FINANCE_ADMIN_EMAIL", credentials.adminEmail());
            env.put("FINANCE_ADMIN_PASSWORD", credentials.adminPassword());
            env.put(
                    "FINANCE_SERVICE_CLIENTS",
                    credentials.clientSecrets().entrySet().stream()
                            .map(client -> client.getKey() + ":" + client.getValue())
                            .sorted()
                            .collect(Collectors.joining(",")));
            env.put("FINANCE_SIGNING_KEY_ENCRYPTION_KEY", credentials.signingKeyEncryptionKey());
        } else if (spec.service().isClient()) {
            env.put("FINANCE_SERVICE_CLIENT_ID", spec.name());
            env.put("FINANCE_SERVICE_CLIENT_SECRET", credentials.clientSecrets().get(spec.name()));
        }
        return env;
    }

    /** The base URL of a service, on its port in this topology, else on its declared one. */
    private String url(ServiceCatalog.Service service) {
        return "http://localhost:" + find(service.name()).map(ServiceSpec::port).orElse(service.port());
    }

    private static Path jar(Path home, String service) {
        return home.resolve(service).resolve("target").resolve(service + ".jar");
    }

    /**
     * Secrets the services are started with.
     *
     * @param clientSecrets the client-credentials secret of each client service
     * @param signingKeyEncryptionKey the key-encryption key that wraps the token issuer's signing keys in its
     *     database (32 random bytes in base64); given to the issuer only
     */
    public record Credentials(
            String adminEmail,
            String adminPassword,
            Map<String, String> clientSecrets,
            String signingKeyEncryptionKey) {

        @Override
        public String toString() {
            return "Credentials[adminEmail=" + adminEmail + ", clients=" + clientSecrets.keySet() + "]";
        }
    }
}
