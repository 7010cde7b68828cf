package com.financetracker.launcher;

import java.nio.file.Path;
import java.util.List;

/** {@code finance-tracker up}: starts the local stack and keeps it running until Ctrl-C. */
public final class Launcher {

    private static final String USAGE = """
            Usage: finance-tracker up [--kafka] [--follow]

            Starts the whole Finance Tracker on this machine: an embedded PostgreSQL and every service declared in
            services.yaml, each on its port. Stop it with Ctrl-C. A service that dies is restarted (after 1 s, 2 s,
            4 s … at most 30 s); one that dies five times within two minutes stops everything.

            --kafka   send events between the services over an embedded Kafka broker (KRaft, port 9092), as
                      Docker Compose and Kubernetes do, instead of HTTP
            --follow  show the services' log lines here as well (they always go to FINANCE_DATA_DIR/logs)

            Environment:
              FINANCE_DATA_DIR        where data, secrets and logs are kept (default ./data)
              FINANCE_DB_PORT         port of the embedded PostgreSQL (default 5433)
              FINANCE_KAFKA_PORT      port of the embedded Kafka broker with --kafka (default 9092; the
                                      controller uses the next one)
              FINANCE_ADMIN_EMAIL     the administrator's email (default admin@finance.local)
              FINANCE_ADMIN_PASSWORD  the administrator's password (default: generated on first start)
            """;

    private Launcher() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean known = arguments.stream()
                .skip(1)
                .allMatch(argument -> argument.equals("--kafka") || argument.equals("--follow"));
        if (arguments.isEmpty() || !arguments.getFirst().equals("up") || !known || arguments.contains("--help")) {
            System.out.print(USAGE);
            System.exit(arguments.contains("--help") ? 0 : 2);
        }
        Settings settings = Settings.fromEnvironment(
                System.getenv(),
                Path.of(System.getProperty("finance.home", ".")),
                arguments.contains("--kafka"),
                arguments.contains("--follow"));
        LocalStack stack = new LocalStack(settings, new Console(System.out, System.console() != null));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "shutdown"));
        try {
            stack.start();
        } catch (StartupException e) {
            stack.console().failure(e.getMessage());
            stack.stop();
            System.exit(1);
        }
        stack.awaitTermination();
    }
}
