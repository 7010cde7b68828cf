package com.financetracker.platform.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.SparseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

    private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999};

    @Test
    void quantilesAreWithinOnePercentOfTheExactValues() {
        double[] latencies = lognormal(100_000, 42);
        LatencySketch sketch = LatencySketch.empty();
        Arrays.stream(latencies).forEach(sketch::add);

        Arrays.sort(latencies);
        for (double q : QUANTILES) {
            double exact = exact(latencies, q);
            assertThat(sketch.quantile(q)).as("p" + q * 100).isCloseTo(exact, within(exact * 0.0101));
        }
        assertThat(sketch.count()).isEqualTo(100_000);
    }

    @Test
    void forgedSketchesAreRefusedBeforeAnythingIsAllocatedForThem() {
        assertThatThrownBy(() -> LatencySketch.decode(forged(-50_000_000, 50_000_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySketch.decode(forged(-2_000_000_000, 2_000_000_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySketch.decode(forged(5_000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySketch.decode(new byte[64 * 1024]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extremeButRealLatenciesStillDecode() {
        LatencySketch sketch = LatencySketch.empty();
        sketch.add(0);
        sketch.add(0.000_01);
        sketch.add(86_400_000);

        assertThat(LatencySketch.decode(sketch.encode()).count()).isEqualTo(3);
    }

    /** A sketch with the right mapping and one request in each of the given bins, as no recorder would write. */
    static byte[] forged(int... bins) {
        DDSketch sketch =
                new DDSketch(new CubicallyInterpolatedMapping(LatencySketch.RELATIVE_ACCURACY), SparseStore::new);
        for (int bin : bins) {
            sketch.getPositiveValueStore().add(bin, 1.0);
        }
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.trimmedCopy();
    }

    @Test
    void mergedSketchesAnswerLikeOneOverAllTheData() {
        double[] first = lognormal(30_000, 1);
        double[] second = lognormal(70_000, 2);
        LatencySketch a = LatencySketch.empty();
        LatencySketch b = LatencySketch.empty();
        Arrays.stream(first).forEach(a::add);
        Arrays.stream(second).forEach(b::add);

        LatencySketch merged = LatencySketch.decode(a.encode());
        merged.merge(LatencySketch.decode(b.encode()));

        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        Arrays.sort(all);
        for (double q : QUANTILES) {
            double exact = exact(all, q);
            assertThat(merged.quantile(q)).as("p" + q * 100).isCloseTo(exact, within(exact * 0.0101));
        }
        assertThat(merged.count()).isEqualTo(100_000);
    }

    @Test
    void encodingIsSmallAndRoundTrips() {
        LatencySketch sketch = LatencySketch.empty();
        Arrays.stream(lognormal(50_000, 7)).forEach(sketch::add);

        byte[] encoded = sketch.encode();
        LatencySketch decoded = LatencySketch.decode(encoded);

        assertThat(encoded.length).isLessThan(2_000);
        assertThat(decoded.quantile(0.95)).isEqualTo(sketch.quantile(0.95));
    }

    @Test
    void aStoredSketchReadsBackTheSameAndMergesLikeADecodedOne() {
        LatencySketch sketch = LatencySketch.empty();
        Arrays.stream(lognormal(10_000, 3)).forEach(sketch::add);

        LatencySketch stored = LatencySketch.readStored(sketch.encode());
        LatencySketch merged = LatencySketch.readStored(sketch.encode());
        merged.merge(LatencySketch.decode(sketch.encode()));

        assertThat(stored.count()).isEqualTo(10_000);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(stored.quantile(q)).isEqualTo(sketch.quantile(q));
            assertThat(merged.quantile(q)).isEqualTo(sketch.quantile(q));
        }
        assertThat(merged.count()).isEqualTo(20_000);
    }

    @Test
    void emptySketchAnswersZero() {
        assertThat(LatencySketch.empty().quantile(0.99)).isZero();
    }

    /** Latencies shaped like real ones: mostly a few milliseconds, with a long tail. */
    private static double[] lognormal(int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(1.0 + 0.8 * random.nextGaussian());
        }
        return values;
    }

    /** The lower empirical quantile, the definition DDSketch guarantees its accuracy against. */
    private static double exact(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}
