package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.RankHistogram;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TFDV's natural-language statistics of one feature ({@code NLStatsGenerator}), as the {@code nl_statistics}
 * custom statistic: coverage (tokens neither excluded nor out of vocabulary over tokens not excluded), average length
 * of those tokens, token-length and sequence-length quantile histograms, a rank histogram of those tokens, per
 * constrained token its frequency, fraction of sequences, per-sequence least/most/average count and position
 * histogram, and the five sequences of lowest coverage and of shortest average token length. INT tokens read
 * through the vocabulary (line {@code i} is token {@code i}); a FLOAT column gives nothing, as in TFDV.
 */
final class NaturalLanguageAccumulator {
    private static final int REPORTED_SEQUENCES = 5;

    private final NaturalLanguageFeature feature;
    private final StatisticsOptions options;
    private final Map<String, Long> ids;
    private boolean invalid;
    /** Whether a column of the feature was added: a feature never seen has no statistics, as in TFDV. */
    private boolean seen;

    private long numExamples;
    private long inVocabTokens;
    private long totalTokens;
    private long sumInVocabTokenLengths;
    private final KllQuantiles tokenLengths;
    private final NumericMoments tokenLengthMoments = new NumericMoments();
    private final KllQuantiles sequenceLengths;
    private final NumericMoments sequenceLengthMoments = new NumericMoments();
    private final ValueFrequencies tokens;
    private final NaturalLanguageTokens tokenStatistics;
    private final ReportedSequences lowestCoverage = new ReportedSequences(REPORTED_SEQUENCES);
    private final ReportedSequences shortestTokens = new ReportedSequences(REPORTED_SEQUENCES);
    private final double[] one = new double[1];

    NaturalLanguageAccumulator(NaturalLanguageFeature feature, StatisticsOptions options) {
        this.feature = feature;
        this.options = options;
        this.ids = feature.tokenIds();
        this.tokenLengths = new KllQuantiles(options.kllK());
        this.sequenceLengths = new KllQuantiles(options.kllK());
        this.tokens = new ValueFrequencies(options.maxExactDistinct());
        this.tokenStatistics = new NaturalLanguageTokens(feature, options.numHistogramBuckets());
    }

    /** Adds the present rows of a column of this feature. */
    void add(Column column) {
        seen = true;
        if (column instanceof FloatColumn) {
            invalid = true;
            return;
        }
        boolean[] present = column.present();
        int[] offsets = column.rowOffsets();
        for (int r = 0; r < column.rowCount(); r++) {
            if (!present[r]) {
                continue;
            }
            int from = offsets[r];
            int to = offsets[r + 1];
            List<Object> row = new ArrayList<>(to - from);
            if (column instanceof IntColumn ints) {
                for (int i = from; i < to; i++) {
                    row.add(ints.values()[i]);
                }
                addInts(row);
            } else if (column instanceof StringColumn strings) {
                int[] starts = strings.valueOffsets();
                for (int i = from; i < to; i++) {
                    row.add(new String(strings.bytes(), starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8));
                }
                addStrings(row);
            }
        }
    }

    private void addStrings(List<Object> row) {
        numExamples++;
        List<Object> idRow = null;
        if (!row.isEmpty()) {
            tokenStatistics.add(row, false);
            report(row);
            if (!ids.isEmpty()) {
                idRow = new ArrayList<>(row.size());
                for (Object token : row) {
                    Long id = ids.get((String) token);
                    idRow.add(id == null ? token : id);
                }
                tokenStatistics.add(idRow, true);
            }
            addSequenceLength(row.size(), idRow, row);
        }
        List<String> inVocab = new ArrayList<>();
        for (Object entry : row) {
            String token = (String) entry;
            if (feature.excludedStringTokens().contains(token)) {
                continue;
            }
            Long id = ids.get(token);
            if (feature.hasVocabulary()
                    && id != null
                    && feature.excludedIntTokens().contains(id)) {
                continue;
            }
            if (!feature.oovStringTokens().contains(token)) {
                inVocab.add(token);
            }
            totalTokens++;
        }
        addInVocab(inVocab);
    }

    private void addInts(List<Object> row) {
        numExamples++;
        List<Object> stringRow = null;
        if (!row.isEmpty()) {
            tokenStatistics.add(row, true);
            if (feature.hasVocabulary() && !feature.vocabulary().isEmpty()) {
                stringRow = new ArrayList<>(row.size());
                for (Object token : row) {
                    String text = lookUp((Long) token);
                    stringRow.add(text == null ? token : text);
                }
                tokenStatistics.add(stringRow, false);
            }
            report(stringRow != null ? stringRow : row);
            addSequenceLength(row.size(), row, stringRow);
        }
        List<String> inVocab = new ArrayList<>();
        for (Object entry : row) {
            long id = (Long) entry;
            if (feature.excludedIntTokens().contains(id)) {
                continue;
            }
            if (feature.hasVocabulary()) {
                String text = lookUp(id);
                if (text != null) {
                    if (feature.excludedStringTokens().contains(text)) {
                        continue;
                    }
                    if (!feature.oovStringTokens().contains(text)) {
                        inVocab.add(text);
                    }
                }
            }
            totalTokens++;
        }
        addInVocab(inVocab);
    }

    private String lookUp(long id) {
        return id >= 0 && id < feature.vocabulary().size()
                ? feature.vocabulary().get((int) id)
                : null;
    }

    private void addInVocab(List<String> inVocab) {
        inVocabTokens += inVocab.size();
        for (String token : inVocab) {
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            tokens.add(bytes, 0, bytes.length, true);
            int length = token.codePointCount(0, token.length());
            sumInVocabTokenLengths += length;
            one[0] = length;
            tokenLengths.update(length);
            tokenLengthMoments.add(one, 1);
        }
    }

    private void addSequenceLength(int length, List<Object> intRow, List<Object> stringRow) {
        long sequenceLength = length;
        if (intRow != null) {
            for (Object token : intRow) {
                if (token instanceof Long id
                        && feature.sequenceExcludedIntTokens().contains(id)) {
                    sequenceLength--;
                }
            }
        }
        if (stringRow != null) {
            for (Object token : stringRow) {
                if (token instanceof String text
                        && feature.sequenceExcludedStringTokens().contains(text)) {
                    sequenceLength--;
                }
            }
        }
        sequenceLengths.update(sequenceLength);
        one[0] = sequenceLength;
        sequenceLengthMoments.add(one, 1);
    }

    /** Offers the sequence to the reported ones: by coverage and by average length of its in-vocabulary tokens. */
    private void report(List<Object> row) {
        long inVocab = 0;
        long lengths = 0;
        for (Object token : row) {
            if (token instanceof String text && !feature.oovStringTokens().contains(text)) {
                inVocab++;
                lengths += text.codePointCount(0, text.length());
            }
        }
        String text = ReportedSequences.pythonRepr(row);
        lowestCoverage.offer(text, (double) inVocab / row.size());
        shortestTokens.offer(text, inVocab == 0 ? 0 : (double) lengths / inVocab);
    }

    void merge(NaturalLanguageAccumulator other) {
        invalid |= other.invalid;
        seen |= other.seen;
        numExamples += other.numExamples;
        inVocabTokens += other.inVocabTokens;
        totalTokens += other.totalTokens;
        sumInVocabTokenLengths += other.sumInVocabTokenLengths;
        tokenLengths.merge(other.tokenLengths);
        tokenLengthMoments.merge(other.tokenLengthMoments);
        sequenceLengths.merge(other.sequenceLengths);
        sequenceLengthMoments.merge(other.sequenceLengthMoments);
        tokens.merge(other.tokens);
        tokenStatistics.merge(other.tokenStatistics);
        lowestCoverage.merge(other.lowestCoverage);
        shortestTokens.merge(other.shortestTokens);
    }

    /** {@return the feature's statistics with only its path and {@code nl_statistics}; nothing when invalid} */
    FeatureNameStatistics result() {
        FeatureNameStatistics.Builder result =
                FeatureNameStatistics.newBuilder().setPath(Path.newBuilder().addStep(feature.name()));
        if (invalid) {
            return result.build();
        }
        NaturalLanguageStatistics.Builder nl = NaturalLanguageStatistics.newBuilder();
        if (totalTokens > 0) {
            nl.setFeatureCoverage((double) inVocabTokens / totalTokens);
        }
        if (inVocabTokens > 0) {
            nl.setAvgTokenLength((double) sumInVocabTokenLengths / inVocabTokens);
        }
        if (sequenceLengthMoments.count() > 0) {
            nl.setMinSequenceLength((long) sequenceLengthMoments.min());
            nl.setMaxSequenceLength((long) sequenceLengthMoments.max());
        }
        int buckets = options.numQuantilesHistogramBuckets();
        if (tokenLengthMoments.count() > 0) {
            nl.setTokenLengthHistogram(
                    NumericHistograms.of(tokenLengths, tokenLengthMoments).quantiles(buckets));
        }
        if (sequenceLengthMoments.count() > 0) {
            nl.setSequenceLengthHistogram(
                    NumericHistograms.of(sequenceLengths, sequenceLengthMoments).quantiles(buckets));
        }
        if (options.numRankHistogramBuckets() > 0) {
            ValueFrequencies.Frequencies top = tokens.result(options.numRankHistogramBuckets());
            RankHistogram.Builder rank = RankHistogram.newBuilder();
            int i = 0;
            for (ValueFrequencies.LabelCount entry : top.top()) {
                rank.addBucketsBuilder()
                        .setLowRank(i)
                        .setHighRank(i)
                        .setLabel(entry.label())
                        .setSampleCount(entry.count());
                i++;
            }
            nl.setRankHistogram(rank);
        }
        tokenStatistics.result(numExamples).forEach(nl::addTokenStatistics);
        nl.addAllReportedSequences(lowestCoverage.sequences());
        nl.addAllReportedSequences(shortestTokens.sequences());
        return result.addCustomStats(CustomStatistic.newBuilder()
                        .setName("nl_statistics")
                        .setAny(com.google.protobuf.Any.pack(nl.build())))
                .build();
    }

    /** {@return whether a column of the feature was added} */
    boolean isSeen() {
        return seen;
    }

    long retainedBytes() {
        return 256 + tokens.retainedBytes() + 2L * 8 * options.kllK() * 3 + tokenStatistics.retainedBytes();
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(invalid);
        out.writeBoolean(seen);
        out.writeLong(numExamples);
        out.writeLong(inVocabTokens);
        out.writeLong(totalTokens);
        out.writeLong(sumInVocabTokenLengths);
        writeBytes(out, tokenLengths.toBytes());
        tokenLengthMoments.write(out);
        writeBytes(out, sequenceLengths.toBytes());
        sequenceLengthMoments.write(out);
        tokens.write(out);
        tokenStatistics.write(out);
        lowestCoverage.write(out);
        shortestTokens.write(out);
    }

    static NaturalLanguageAccumulator read(DataInput in, NaturalLanguageFeature feature, StatisticsOptions options)
            throws IOException {
        NaturalLanguageAccumulator state = new NaturalLanguageAccumulator(feature, options);
        state.invalid = in.readBoolean();
        state.seen = in.readBoolean();
        state.numExamples = in.readLong();
        state.inVocabTokens = in.readLong();
        state.totalTokens = in.readLong();
        state.sumInVocabTokenLengths = in.readLong();
        state.tokenLengths.merge(KllQuantiles.fromBytes(readBytes(in)));
        state.tokenLengthMoments.merge(NumericMoments.read(in));
        state.sequenceLengths.merge(KllQuantiles.fromBytes(readBytes(in)));
        state.sequenceLengthMoments.merge(NumericMoments.read(in));
        state.tokens.merge(ValueFrequencies.read(in, options.maxExactDistinct()));
        state.tokenStatistics.merge(NaturalLanguageTokens.read(in, feature, options.numHistogramBuckets()));
        state.lowestCoverage.merge(ReportedSequences.read(in, REPORTED_SEQUENCES));
        state.shortestTokens.merge(ReportedSequences.read(in, REPORTED_SEQUENCES));
        return state;
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
