package com.financetracker.analytics.report;

import com.financetracker.platform.validation.Violations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The time a request for statistics covers, as the administrator gives it: either end may be left out (the end is
 * now, the start 24 hours before the end).
 *
 * @param from start of the window (RFC 3339)
 * @param to end of the window (RFC 3339)
 * @param step for a time series, the length of each point
 */
@Window.Valid
record Window(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Duration step) {

    static final Duration DEFAULT = Duration.ofHours(24);
    static final Duration LONGEST = Duration.ofDays(1100);
    static final int MOST_POINTS = 2000;

    Instant end(Clock clock) {
        return to == null ? clock.instant() : to;
    }

    Instant start(Clock clock) {
        return from == null ? end(clock).minus(DEFAULT) : from;
    }

    /** The step of a time series: as given, else about a hundred points over the window (1m, 15m, 1h or 1d). */
    Duration step(Clock clock) {
        if (step != null) {
            return step;
        }
        Duration window = Duration.between(start(clock), end(clock));
        if (window.compareTo(Duration.ofHours(3)) <= 0) {
            return Duration.ofMinutes(1);
        }
        if (window.compareTo(Duration.ofDays(1)) <= 0) {
            return Duration.ofMinutes(15);
        }
        if (window.compareTo(Duration.ofDays(7)) <= 0) {
            return Duration.ofHours(1);
        }
        return Duration.ofDays(1);
    }

    /**
     * The window starts before it ends and spans at most 1100 days; a step given is a whole number of minutes and
     * cuts the window into at most 2000 points.
     */
    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Valid.Validator.class)
    @interface Valid {

        String message() default "is not a valid window";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Resolves the window against the service's clock, so a future start is refused like any other. */
        final class Validator implements ConstraintValidator<Valid, Window> {

            @Override
            public boolean isValid(Window window, ConstraintValidatorContext context) {
                Clock clock = context.getClockProvider().getClock();
                Instant start = window.start(clock);
                Instant end = window.end(clock);
                if (!start.isBefore(end)) {
                    return Violations.onField(context, "from", "must be before to");
                }
                if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                    return Violations.onField(context, "from", "must be at most 1100 days before to");
                }
                Duration step = window.step();
                if (step != null) {
                    if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.toMillis() % 60_000 != 0) {
                        return Violations.onField(context, "step", "must be a whole number of minutes, at least 1m");
                    }
                    if (Duration.between(start, end).dividedBy(step) > MOST_POINTS) {
                        return Violations.onField(
                                context, "step", "gives more than " + MOST_POINTS + " points for this window");
                    }
                }
                return true;
            }
        }
    }
}
