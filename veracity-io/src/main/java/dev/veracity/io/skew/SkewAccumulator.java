package dev.veracity.io.skew;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * Counts what the join finds, one identifier at a time, in whatever order the partitions give them. Its memory
 * grows with the number of features, the sample size and the confusion sketches' fixed size, never with rows.
 */
final class SkewAccumulator {
    /** Distinct differing value pairs a categorical feature's confusion sketch counts exactly (3/4 of the map). */
    static final int CONFUSION_MAP_SIZE = 1 << 12;

    private final SkewLayout layout;
    private final SkewOptions options;
    private final ValueEquality equality;
    private final int featureCount;
    private final long[] baseCount;
    private final long[] testCount;
    private final long[] matchCount;
    private final long[] baseOnly;
    private final long[] testOnly;
    private final long[] mismatchCount;
    private final List<ItemsSketch<ValuePair>> confusion = new ArrayList<>();
    private final PriorityQueue<Sample> samples;
    private final ValueList[] baseValues;
    private final ValueList[] testValues;
    long baseWithIdCount;
    long testWithIdCount;
    long baseMissingIdCount;
    long testMissingIdCount;
    private long identifiersCount;
    private long idsMissingInBaseCount;
    private long idsMissingInTestCount;
    private long duplicateIdCount;
    private long matchingPairsCount;

    SkewAccumulator(SkewLayout layout, SkewOptions options, ValueEquality equality) {
        this.layout = layout;
        this.options = options;
        this.equality = equality;
        this.featureCount = layout.features().size();
        this.baseCount = new long[featureCount];
        this.testCount = new long[featureCount];
        this.matchCount = new long[featureCount];
        this.baseOnly = new long[featureCount];
        this.testOnly = new long[featureCount];
        this.mismatchCount = new long[featureCount];
        for (int f = 0; f < featureCount; f++) {
            confusion.add(layout.isCategorical(f) ? new ItemsSketch<>(CONFUSION_MAP_SIZE) : null);
        }
        this.samples = new PriorityQueue<>(Comparator.reverseOrder());
        this.baseValues = new ValueList[featureCount];
        this.testValues = new ValueList[featureCount];
    }

    /**
     * Counts one identifier with its examples on each side; the bodies are those of the first example of each side
     * (unused unless there is exactly one example on each side).
     */
    void identifier(byte[] key, int baseExamples, int testExamples, byte[] baseBody, byte[] testBody) {
        identifiersCount++;
        if (baseExamples == 0) {
            idsMissingInBaseCount++;
            return;
        }
        if (testExamples == 0) {
            idsMissingInTestCount++;
            return;
        }
        if (baseExamples > 1 || testExamples > 1) {
            duplicateIdCount++;
            return;
        }
        matchingPairsCount++;
        RowCodec.decodeBody(baseBody, baseValues);
        RowCodec.decodeBody(testBody, testValues);
        boolean differs = false;
        for (int f = 0; f < featureCount; f++) {
            ValueList b = baseValues[f];
            ValueList t = testValues[f];
            if (b != null) {
                baseCount[f]++;
            }
            if (t != null) {
                testCount[f]++;
            }
            if (b != null && t != null) {
                if (equality.matches(b, t)) {
                    matchCount[f]++;
                } else {
                    mismatchCount[f]++;
                    differs = true;
                    ItemsSketch<ValuePair> sketch = confusion.get(f);
                    if (sketch != null && b.size() == 1 && t.size() == 1) {
                        sketch.update(new ValuePair(b.text(0), t.text(0)));
                    }
                }
            } else if (b != null) {
                baseOnly[f]++;
                differs = true;
            } else if (t != null) {
                testOnly[f]++;
                differs = true;
            }
        }
        if (differs && options.sampleSize() > 0) {
            offerSample(key, baseBody, testBody);
        }
    }

    private void offerSample(byte[] key, byte[] baseBody, byte[] testBody) {
        Sample sample = new Sample(RowCodec.decodeKey(key), key, baseBody, testBody);
        if (samples.size() < options.sampleSize()) {
            samples.add(sample);
        } else if (sample.compareTo(samples.peek()) < 0) {
            samples.poll();
            samples.add(sample);
        }
    }

    FeatureSkewReport report(int partitions) {
        List<FeatureSkew> featureSkew = new ArrayList<>();
        List<ConfusionCount> confusionCounts = new ArrayList<>();
        Map<String, Long> confusionMaximumError = new HashMap<>();
        for (int f = 0; f < featureCount; f++) {
            String name = layout.features().get(f);
            featureSkew.add(new FeatureSkew(name, baseCount[f], testCount[f], matchCount[f], baseOnly[f], testOnly[f],
                    mismatchCount[f], baseOnly[f] + testOnly[f] + mismatchCount[f]));
            ItemsSketch<ValuePair> sketch = confusion.get(f);
            if (sketch != null) {
                confusionMaximumError.put(name, sketch.getMaximumError());
                List<ItemsSketch.Row<ValuePair>> rows =
                        new ArrayList<>(Arrays.asList(sketch.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)));
                rows.sort(Comparator.<ItemsSketch.Row<ValuePair>>comparingLong(r -> -r.getEstimate())
                        .thenComparing(r -> r.getItem().base()).thenComparing(r -> r.getItem().test()));
                for (ItemsSketch.Row<ValuePair> row : rows.subList(0, Math.min(rows.size(), options.confusionTopN()))) {
                    confusionCounts.add(new ConfusionCount(name, row.getItem().base(), row.getItem().test(),
                            row.getEstimate()));
                }
            }
        }
        MatchStats matchStats = new MatchStats(baseWithIdCount, testWithIdCount, identifiersCount,
                idsMissingInBaseCount, idsMissingInTestCount, matchingPairsCount, duplicateIdCount, baseMissingIdCount,
                testMissingIdCount);
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        List<SkewPair> pairs = new ArrayList<>();
        for (Sample sample : sorted) {
            pairs.add(skewPair(sample));
        }
        return new FeatureSkewReport(featureSkew, matchStats, pairs, confusionCounts, confusionMaximumError,
                partitions);
    }

    private SkewPair skewPair(Sample sample) {
        ValueList[] b = new ValueList[featureCount];
        ValueList[] t = new ValueList[featureCount];
        RowCodec.decodeBody(sample.baseBody(), b);
        RowCodec.decodeBody(sample.testBody(), t);
        Map<String, ValueList> base = new LinkedHashMap<>();
        Map<String, ValueList> test = new LinkedHashMap<>();
        List<String> baseOnlyFeatures = new ArrayList<>();
        List<String> testOnlyFeatures = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (int f = 0; f < featureCount; f++) {
            String name = layout.features().get(f);
            if (b[f] != null) {
                base.put(name, b[f]);
            }
            if (t[f] != null) {
                test.put(name, t[f]);
            }
            if (b[f] != null && t[f] != null) {
                (equality.matches(b[f], t[f]) ? matched : mismatched).add(name);
            } else if (b[f] != null) {
                baseOnlyFeatures.add(name);
            } else if (t[f] != null) {
                testOnlyFeatures.add(name);
            }
        }
        return new SkewPair(sample.identifier(), base, test, baseOnlyFeatures, testOnlyFeatures, matched, mismatched);
    }

    /** A differing value pair of a categorical feature. */
    record ValuePair(String base, String test) {
    }

    /** A differing pair kept while it is among the smallest identifiers seen. */
    private record Sample(List<String> identifier, byte[] key, byte[] baseBody, byte[] testBody)
            implements Comparable<Sample> {
        @Override
        public int compareTo(Sample other) {
            int c = IdentifierOrder.INSTANCE.compare(identifier, other.identifier);
            return c != 0 ? c : Arrays.compare(key, other.key);
        }
    }
}
