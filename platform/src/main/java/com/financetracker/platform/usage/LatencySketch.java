package com.financetracker.platform.usage;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A latency distribution in milliseconds that can be merged across minutes, instances and services without losing
 * accuracy: a DDSketch with 1 % relative accuracy, so p95 of 10 ms is known to within 0.1 ms. Its encoded form is a
 * few hundred bytes whatever the number of requests.
 */
public final class LatencySketch {

    /** Relative accuracy of every quantile. */
    public static final double RELATIVE_ACCURACY = 0.01;

    private final DDSketch sketch;

    private LatencySketch(DDSketch sketch) {
        this.sketch = sketch;
    }

    public static LatencySketch empty() {
        return new LatencySketch(DDSketches.unboundedDense(RELATIVE_ACCURACY));
    }

    public static LatencySketch decode(byte[] encoded) {
        try {
            return new LatencySketch(DDSketch.decode(ByteArrayInput.wrap(encoded), UnboundedSizeDenseStore::new));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an encoded latency sketch", e);
        }
    }

    public void add(double milliseconds) {
        sketch.accept(Math.max(0, milliseconds));
    }

    public void merge(LatencySketch other) {
        sketch.mergeWith(other.sketch);
    }

    /** The latency below which the given share of requests fall ({@code 0.95} for p95); 0 when empty. */
    public double quantile(double quantile) {
        return sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(quantile);
    }

    public double count() {
        return sketch.getCount();
    }

    /** The value is a {@link LatencySketch} as {@link #encode()} writes it; null is valid. */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Encoded.Validator.class)
    public @interface Encoded {

        String message() default "is not a latency sketch";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Decodes the value to see whether it is one. */
        final class Validator implements ConstraintValidator<Encoded, byte[]> {
            @Override
            public boolean isValid(byte[] value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                try {
                    decode(value);
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
    }

    public byte[] encode() {
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.trimmedCopy();
    }
}
