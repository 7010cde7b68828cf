package com.financetracker.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run inside the launcher: the production
 * event path on a laptop. Its log lives in the data directory, formatted once, so events that were published but not
 * yet consumed when the stack stopped are still there at the next start.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker, formatting its storage on first use.
     *
     * @param directory where the broker keeps its log and configuration
     * @param port the client port (the controller listens on the next one)
     */
    public static KafkaBroker start(Path directory, int port) {
        int controllerPort = port + 1;
        Database.ensurePortFree(port);
        Database.ensurePortFree(controllerPort);
        Path logs = directory.resolve("logs");
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toString());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // the services create their topics (with dead-letter topics) themselves
        config.put("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(logs);
            Path configFile = directory.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                config.store(writer, "Written by finance-tracker up --kafka");
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(configFile);
            }
        } catch (IOException e) {
            throw new StartupException("Cannot prepare Kafka's directory " + directory + ": " + e.getMessage(), e);
        }
        try {
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, "localhost:" + port);
        } catch (RuntimeException e) {
            throw new StartupException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void format(Path configFile) {
        String[] arguments = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()
        };
        int exit = StorageTool.execute(arguments, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new StartupException("Formatting Kafka's storage failed (exit code " + exit + ")");
        }
    }
}
