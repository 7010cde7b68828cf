package com.financetracker.platform.usage;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.SparseStore;
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

    private static final IndexMapping MAPPING = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);

    /** The bins of latencies from a nanosecond to about 30 years (in milliseconds): no other can be recorded. */
    private static final int MIN_INDEX = MAPPING.index(1e-6);

    private static final int MAX_INDEX = MAPPING.index(1e12);

    /** Every bin between the two, each with its index and count: far more than an encoded sketch ever takes. */
    private static final int MAX_ENCODED_BYTES = 32 * 1024;

    private final DDSketch sketch;

    private LatencySketch(DDSketch sketch) {
        this.sketch = sketch;
    }

    public static LatencySketch empty() {
        return new LatencySketch(new DDSketch(MAPPING, UnboundedSizeDenseStore::new));
    }

    /**
     * Decodes a sketch that {@link #encode()} wrote, after checking that it could have: the same index mapping, bins
     * of latencies between a nanosecond and decades only, positive finite counts, and no more bytes than such a
     * sketch takes. A forged sketch with bins far apart would otherwise make the dense store allocate an array
     * spanning them (out of memory, or an arithmetic overflow).
     *
     * @throws IllegalArgumentException when the bytes are not such a sketch
     */
    public static LatencySketch decode(byte[] encoded) {
        if (encoded.length > MAX_ENCODED_BYTES) {
            throw new IllegalArgumentException("a latency sketch takes at most " + MAX_ENCODED_BYTES + " bytes");
        }
        DDSketch read;
        try {
            // a sparse store holds only the bins the input names, so reading costs no more than the input's size
            read = DDSketch.decode(ByteArrayInput.wrap(encoded), SparseStore::new);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency sketch", e);
        }
        if (!MAPPING.equals(read.getIndexMapping())) {
            throw new IllegalArgumentException("a latency sketch with another index mapping");
        }
        if (!read.getNegativeValueStore().isEmpty()) {
            throw new IllegalArgumentException("a latency sketch with negative latencies");
        }
        read.getPositiveValueStore().forEach((index, count) -> {
            if (index < MIN_INDEX || index > MAX_INDEX) {
                throw new IllegalArgumentException("a latency sketch with a bin out of range: " + index);
            }
            if (!Double.isFinite(count) || count <= 0) {
                throw new IllegalArgumentException("a latency sketch with an invalid count");
            }
        });
        double zeroCount = read.getCount() - read.getPositiveValueStore().getTotalCount();
        if (!Double.isFinite(read.getCount()) || zeroCount < -1e-9 * Math.max(1, read.getCount())) {
            throw new IllegalArgumentException("a latency sketch with an invalid count");
        }
        LatencySketch sketch = empty();
        sketch.sketch.mergeWith(read);
        return sketch;
    }

    /**
     * Reads a sketch that {@link #decode(byte[])} checked before it was stored, straight into the store sketches are
     * kept in: the checks and the sparse store that makes them safe cost most of the time of reading stored statistics.
     */
    public static LatencySketch readStored(byte[] encoded) {
        try {
            return new LatencySketch(DDSketch.decode(ByteArrayInput.wrap(encoded), UnboundedSizeDenseStore::new));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored latency sketch is not one", e);
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
