package com.financetracker.launcher;

import java.io.PrintStream;

/** What the launcher says: progress, service logs with a prefix per service, and failures. */
public final class Console {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";

    private final PrintStream out;
    private final boolean colors;

    public Console(PrintStream out, boolean colors) {
        this.out = out;
        this.colors = colors;
    }

    synchronized void step(String message) {
        out.println(paint(BOLD, "==> ") + message);
    }

    synchronized void ok(String message) {
        out.println(paint(GREEN, "  ✓ ") + message);
    }

    synchronized void failure(String message) {
        out.println(paint(RED, "  ✗ " + message));
    }

    synchronized void line(String text) {
        out.println(text);
    }

    /** The colors of the services' log prefixes, in the services' order. */
    private static final String[] SERVICE_COLORS = {
        "\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[34m", "\u001b[32m", "\u001b[96m"
    };

    /** A log line of a service, behind its name in a color of its own. */
    synchronized void log(String service, int index, String text) {
        out.println(paint(SERVICE_COLORS[index % SERVICE_COLORS.length], String.format("%-9s|", service)) + " " + text);
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    private String paint(String color, String text) {
        return colors ? color + text + RESET : text;
    }
}
