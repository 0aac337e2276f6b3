package dev.veracity.stats;

import dev.veracity.proto.NaturalLanguageStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of the tokens a natural-language domain constrains, as TFDV's {@code _TokenStats}: per token its
 * occurrences, the sequences holding it, the least and most occurrences in a sequence (0 counts: a sequence without
 * the token has 0), and a histogram of its relative positions. Int tokens are counted in rows of ints, string tokens in
 * rows of strings (a row read through the vocabulary keeps the tokens it cannot map, as TFDV's). Mergeable.
 */
final class NaturalLanguageTokens {
    /** One token's counts; {@code minPerSequence} is -1 until a sequence is seen. */
    private static final class Counts {
        long frequency;
        long sequences;
        long minPerSequence = -1;
        long maxPerSequence = -1;
        final TreeMap<Integer, Long> positions = new TreeMap<>();

        void merge(Counts other) {
            frequency += other.frequency;
            sequences += other.sequences;
            if (other.minPerSequence >= 0) {
                minPerSequence =
                        minPerSequence < 0 ? other.minPerSequence : Math.min(minPerSequence, other.minPerSequence);
                maxPerSequence = Math.max(maxPerSequence, other.maxPerSequence);
            }
            other.positions.forEach((bucket, count) -> positions.merge(bucket, count, Long::sum));
        }
    }

    private final NaturalLanguageFeature feature;
    private final int buckets;
    /** Tokens seen in a row of their kind, by token (Long or String), in the order first seen. */
    private final Map<Object, Counts> counts = new LinkedHashMap<>();

    NaturalLanguageTokens(NaturalLanguageFeature feature, int buckets) {
        this.feature = feature;
        this.buckets = buckets;
    }

    /** Counts the constrained tokens of one kind in a non-empty row. */
    void add(List<Object> row, boolean intTokens) {
        Iterable<?> tokens = intTokens ? feature.intTokens() : feature.stringTokens();
        for (Object token : tokens) {
            Counts c = counts.computeIfAbsent(token, t -> new Counts());
            long occurrences = 0;
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i).equals(token)) {
                    occurrences++;
                    int bucket = (int) ((double) i / row.size() * buckets);
                    c.positions.merge(bucket, 1L, Long::sum);
                }
            }
            c.frequency += occurrences;
            c.sequences += occurrences > 0 ? 1 : 0;
            c.minPerSequence = c.minPerSequence < 0 ? occurrences : Math.min(c.minPerSequence, occurrences);
            c.maxPerSequence = Math.max(c.maxPerSequence, occurrences);
        }
    }

    void merge(NaturalLanguageTokens other) {
        other.counts.forEach((token, theirs) ->
                counts.computeIfAbsent(token, t -> new Counts()).merge(theirs));
    }

    /** {@return TFDV's token statistics, ints then strings in constraint order, of the tokens seen} */
    List<NaturalLanguageStatistics.TokenStatistics> result(long numExamples) {
        List<NaturalLanguageStatistics.TokenStatistics> result = new ArrayList<>();
        List<Object> order = new ArrayList<>(feature.intTokens());
        order.addAll(feature.stringTokens());
        for (Object token : order) {
            Counts c = counts.get(token);
            if (c == null) {
                continue;
            }
            NaturalLanguageStatistics.TokenStatistics.Builder stats =
                    NaturalLanguageStatistics.TokenStatistics.newBuilder();
            if (token instanceof Long id) {
                stats.setIntToken(id);
            } else {
                stats.setStringToken((String) token);
            }
            if (c.sequences > 0) {
                stats.setFrequency(c.frequency)
                        .setFractionOfSequences((double) c.sequences / numExamples)
                        .setPerSequenceMinFrequency(c.minPerSequence)
                        .setPerSequenceMaxFrequency(c.maxPerSequence)
                        .setPerSequenceAvgFrequency((double) c.frequency / c.sequences);
                c.positions.forEach((bucket, count) -> stats.getPositionsBuilder()
                        .addBucketsBuilder()
                        .setLowValue((double) bucket / buckets)
                        .setHighValue((double) (bucket + 1) / buckets)
                        .setSampleCount(count));
            }
            result.add(stats.build());
        }
        return result;
    }

    long retainedBytes() {
        return 64 + counts.size() * (96L + buckets * 48L);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<Object, Counts> entry : counts.entrySet()) {
            if (entry.getKey() instanceof Long id) {
                out.writeBoolean(true);
                out.writeLong(id);
            } else {
                out.writeBoolean(false);
                out.writeUTF((String) entry.getKey());
            }
            Counts c = entry.getValue();
            out.writeLong(c.frequency);
            out.writeLong(c.sequences);
            out.writeLong(c.minPerSequence);
            out.writeLong(c.maxPerSequence);
            out.writeInt(c.positions.size());
            for (Map.Entry<Integer, Long> position : c.positions.entrySet()) {
                out.writeInt(position.getKey());
                out.writeLong(position.getValue());
            }
        }
    }

    static NaturalLanguageTokens read(DataInput in, NaturalLanguageFeature feature, int buckets) throws IOException {
        NaturalLanguageTokens tokens = new NaturalLanguageTokens(feature, buckets);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            Object token = in.readBoolean() ? (Object) in.readLong() : in.readUTF();
            Counts c = new Counts();
            c.frequency = in.readLong();
            c.sequences = in.readLong();
            c.minPerSequence = in.readLong();
            c.maxPerSequence = in.readLong();
            int positions = in.readInt();
            for (int p = 0; p < positions; p++) {
                c.positions.put(in.readInt(), in.readLong());
            }
            tokens.counts.put(token, c);
        }
        return tokens;
    }
}
