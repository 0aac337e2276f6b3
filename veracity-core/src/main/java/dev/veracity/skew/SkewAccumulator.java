package dev.veracity.skew;

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
public final class SkewAccumulator {
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
    private final RowCodec.FeatureCursor baseCursor = new RowCodec.FeatureCursor();
    private final RowCodec.FeatureCursor testCursor = new RowCodec.FeatureCursor();
    private long identifiersCount;
    private long idsMissingInBaseCount;
    private long idsMissingInTestCount;
    private long duplicateIdCount;
    private long matchingPairsCount;

    public SkewAccumulator(SkewLayout layout, SkewOptions options, ValueEquality equality) {
        this.layout = java.util.Objects.requireNonNull(layout, "layout is null");
        this.options = java.util.Objects.requireNonNull(options, "options is null");
        this.equality = java.util.Objects.requireNonNull(equality, "equality is null");
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
        // Both bodies list their features in increasing index order: walk them side by side. Equal bytes are equal
        // values; only differing floats and mixed types need decoding to compare (NaN payloads, -0.0, INT vs FLOAT).
        RowCodec.FeatureCursor b = baseCursor;
        RowCodec.FeatureCursor t = testCursor;
        b.reset(baseBody);
        t.reset(testBody);
        boolean hasBase = b.advance();
        boolean hasTest = t.advance();
        boolean differs = false;
        while (hasBase || hasTest) {
            int fb = hasBase ? b.feature : Integer.MAX_VALUE;
            int ft = hasTest ? t.feature : Integer.MAX_VALUE;
            if (fb == ft) {
                baseCount[fb]++;
                testCount[fb]++;
                if (b.sameBytes(t) || !b.sameExactType(t) && equality.matches(b.values(), t.values())) {
                    matchCount[fb]++;
                } else {
                    mismatchCount[fb]++;
                    differs = true;
                    ItemsSketch<ValuePair> sketch = confusion.get(fb);
                    if (sketch != null && b.count() == 1 && t.count() == 1) {
                        sketch.update(
                                new ValuePair(b.values().text(0), t.values().text(0)));
                    }
                }
                hasBase = b.advance();
                hasTest = t.advance();
            } else if (fb < ft) {
                baseCount[fb]++;
                baseOnly[fb]++;
                differs = true;
                hasBase = b.advance();
            } else {
                testCount[ft]++;
                testOnly[ft]++;
                differs = true;
                hasTest = t.advance();
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

    public FeatureSkewReport report(int partitions, SideCounts base, SideCounts test) {
        List<FeatureSkew> featureSkew = new ArrayList<>();
        List<ConfusionCount> confusionCounts = new ArrayList<>();
        Map<String, Long> confusionMaximumError = new HashMap<>();
        for (int f = 0; f < featureCount; f++) {
            String name = layout.features().get(f);
            featureSkew.add(new FeatureSkew(
                    name,
                    baseCount[f],
                    testCount[f],
                    matchCount[f],
                    baseOnly[f],
                    testOnly[f],
                    mismatchCount[f],
                    baseOnly[f] + testOnly[f] + mismatchCount[f]));
            ItemsSketch<ValuePair> sketch = confusion.get(f);
            if (sketch != null) {
                confusionMaximumError.put(name, sketch.getMaximumError());
                List<ItemsSketch.Row<ValuePair>> rows =
                        new ArrayList<>(Arrays.asList(sketch.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)));
                rows.sort(Comparator.<ItemsSketch.Row<ValuePair>>comparingLong(r -> -r.getEstimate())
                        .thenComparing(r -> r.getItem().base())
                        .thenComparing(r -> r.getItem().test()));
                for (ItemsSketch.Row<ValuePair> row : rows.subList(0, Math.min(rows.size(), options.confusionTopN()))) {
                    confusionCounts.add(new ConfusionCount(
                            name, row.getItem().base(), row.getItem().test(), row.getEstimate()));
                }
            }
        }
        MatchStats matchStats = new MatchStats(
                base.withId(),
                test.withId(),
                identifiersCount,
                idsMissingInBaseCount,
                idsMissingInTestCount,
                matchingPairsCount,
                duplicateIdCount,
                base.missingId(),
                test.missingId());
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        List<SkewPair> pairs = new ArrayList<>();
        for (Sample sample : sorted) {
            pairs.add(skewPair(sample));
        }
        return new FeatureSkewReport(
                featureSkew, matchStats, pairs, confusionCounts, confusionMaximumError, partitions);
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
    record ValuePair(String base, String test) {}

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
