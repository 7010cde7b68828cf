package com.financetracker.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the product as a stack on one machine runs it: its declaration, the port it listens on there and its
 * executable jar.
 *
 * @param service what {@code services.yaml} declares
 * @param port its HTTP port in this stack (its declared port in the local stack, a free one in isolated stacks)
 * @param jar its executable jar
 */
public record ServiceSpec(ServiceCatalog.Service service, int port, Path jar) {

    public String name() {
        return service.name();
    }

    public String database() {
        return service.database();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Sized for a laptop running every service and the database at once. The serial collector has no per-region
     * bookkeeping and starts fastest; it grows the heap up to its maximum rather than collect often, so the maximum
     * is what bounds the memory a busy service holds.
     */
    public List<String> jvmOptions() {
        return List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx" + service.heapMb() + "m", "-XX:+ExitOnOutOfMemoryError");
    }
}
