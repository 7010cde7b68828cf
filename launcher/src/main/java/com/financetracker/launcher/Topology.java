package com.financetracker.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The services of the product on one machine, their ports and the environment each one runs with: the same
 * variables Docker Compose and Kubernetes set, so the local stack exercises the production configuration.
 *
 * @param services every service, in start order
 */
public record Topology(List<ServiceSpec> services) {

    public static final String USER_SERVICE = "user-service";
    public static final String EXPENSE_SERVICE = "expense-service";
    public static final String ANALYTICS_SERVICE = "analytics-service";
    public static final String WEB_APP = "web-app";

    /** The product on its usual ports: 8000, 8001, 8002, and the web app on 8080. */
    public static Topology standard(Path home) {
        return withPorts(home, 8000, 8001, 8002, 8080);
    }

    public static Topology withPorts(Path home, int users, int expenses, int analytics, int web) {
        return new Topology(List.of(
                new ServiceSpec(USER_SERVICE, "users", users, "users", jar(home, USER_SERVICE), "\u001b[36m", 256),
                // a CSV import holds the rows of the whole file (10 MB) until it stores them
                new ServiceSpec(
                        EXPENSE_SERVICE,
                        "expenses",
                        expenses,
                        "expenses",
                        jar(home, EXPENSE_SERVICE),
                        "\u001b[35m",
                        512),
                new ServiceSpec(
                        ANALYTICS_SERVICE,
                        "analytics",
                        analytics,
                        "analytics",
                        jar(home, ANALYTICS_SERVICE),
                        "\u001b[33m",
                        256),
                new ServiceSpec(WEB_APP, "web", web, "web", jar(home, WEB_APP), "\u001b[32m", 256)));
    }

    /** Only the services whose jar has been built. */
    public Topology built() {
        return new Topology(
                services.stream().filter(spec -> Files.exists(spec.jar())).toList());
    }

    public ServiceSpec service(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Optional<ServiceSpec> find(String name) {
        return services.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The services other than the user service, which log in to it with the client-credentials grant. */
    public List<ServiceSpec> clients() {
        return services.stream()
                .filter(spec -> !spec.name().equals(USER_SERVICE))
                .toList();
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
        String issuer = url(USER_SERVICE, 8000);
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(spec.port()));
        env.put("DATABASE_URL", databaseUrl);
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_PASSWORD", "");
        env.put("FINANCE_ISSUER", issuer);
        env.put("FINANCE_JWKS_URI", issuer + "/.well-known/jwks.json");
        env.put("FINANCE_CORS_ALLOWED_ORIGINS", url(ANALYTICS_SERVICE, 8002));
        env.put("FINANCE_EVENTS_TRANSPORT", kafkaBootstrapServers == null ? "http" : "kafka");
        if (kafkaBootstrapServers != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        }
        env.put("FINANCE_USERS_URL", url(USER_SERVICE, 8000));
        env.put("FINANCE_EXPENSES_URL", url(EXPENSE_SERVICE, 8001));
        env.put("FINANCE_ANALYTICS_URL", url(ANALYTICS_SERVICE, 8002));
        if (spec.name().equals(WEB_APP)) {
            env.put("FINANCE_DASHBOARD_URL", url(ANALYTICS_SERVICE, 8002) + "/");
        }
        if (spec.name().equals(USER_SERVICE)) {
            env.put("FINANCE_ADMIN_EMAIL", credentials.adminEmail());
            env.put("FINANCE_ADMIN_PASSWORD", credentials.adminPassword());
            env.put(
                    "FINANCE_SERVICE_CLIENTS",
                    credentials.clientSecrets().entrySet().stream()
                            .map(client -> client.getKey() + ":" + client.getValue())
                            .sorted()
                            .collect(Collectors.joining(",")));
        } else {
            env.put("FINANCE_SERVICE_CLIENT_ID", spec.name());
            env.put("FINANCE_SERVICE_CLIENT_SECRET", credentials.clientSecrets().get(spec.name()));
        }
        return env;
    }

    /** The base URL of a service, on its port in this topology, else on its usual one. */
    private String url(String service, int usualPort) {
        return "http://localhost:" + find(service).map(ServiceSpec::port).orElse(usualPort);
    }

    private static Path jar(Path home, String service) {
        return home.resolve(service).resolve("target").resolve(service + ".jar");
    }

    /**
     * Secrets the services are started with.
     *
     * @param clientSecrets the client-credentials secret of each service other than the user service
     */
    public record Credentials(String adminEmail, String adminPassword, Map<String, String> clientSecrets) {}
}
