package com.financetracker.platform.testapp;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.NotNull;

/** The test application's second event, on a topic of its own: something was noted, with a value. */
public record TestNoted(@NotNull String value) {

    public static final EventType<TestNoted> TYPE =
            new EventType<>("test.noted", "finance.test-notes.v1", TestNoted.class, "sender");
}
