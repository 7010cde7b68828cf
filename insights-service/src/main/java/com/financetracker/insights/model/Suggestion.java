package com.financetracker.insights.model;

import java.util.List;

/**
 * A suggested category; {@code confidence} is a probability in 0..1, and {@code because} holds up to three words of
 * the description that drove it (possibly none).
 */
public record Suggestion(String category, double confidence, List<String> because) {

    public Suggestion {
        because = List.copyOf(because);
    }
}
