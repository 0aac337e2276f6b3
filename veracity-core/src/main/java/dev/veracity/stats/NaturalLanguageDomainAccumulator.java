package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * TFDV's natural-language detection of one feature ({@code NLDomainInferringStatsGenerator} with its
 * {@code AverageWordHeuristicNLClassifier}): how many values look like text. When at least {@code valuesThreshold}
 * values were considered (TFDV: 100) and at least {@code matchRatio} of them look like text (TFDV: 0.8), the result
 * carries {@code domain_info: "natural_language_domain {}"} and {@code natural_language_match_rate}, which inference
 * and update turn into the feature's natural-language domain.
 *
 * <p>A value looks like text when its first {@value #CROP_AT_LENGTH} bytes, split at ASCII white space as Python
 * splits bytes, hold at least {@value #MIN_WORDS} words whose average length in bytes is within
 * [{@value #AVG_WORD_LENGTH_MIN}, {@value #AVG_WORD_LENGTH_MAX}]. Only the first {@value #CROP_AT_VALUES} values of
 * each example are considered (TFDV crops each batch of examples to its first 100 values, which depends on how the
 * data is batched). As in TFDV, a non-string column or a value that is not UTF-8 rules the feature out, and a column
 * without values changes nothing.
 */
final class NaturalLanguageDomainAccumulator {
    static final double MATCH_RATIO = 0.8;
    static final long VALUES_THRESHOLD = 100;
    static final double AVG_WORD_LENGTH_MIN = 2.5;
    static final double AVG_WORD_LENGTH_MAX = 8;
    static final int MIN_WORDS = 3;
    static final int CROP_AT_LENGTH = 100;
    static final int CROP_AT_VALUES = 100;

    private final String name;
    private final double matchRatio;
    private final long valuesThreshold;
    private boolean invalid;
    private long considered;
    private long matched;

    NaturalLanguageDomainAccumulator(String name) {
        this(name, MATCH_RATIO, VALUES_THRESHOLD);
    }

    /**
     * @throws IllegalArgumentException if {@code valuesThreshold <= 0} or {@code matchRatio} is not in [0, 1], as
     *                                  TFDV's constructor
     */
    NaturalLanguageDomainAccumulator(String name, double matchRatio, long valuesThreshold) {
        if (valuesThreshold <= 0) {
            throw new IllegalArgumentException("expected a values threshold > 0, found " + valuesThreshold);
        }
        if (!(matchRatio >= 0 && matchRatio <= 1)) {
            throw new IllegalArgumentException("expected a match ratio in [0, 1], found " + matchRatio);
        }
        this.name = name;
        this.matchRatio = matchRatio;
        this.valuesThreshold = valuesThreshold;
    }

    void add(Column column) {
        if (invalid || column.valueCount() == 0) {
            return;
        }
        if (!(column instanceof StringColumn strings)) {
            invalid = true;
            return;
        }
        int[] rows = strings.rowOffsets();
        int[] starts = strings.valueOffsets();
        byte[] bytes = strings.bytes();
        for (int i = 0; i < strings.valueCount(); i++) {
            if (!Utf8.isValid(bytes, starts[i], starts[i + 1] - starts[i])) {
                invalid = true;
                return;
            }
        }
        for (int r = 0; r < strings.rowCount(); r++) {
            int end = Math.min(rows[r + 1], rows[r] + CROP_AT_VALUES);
            for (int i = rows[r]; i < end; i++) {
                considered++;
                if (looksLikeText(bytes, starts[i], starts[i + 1] - starts[i])) {
                    matched++;
                }
            }
        }
    }

    /** {@return whether TFDV's average-word heuristic classifies the value as natural language} */
    static boolean looksLikeText(byte[] bytes, int offset, int length) {
        int end = offset + Math.min(length, CROP_AT_LENGTH);
        int words = 0;
        long letters = 0;
        boolean inWord = false;
        for (int i = offset; i < end; i++) {
            if (isAsciiSpace(bytes[i])) {
                inWord = false;
            } else {
                letters++;
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            }
        }
        if (words == 0) {
            return false;
        }
        double average = (double) letters / words;
        return average >= AVG_WORD_LENGTH_MIN && average <= AVG_WORD_LENGTH_MAX && words >= MIN_WORDS;
    }

    /** {@return whether the byte is white space to Python's {@code bytes.split()}: space, \t, \n, \r, \x0b, \x0c} */
    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    void merge(NaturalLanguageDomainAccumulator other) {
        invalid |= other.invalid;
        considered += other.considered;
        matched += other.matched;
    }

    /** {@return the feature's path with {@code domain_info} and {@code natural_language_match_rate}, or with none} */
    FeatureNameStatistics result() {
        FeatureNameStatistics.Builder result =
                FeatureNameStatistics.newBuilder().setPath(Path.newBuilder().addStep(name));
        if (invalid || considered < valuesThreshold) {
            return result.build();
        }
        double ratio = (double) matched / considered;
        if (ratio >= matchRatio) {
            result.addCustomStats(
                    CustomStatistic.newBuilder().setName("domain_info").setStr("natural_language_domain {}"));
            result.addCustomStats(CustomStatistic.newBuilder()
                    .setName("natural_language_match_rate")
                    .setNum(ratio));
        }
        return result.build();
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(name);
        out.writeBoolean(invalid);
        out.writeLong(considered);
        out.writeLong(matched);
    }

    static NaturalLanguageDomainAccumulator read(DataInput in) throws IOException {
        NaturalLanguageDomainAccumulator state = new NaturalLanguageDomainAccumulator(in.readUTF());
        state.invalid = in.readBoolean();
        state.considered = in.readLong();
        state.matched = in.readLong();
        return state;
    }

    String name() {
        return name;
    }
}
