package dev.veracity.stats;

import dev.veracity.data.RecordBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weights of the features with their own weight feature (TFDV's {@code per_feature_weight_override}): per batch,
 * the weights of each override weight feature; over the dataset, the sum of each, which is the weighted example count
 * of the features it weighs. Mergeable and serializable as part of a {@link DatasetAccumulator}.
 *
 * <pre>{@code
 * WeightOverrides overrides = new WeightOverrides(options);
 * overrides.read(batch);
 * double[] weights = overrides.weightsOf("clicks", globalWeights);
 * }</pre>
 */
final class WeightOverrides {
    private final Map<String, String> byFeature;
    /** The sum of each override weight feature over the examples added, by weight feature. */
    private final Map<String, Double> sums = new TreeMap<>();

    private final Map<String, double[]> batchWeights = new HashMap<>();

    WeightOverrides(StatisticsOptions options) {
        this.byFeature = options.weightOverrides();
        byFeature.values().forEach(weight -> sums.put(weight, 0.0));
    }

    boolean isEmpty() {
        return byFeature.isEmpty();
    }

    /**
     * Reads the weights of every override weight feature of {@code batch}; adds nothing if one is bad.
     *
     * @throws dev.veracity.ConfigException if a weight feature's value is missing, repeated or not a finite number
     *                                      >= 0 in a row
     */
    void read(RecordBatch batch) {
        Map<String, Double> batchSums = new HashMap<>();
        for (String weight : sums.keySet()) {
            double[] buffer = batchWeights.get(weight);
            if (buffer == null || buffer.length < batch.rowCount()) {
                buffer = new double[batch.rowCount()];
                batchWeights.put(weight, buffer);
            }
            batchSums.put(weight, ExampleWeights.read(batch, weight, buffer));
        }
        batchSums.forEach((weight, sum) -> sums.merge(weight, sum, Double::sum));
    }

    /** {@return the weights of the last batch read for {@code feature}: its override's, else {@code global}} */
    double[] weightsOf(String feature, double[] global) {
        String weight = byFeature.get(feature);
        return weight == null ? global : batchWeights.get(weight);
    }

    /** {@return the weighted example count of {@code feature}: its override's sum of weights, else {@code global}} */
    double weightedNumExamples(String feature, double global) {
        String weight = byFeature.get(feature);
        return weight == null ? global : sums.get(weight);
    }

    void merge(WeightOverrides other) {
        other.sums.forEach((weight, sum) -> sums.merge(weight, sum, Double::sum));
    }

    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(sums.size());
        for (Map.Entry<String, Double> entry : sums.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeDouble(entry.getValue());
        }
    }

    /** Reads a state written by {@link #writeState} with the same options. */
    void readState(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count != sums.size()) {
            throw new IllegalArgumentException(
                    "dataset accumulator with " + count + " weight overrides, but the options name " + sums.size());
        }
        for (int i = 0; i < count; i++) {
            String weight = in.readUTF();
            if (!sums.containsKey(weight)) {
                throw new IllegalArgumentException("dataset accumulator weighted by override weight feature \"" + weight
                        + "\", which the options do not name");
            }
            sums.put(weight, in.readDouble());
        }
    }
}
