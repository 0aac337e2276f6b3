package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest time of each string feature whose values are ISO-8601 times, as the custom statistic {@value #TIME_MAX}
 * (epoch seconds, UTC), for the freshness check: TFDV's string statistics have no maximum. A value is read as
 * {@code 2024-05-01T05:00:11Z} or with an offset ({@link OffsetDateTime}), {@code 2024-05-01T05:00:11} (a local time,
 * taken as UTC) or {@code 2024-05-01} (its midnight, UTC); any other value is counted in {@value #TIME_UNPARSED}. A
 * feature with no time among its values gets nothing. One pass over the data after the statistics.
 *
 * <pre>{@code
 * NewestTimes times = NewestTimes.plan(dataset);
 * for (RecordBatch b : batches) times.add(b);
 * dataset = times.write(dataset);
 * }</pre>
 */
public final class NewestTimes {
    /** The newest time among the values, in seconds since 1970-01-01T00:00Z. */
    public static final String TIME_MAX = "time_max";
    /** Values that are not ISO-8601 times. */
    public static final String TIME_UNPARSED = "time_unparsed";

    private final Map<String, long[]> features; // name -> {any parsed (0/1), unparsed, newest seconds, nanos}

    private NewestTimes(Map<String, long[]> features) {
        this.features = features;
    }

    /** {@return the newest times to find for the top-level string features of {@code dataset}} */
    public static NewestTimes plan(DatasetFeatureStatistics dataset) {
        Map<String, long[]> features = new LinkedHashMap<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            boolean topLevel = !feature.hasPath() || feature.getPath().getStepCount() == 1;
            boolean hidden = feature.getCustomStatsList().stream()
                    .anyMatch(c -> c.getName().equals(PiiProtection.CUSTOM_STAT));
            if (feature.hasStringStats() && topLevel && !hidden) {
                features.put(
                        feature.hasPath() ? feature.getPath().getStep(0) : feature.getName(),
                        new long[] {0, 0, Long.MIN_VALUE, 0});
            }
        }
        return new NewestTimes(features);
    }

    /** Reads the times of a batch's string columns. */
    public void add(RecordBatch batch) {
        for (Column column : batch.columns()) {
            long[] state = features.get(column.name());
            if (state == null || !(column instanceof StringColumn strings)) {
                continue;
            }
            int values = strings.rowOffsets()[strings.rowCount()];
            for (int i = 0; i < values; i++) {
                int from = strings.valueOffsets()[i];
                int to = strings.valueOffsets()[i + 1];
                OffsetDateTime time = parse(strings.bytes(), from, to);
                if (time == null) {
                    state[1]++;
                    continue;
                }
                long seconds = time.toEpochSecond();
                int nanos = time.getNano();
                if (state[0] == 0 || seconds > state[2] || (seconds == state[2] && nanos > state[3])) {
                    state[2] = seconds;
                    state[3] = nanos;
                }
                state[0] = 1;
            }
        }
    }

    /** {@return the dataset with {@value #TIME_MAX} and {@value #TIME_UNPARSED} on the features with a time} */
    public DatasetFeatureStatistics write(DatasetFeatureStatistics dataset) {
        DatasetFeatureStatistics.Builder builder = dataset.toBuilder();
        for (FeatureNameStatistics.Builder feature : builder.getFeaturesBuilderList()) {
            long[] state = features.get(feature.hasPath() ? feature.getPath().getStep(0) : feature.getName());
            if (state == null
                    || state[0] == 0
                    || feature.hasPath() && feature.getPath().getStepCount() > 1) {
                continue;
            }
            java.util.List<CustomStatistic> kept = feature.getCustomStatsList().stream()
                    .filter(c -> !c.getName().equals(TIME_MAX) && !c.getName().equals(TIME_UNPARSED))
                    .toList();
            feature.clearCustomStats().addAllCustomStats(kept);
            feature.addCustomStats(CustomStatistic.newBuilder()
                    .setName(TIME_MAX)
                    .setNum(state[2] + state[3] / 1e9)
                    .build());
            feature.addCustomStats(CustomStatistic.newBuilder()
                    .setName(TIME_UNPARSED)
                    .setNum(state[1])
                    .build());
        }
        return builder.build();
    }

    /** {@return the time a value states, or null} (a quick look at its shape first: most strings are not times) */
    static OffsetDateTime parse(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n < 10
                || bytes[from + 4] != '-'
                || bytes[from + 7] != '-'
                || !digit(bytes[from])
                || !digit(bytes[from + 9])) {
            return null;
        }
        String text = new String(bytes, from, n, StandardCharsets.UTF_8).strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            char last = text.charAt(text.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
            return zoned
                    ? OffsetDateTime.parse(text.replace(' ', 'T'))
                    : LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
