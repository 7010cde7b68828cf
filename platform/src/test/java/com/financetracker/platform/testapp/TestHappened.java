package com.financetracker.platform.testapp;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.NotNull;

/** The test application's event: something happened, with a value; only the service named "sender" sends it. */
public record TestHappened(@NotNull String value) {

    public static final EventType<TestHappened> TYPE =
            new EventType<>("test.happened", "finance.test-events.v1", TestHappened.class, "sender");
}
