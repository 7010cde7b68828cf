package com.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every file that must name a service agrees with {@code services.yaml}: adding a service there makes this test list
 * each file still missing it (docs/architecture.md, "Adding a service").
 */
class ServiceCatalogTest {

    static final Path ROOT =
            Path.of(System.getProperty("finance.home", "..")).toAbsolutePath().normalize();
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    static ServiceCatalog catalog;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve(ServiceCatalog.FILE))) {
            catalog = ServiceCatalog.read(in);
        }
    }

    @Test
    void theLauncherCarriesTheRepositorysDeclaration() {
        assertThat(ServiceCatalog.load()).isEqualTo(catalog);
    }

    @Test
    void everyServiceIsAModuleConfiguredAsDeclared() {
        Missing missing = new Missing();
        String rootPom = text("pom.xml");
        String systemTests = text("system-tests/pom.xml");
        for (ServiceCatalog.Service service : catalog.services()) {
            String name = service.name();
            missing.unless(rootPom.contains("<module>" + name + "</module>"), name, "pom.xml", "<module>" + name);
            missing.unless(
                    text(name + "/pom.xml").contains("<finalName>" + name + "</finalName>"),
                    name,
                    name + "/pom.xml",
                    "<finalName>" + name);
            String config = name + "/src/main/resources/application.yml";
            JsonNode yml = yaml(config);
            missing.unless(yml.at("/spring/application/name").asString().equals(name), name, config, "its name");
            missing.unless(
                    yml.at("/server/port").asString().equals("${SERVER_PORT:" + service.port() + "}"),
                    name,
                    config,
                    "port ${SERVER_PORT:" + service.port() + "}");
            missing.unless(
                    yml.at("/finance/database-name").asString().equals(service.database()),
                    name,
                    config,
                    "database-name " + service.database());
            missing.unless(
                    systemTests.contains("<artifactId>" + name + "</artifactId>"),
                    name,
                    "system-tests/pom.xml",
                    "a dependency, so the reactor builds it before the system tests");
        }
        missing.assertNone();
    }

    /**
     * What a service publishes goes over HTTP to the receivers its own application.yml names: exactly the services that
     * consume the type, found by their URL variables, with their declared ports as local defaults.
     */
    @Test
    void publishedEventsGoToEveryConsumerAndNoOtherService() {
        Missing missing = new Missing();
        for (ServiceCatalog.Service publisher : catalog.services()) {
            String config = publisher.name() + "/src/main/resources/application.yml";
            JsonNode receivers = yaml(config).at("/finance/events/http/receivers");
            Set<String> routed = new TreeSet<>();
            receivers.propertyNames().forEach(key -> routed.add(key.replaceAll("^\\[|]$", "")));
            missing.unless(
                    routed.equals(new TreeSet<>(publisher.publishes())),
                    publisher.name(),
                    config,
                    "finance.events.http.receivers for exactly " + publisher.publishes() + " (has " + routed + ")");
            for (String type : publisher.publishes()) {
                Map<String, String> defaults = new LinkedHashMap<>();
                Matcher variables =
                        VARIABLE.matcher(receivers.path("[" + type + "]").asString(""));
                while (variables.find()) {
                    defaults.put(variables.group(1), variables.group(2));
                }
                Map<String, String> expected = catalog.consumersOf(type).stream()
                        .collect(Collectors.toMap(
                                ServiceCatalog.Service::urlVariable,
                                consumer -> "http://localhost:" + consumer.port(),
                                (a, b) -> a,
                                LinkedHashMap::new));
                missing.unless(
                        defaults.equals(expected),
                        publisher.name(),
                        config,
                        "receivers of " + type + " " + expected + " (has " + defaults + ")");
            }
        }
        missing.assertNone();
    }

    @Test
    void dockerComposeRunsEveryServiceAndNothingElse() {
        Missing missing = new Missing();
        JsonNode compose = yaml("docker-compose.yml");
        JsonNode shared = compose.path("x-service-environment");
        JsonNode secrets = compose.at("/services/secrets/environment");
        String secretsScript = text("deploy/compose/secrets.sh");
        for (ServiceCatalog.Service service : catalog.services()) {
            String name = service.name();
            JsonNode definition = compose.path("services").path(name);
            if (definition.isMissingNode()) {
                missing.add(name, "docker-compose.yml", "a service " + name);
                continue;
            }
            JsonNode environment = definition.path("environment");
            missing.unless(
                    definition.at("/build/args/SERVICE").asString().equals(name),
                    name,
                    "docker-compose.yml",
                    "build arg SERVICE " + name);
            missing.unless(
                    definition.at("/build/args/SERVER_PORT").asString().equals(Integer.toString(service.port())),
                    name,
                    "docker-compose.yml",
                    "build arg SERVER_PORT " + service.port());
            missing.unless(
                    definition.path("ports").toString().contains(service.port() + ":" + service.port()),
                    name,
                    "docker-compose.yml",
                    "port " + service.port());
            missing.unless(
                    environment.path("DATABASE_URL").asString().endsWith("/" + service.database()),
                    name,
                    "docker-compose.yml",
                    "DATABASE_URL of database " + service.database());
            missing.unless(
                    environment.path("DATABASE_USER").asString().equals(login(service)),
                    name,
                    "docker-compose.yml",
                    "DATABASE_USER " + login(service));
            // Its secrets: .env's value or a generated one (the service secrets), in a volume of its own.
            missing.unless(
                    secrets.path(dbPassword(service)).asString().equals("${" + dbPassword(service) + ":-}"),
                    name,
                    "docker-compose.yml",
                    "secrets environment " + dbPassword(service) + ": ${" + dbPassword(service) + ":-}");
            missing.unless(
                    definition.path("volumes").toString().contains("\"" + name + "-secrets:/run/secrets/finance:ro\"")
                            && compose.path("volumes").has(name + "-secrets")
                            && compose.at("/services/secrets/volumes")
                                    .toString()
                                    .contains(name + "-secrets:/out/" + name),
                    name,
                    "docker-compose.yml",
                    "the volume " + name + "-secrets, written by the service secrets, at /run/secrets/finance:ro");
            missing.unless(
                    secretsScript.contains(
                            "publish /out/" + name + " 10001:10001 DATABASE_PASSWORD=" + dbPassword(service)),
                    name,
                    "deploy/compose/secrets.sh",
                    "publish /out/" + name + " with DATABASE_PASSWORD=" + dbPassword(service));
            missing.unless(
                    compose.at("/services/postgres/environment/" + dbPassword(service) + "_FILE")
                                    .asString()
                                    .equals("/run/secrets/finance/" + dbPassword(service))
                            && secretsScript.contains(dbPassword(service) + "=" + dbPassword(service)),
                    name,
                    "docker-compose.yml",
                    "postgres environment " + dbPassword(service) + "_FILE (the init script creates its login)");
            missing.unless(
                    shared.path(service.urlVariable()).asString().equals("http://" + name + ":" + service.port()),
                    name,
                    "docker-compose.yml",
                    "x-service-environment " + service.urlVariable() + ": http://" + name + ":" + service.port());
            if (service.isClient()) {
                missing.unless(
                        environment.path("FINANCE_SERVICE_CLIENT_ID").asString().equals(name)
                                && secrets.path(clientSecret(service))
                                        .asString()
                                        .equals("${" + clientSecret(service) + ":-}"),
                        name,
                        "docker-compose.yml",
                        "FINANCE_SERVICE_CLIENT_ID, and the service secrets' " + clientSecret(service));
                missing.unless(
                        secretsScript.contains("FINANCE_SERVICE_CLIENT_SECRET=" + clientSecret(service))
                                && secretsScript.contains(" " + name + "=" + clientSecret(service)),
                        name,
                        "deploy/compose/secrets.sh",
                        "its FINANCE_SERVICE_CLIENT_SECRET and "
                                + catalog.issuer().name() + "'s FINANCE_SERVICE_CLIENTS entry " + name + "="
                                + clientSecret(service));
            } else {
                missing.ifPresent(
                        !environment.path("FINANCE_SERVICE_CLIENT_ID").isMissingNode(),
                        name,
                        "docker-compose.yml",
                        "FINANCE_SERVICE_CLIENT_ID, but it sends nothing and needs no client");
            }
        }
        Set<String> declared =
                catalog.services().stream().map(ServiceCatalog.Service::name).collect(Collectors.toSet());
        compose.path("services").propertyNames().stream()
                .filter(name -> compose.at("/services/" + name + "/build").isObject())
                .filter(name -> !declared.contains(name))
                .forEach(name -> missing.add(name, "services.yaml", "docker-compose.yml builds it"));
        missing.assertNone();
    }

    @Test
    void theSecretsTemplateAndTheDatabaseInitScriptsNameEveryService() {
        Missing missing = new Missing();
        String env = text(".env.example");
        List<String> initScripts = List.of(
                "deploy/compose/initdb/10-create-service-databases.sh",
                "deploy/k8s/components/postgres/10-create-service-databases.sh");
        for (ServiceCatalog.Service service : catalog.services()) {
            missing.unless(
                    env.contains("\n" + dbPassword(service) + "="),
                    service.name(),
                    ".env.example",
                    dbPassword(service));
            if (service.isClient()) {
                missing.unless(
                        env.contains("\n" + clientSecret(service) + "="),
                        service.name(),
                        ".env.example",
                        clientSecret(service));
            }
            for (String script : initScripts) {
                missing.unless(
                        text(script)
                                .contains("create_service_database " + service.database() + " " + login(service) + " "
                                        + dbPassword(service) + "\n"),
                        service.name(),
                        script,
                        "create_service_database " + service.database());
            }
        }
        missing.assertNone();
    }

    @Test
    void kubernetesRunsEveryService() {
        Missing missing = new Missing();
        JsonNode base = yaml("deploy/k8s/base/kustomization.yaml");
        String resources = base.path("resources").toString();
        Map<String, List<String>> literals = new LinkedHashMap<>();
        for (JsonNode map : base.path("configMapGenerator")) {
            List<String> values = new ArrayList<>();
            map.path("literals").forEach(literal -> values.add(literal.asString()));
            literals.put(map.path("name").asString(), values);
        }
        String policies = text("deploy/k8s/components/network-policies/network-policies.yaml");
        String ingress = text("deploy/k8s/components/ingress/ingress.yaml");
        String dev = text("deploy/k8s/overlays/dev/kustomization.yaml");
        String prod = text("deploy/k8s/overlays/prod/kustomization.yaml");
        for (ServiceCatalog.Service service : catalog.services()) {
            String name = service.name();
            String kustomization = "deploy/k8s/base/kustomization.yaml";
            missing.unless(
                    Files.exists(ROOT.resolve("deploy/k8s/base/" + name + ".yaml")),
                    name,
                    "deploy/k8s/base/",
                    name + ".yaml");
            missing.unless(
                    resources.contains("\"" + name + ".yaml\""), name, kustomization, "resource " + name + ".yaml");
            List<String> own = literals.getOrDefault(name + "-config", List.of());
            missing.unless(
                    own.contains("SERVER_PORT=" + service.port()), name, kustomization, name + "-config SERVER_PORT");
            missing.unless(
                    own.contains("DATABASE_URL=jdbc:postgresql://postgres:5432/" + service.database())
                            && own.contains("DATABASE_USER=" + login(service)),
                    name,
                    kustomization,
                    name + "-config DATABASE_URL and DATABASE_USER");
            missing.unless(
                    literals.getOrDefault("finance-tracker-config", List.of())
                            .contains(service.urlVariable() + "=http://" + name + ":" + service.port()),
                    name,
                    kustomization,
                    "finance-tracker-config " + service.urlVariable());
            // a client's id is its name, from which receivers decide what it may send; one that sends nothing has none
            missing.ifPresent(
                    !service.isClient()
                            && own.stream().anyMatch(literal -> literal.startsWith("FINANCE_SERVICE_CLIENT_ID=")),
                    name,
                    kustomization,
                    name + "-config FINANCE_SERVICE_CLIENT_ID, but it sends nothing and needs no client");
            missing.unless(
                    !service.isClient() || own.contains("FINANCE_SERVICE_CLIENT_ID=" + name),
                    name,
                    kustomization,
                    name + "-config FINANCE_SERVICE_CLIENT_ID=" + name + ", its own name");
            missing.unless(
                    !service.isClient() || dev.matches("(?s).*FINANCE_SERVICE_CLIENTS=([^\\n]*,)?" + name + ":.*"),
                    name,
                    "deploy/k8s/overlays/dev/kustomization.yaml",
                    "an entry " + name + ":<secret> in " + catalog.issuer().name() + "'s FINANCE_SERVICE_CLIENTS");
            missing.unless(
                    policies.contains("\n  name: " + name + "\n"),
                    name,
                    "deploy/k8s/components/network-policies/network-policies.yaml",
                    "a NetworkPolicy " + name);
            missing.unless(
                    ingress.contains("name: " + name + "\n"),
                    name,
                    "deploy/k8s/components/ingress/ingress.yaml",
                    "a backend " + name);
            missing.unless(
                    dev.contains("name: " + name + "-secrets"),
                    name,
                    "deploy/k8s/overlays/dev/kustomization.yaml",
                    name + "-secrets");
            missing.unless(
                    prod.contains(name), name, "deploy/k8s/overlays/prod/kustomization.yaml", "its image and settings");
        }
        missing.assertNone();
    }

    @Test
    void theDocsDescribeEveryService() {
        Missing missing = new Missing();
        String architecture = text("docs/architecture.md");
        String configuration = text("docs/configuration.md");
        String readme = text("README.md");
        for (ServiceCatalog.Service service : catalog.services()) {
            missing.unless(
                    architecture.contains("| " + service.name() + " | " + service.port() + " |"),
                    service.name(),
                    "docs/architecture.md",
                    "a row of the services table");
            missing.unless(
                    configuration.contains(service.urlVariable()),
                    service.name(),
                    "docs/configuration.md",
                    service.urlVariable());
            missing.unless(readme.contains("localhost:" + service.port()), service.name(), "README.md", "its URL");
        }
        missing.assertNone();
    }

    private static String login(ServiceCatalog.Service service) {
        return service.name().replace('-', '_');
    }

    private static String dbPassword(ServiceCatalog.Service service) {
        return service.variablePrefix() + "_DB_PASSWORD";
    }

    private static String clientSecret(ServiceCatalog.Service service) {
        return service.variablePrefix() + "_CLIENT_SECRET";
    }

    private static String text(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode yaml(String file) {
        return YAML.readTree(text(file));
    }

    /** What is missing where, so one failure names every file still to change. */
    private static final class Missing {

        private final List<String> lines = new ArrayList<>();

        void unless(boolean present, String service, String file, String what) {
            if (!present) {
                add(service, file, what);
            }
        }

        void add(String service, String file, String what) {
            lines.add(service + ": " + file + " lacks " + what);
        }

        /** Reports what a file holds for a service that it must not. */
        void ifPresent(boolean present, String service, String file, String what) {
            if (present) {
                lines.add(service + ": " + file + " has " + what);
            }
        }

        void assertNone() {
            assertThat(lines)
                    .as("Files that do not agree with services.yaml (docs/architecture.md, \"Adding a service\")")
                    .isEmpty();
        }
    }
}
