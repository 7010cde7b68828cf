package com.financetracker.web.view;

import org.jspecify.annotations.Nullable;

/** A part of a page fed by one service: its content, or the sentence saying that the service is unavailable. */
public final class Section<T> {

    private final @Nullable T value;
    private final @Nullable String unavailable;

    private Section(@Nullable T value, @Nullable String unavailable) {
        this.value = value;
        this.unavailable = unavailable;
    }

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null);
    }

    public static <T> Section<T> unavailable(String sentence) {
        return new Section<>(null, sentence);
    }

    public boolean ok() {
        return unavailable == null;
    }

    /** The content; only call when {@link #ok()}. */
    @SuppressWarnings("NullAway")
    public T value() {
        if (value == null) {
            throw new IllegalStateException("The section is unavailable: " + unavailable);
        }
        return value;
    }

    public @Nullable String unavailable() {
        return unavailable;
    }
}
