package dev.veracity.beam;

import dev.veracity.stats.SlicedStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Beam's coder of an accumulator state: the core's versioned {@link SlicedStatistics#toBytes()}, length-prefixed.
 * Coders are equal when their statistics options are, the only part of the spec decoding reads: runners compare the
 * coders of a step's inputs (Flink's union of the states and the empty states), and a spec copied by serialization
 * need not equal its original (its PII protection does not).
 */
final class SlicedStatisticsCoder extends CustomCoder<SlicedStatistics> {
    private static final long serialVersionUID = 1L;
    private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
    private final StatisticsSpec spec;

    SlicedStatisticsCoder(StatisticsSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    @Override
    public void encode(SlicedStatistics value, OutputStream out) throws IOException {
        BYTES.encode(value.toBytes(), out);
    }

    @Override
    public SlicedStatistics decode(InputStream in) throws IOException {
        return SlicedStatistics.fromBytes(BYTES.decode(in), spec.statisticsOptions());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlicedStatisticsCoder coder
                && coder.spec.options().equals(spec.options());
    }

    @Override
    public int hashCode() {
        return spec.options().hashCode();
    }
}
