package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TFDV's time-format detection of one feature ({@code TimeStatsGenerator}): per format of {@link TimeFormats}, how
 * many values match it. When at least {@code valuesThreshold} values were seen (TFDV: 100) and the most common format
 * matches at least {@code matchRatio} of them (TFDV: 0.8), the result carries {@code domain_info} with the feature's
 * {@code time_domain} (for instance {@code time_domain {string_format: '%Y-%m-%d'}} or
 * {@code time_domain {integer_format: 1}}) and {@code time_match_ratio}, which inference and update turn into the
 * feature's time domain.
 *
 * <p>As in TFDV, a FLOAT column or a value that is not UTF-8 rules the feature out, a column without values changes
 * nothing, and strings and integers may both count. Of formats matched equally often, the first in TFDV's list wins
 * (TFDV takes the first seen, which depends on the order of the data).
 */
final class TimeDomainAccumulator {
    static final double MATCH_RATIO = 0.8;
    static final long VALUES_THRESHOLD = 100;

    private final String name;
    private final double matchRatio;
    private final long valuesThreshold;
    private boolean invalid;
    private long considered;
    private final long[] matches = new long[TimeFormats.count()];
    private Matcher[] matchers;
    private final AsciiText ascii = new AsciiText();

    TimeDomainAccumulator(String name) {
        this(name, MATCH_RATIO, VALUES_THRESHOLD);
    }

    /**
     * @throws IllegalArgumentException if {@code valuesThreshold <= 0} or {@code matchRatio} is not in (0, 1], as
     *                                  TFDV's constructor
     */
    TimeDomainAccumulator(String name, double matchRatio, long valuesThreshold) {
        if (valuesThreshold <= 0) {
            throw new IllegalArgumentException("expected a values threshold > 0, found " + valuesThreshold);
        }
        if (!(matchRatio > 0 && matchRatio <= 1)) {
            throw new IllegalArgumentException("expected a match ratio in (0, 1], found " + matchRatio);
        }
        this.name = name;
        this.matchRatio = matchRatio;
        this.valuesThreshold = valuesThreshold;
    }

    void add(Column column) {
        if (invalid || column.valueCount() == 0) {
            return;
        }
        if (column instanceof StringColumn strings) {
            addStrings(strings);
        } else if (column instanceof IntColumn ints) {
            addInts(ints);
        } else {
            invalid = true;
        }
    }

    private void addStrings(StringColumn strings) {
        int[] starts = strings.valueOffsets();
        byte[] bytes = strings.bytes();
        int values = strings.valueCount();
        for (int i = 0; i < values; i++) {
            if (!Utf8.isValid(bytes, starts[i], starts[i + 1] - starts[i])) {
                invalid = true;
                return;
            }
        }
        considered += values;
        for (int i = 0; i < values; i++) {
            int start = starts[i];
            int length = starts[i + 1] - start;
            if (TimeFormats.isCandidate(bytes, start, length)) {
                match(text(bytes, start, length));
            }
        }
    }

    private CharSequence text(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return new String(bytes, start, length, StandardCharsets.UTF_8);
            }
        }
        return ascii.reset(bytes, start, length);
    }

    /**
     * Counts the formats {@code value} matches. Only the formats that {@link TimeFormats#mayMatch} allows for the
     * value's separators and length run their expressions: the others cannot match, so the counts are those of
     * running every expression, at a fraction of the cost.
     */
    private void match(CharSequence value) {
        if (matchers == null) {
            List<Pattern> patterns = TimeFormats.patterns();
            matchers = new Matcher[patterns.size()];
            for (int i = 0; i < matchers.length; i++) {
                matchers[i] = patterns.get(i).matcher("");
            }
        }
        int dashes = 0;
        int slashes = 0;
        int colons = 0;
        boolean hasT = false;
        boolean isAscii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '-' -> dashes++;
                case '/' -> slashes++;
                case ':' -> colons++;
                case 'T' -> hasT = true;
                default -> isAscii &= c < 0x80;
            }
        }
        int asciiLength = isAscii ? value.length() : -1;
        for (int i = 0; i < matchers.length; i++) {
            if (TimeFormats.mayMatch(i, dashes, slashes, colons, hasT, asciiLength)
                    && matchers[i].reset(value).lookingAt()) {
                matches[i]++;
            }
        }
    }

    private void addInts(IntColumn ints) {
        long[] values = ints.values();
        int count = ints.valueCount();
        considered += count;
        for (int i = 0; i < count; i++) {
            int format = TimeFormats.integerIndex(values[i]);
            if (format >= 0) {
                matches[format]++;
            }
        }
    }

    void merge(TimeDomainAccumulator other) {
        invalid |= other.invalid;
        considered += other.considered;
        for (int i = 0; i < matches.length; i++) {
            matches[i] += other.matches[i];
        }
    }

    /** {@return the feature's path with {@code domain_info} and {@code time_match_ratio}, or with none} */
    FeatureNameStatistics result() {
        FeatureNameStatistics.Builder result =
                FeatureNameStatistics.newBuilder().setPath(Path.newBuilder().addStep(name));
        if (invalid || considered < valuesThreshold) {
            return result.build();
        }
        int best = 0;
        for (int i = 1; i < matches.length; i++) {
            if (matches[i] > matches[best]) {
                best = i;
            }
        }
        if (matches[best] == 0) {
            return result.build();
        }
        double ratio = (double) matches[best] / considered;
        if (ratio >= matchRatio) {
            String domain = best < TimeFormats.stringFormatCount()
                    ? "time_domain {string_format: '" + TimeFormats.format(best) + "'}"
                    : "time_domain {integer_format: "
                            + TimeFormats.integerFormat(best).getNumber() + "}";
            result.addCustomStats(
                    CustomStatistic.newBuilder().setName("domain_info").setStr(domain));
            result.addCustomStats(
                    CustomStatistic.newBuilder().setName("time_match_ratio").setNum(ratio));
        }
        return result.build();
    }

    /** {@return the number of values matching each format, for tests} */
    long[] matches() {
        return matches.clone();
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(name);
        out.writeBoolean(invalid);
        out.writeLong(considered);
        for (long count : matches) {
            out.writeLong(count);
        }
    }

    static TimeDomainAccumulator read(DataInput in) throws IOException {
        TimeDomainAccumulator state = new TimeDomainAccumulator(in.readUTF());
        state.invalid = in.readBoolean();
        state.considered = in.readLong();
        for (int i = 0; i < state.matches.length; i++) {
            state.matches[i] = in.readLong();
        }
        return state;
    }

    String name() {
        return name;
    }

    /** A reusable view of ASCII bytes as characters, so that matching a value allocates nothing. */
    private static final class AsciiText implements CharSequence {
        private byte[] bytes = new byte[0];
        private int start;
        private int length;

        AsciiText reset(byte[] bytes, int start, int length) {
            this.bytes = bytes;
            this.start = start;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(bytes, start + from, to - from, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(bytes, start, length, StandardCharsets.US_ASCII);
        }
    }
}
