package dev.veracity.stats;

import static dev.veracity.stats.DomainBatches.bytes;
import static dev.veracity.stats.DomainBatches.floats;
import static dev.veracity.stats.DomainBatches.ints;
import static dev.veracity.stats.DomainBatches.missing;
import static dev.veracity.stats.DomainBatches.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.veracity.data.Column;
import dev.veracity.proto.CustomStatistic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time-format detection in the situations of TFDV's {@code time_stats_generator_test.py}: the same inputs (one
 * accumulator per batch, merged, as TFDV's combiner test does) and the same expected formats, ratios and outcomes.
 */
class TimeDomainTest {
    private static TimeDomainAccumulator accumulate(double matchRatio, long valuesThreshold, Column... batches) {
        TimeDomainAccumulator all = new TimeDomainAccumulator(DomainBatches.NAME, matchRatio, valuesThreshold);
        for (Column batch : batches) {
            TimeDomainAccumulator part = new TimeDomainAccumulator(DomainBatches.NAME, matchRatio, valuesThreshold);
            part.add(batch);
            all.merge(part);
        }
        return all;
    }

    private static List<CustomStatistic> result(double matchRatio, long valuesThreshold, Column... batches) {
        return accumulate(matchRatio, valuesThreshold, batches).result().getCustomStatsList();
    }

    private static List<CustomStatistic> time(String domain, double ratio) {
        return List.of(
                CustomStatistic.newBuilder()
                        .setName("domain_info")
                        .setStr(domain)
                        .build(),
                CustomStatistic.newBuilder()
                        .setName("time_match_ratio")
                        .setNum(ratio)
                        .build());
    }

    /** {@return the string formats some value matched, with their counts} */
    private static Map<String, Long> matching(Column batch) {
        TimeDomainAccumulator accumulator = new TimeDomainAccumulator(DomainBatches.NAME, 0.8, 1);
        accumulator.add(batch);
        long[] matches = accumulator.matches();
        Map<String, Long> formats = new LinkedHashMap<>();
        for (int i = 0; i < TimeFormats.stringFormatCount(); i++) {
            if (matches[i] > 0) {
                formats.put(TimeFormats.format(i), matches[i]);
            }
        }
        return formats;
    }

    @Test
    void timeOnlyFormats() {
        assertThat(matching(strings(List.of("23:59", "23:59:58", "23:59:58.123456"))))
                .containsOnly(entry("%H:%M", 1L), entry("%H:%M:%S", 1L), entry("%H:%M:%S.%f", 1L));
    }

    @Test
    void dateOnlyFormats() {
        assertThat(matching(strings(
                        List.of("2018-11-30", "2018/11/30", "20181130", "18-11-30", "18/11/30", "30-November-2018"))))
                .containsOnly(
                        entry("%Y-%m-%d", 1L),
                        entry("%Y/%m/%d", 1L),
                        entry("%Y%m%d", 1L),
                        entry("%y-%m-%d", 1L),
                        entry("%d-%m-%y", 1L),
                        entry("%y/%m/%d", 1L),
                        entry("%d/%m/%y", 1L),
                        entry("%d-%B-%Y", 1L));
    }

    @Test
    void combinedFormats() {
        assertThat(matching(strings(List.of("2018-11-30T23:59", "2018/11/30 23:59", "Fri Nov 30 10:47:02 2018"))))
                .containsOnly(
                        entry("%Y-%m-%dT%H:%M", 1L), entry("%Y/%m/%d %H:%M", 1L), entry("%a %b %d %H:%M:%S %Y", 1L));
    }

    @Test
    void invalidInitializationValues() {
        assertThatThrownBy(() -> new TimeDomainAccumulator("f", 0.8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeDomainAccumulator("f", 1.1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeDomainAccumulator("f", 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInput() {
        assertThat(result(0.8, 100)).isEmpty();
    }

    @Test
    void valuesThreshold() {
        Column[] batches = {
            strings(List.of("2018-11-30", "2018-11-30", "2018-11-30"), List.of("2018-11-30")),
            strings(List.of("2018-11-30", "2018-11-30")),
            missing(2)
        };
        assertThat(result(0.8, 7, batches)).isEmpty();
        assertThat(result(0.8, 6, batches)).isEqualTo(time("time_domain {string_format: '%Y-%m-%d'}", 1.0));
    }

    @Test
    void aValueThatIsNotUtf8RulesTheFeatureOut() {
        assertThat(result(
                        0.5,
                        1,
                        strings(List.of("2018-11-30", "2018-11-30", "2018-11-30"), List.of("2018-11-30")),
                        strings(List.of("2018-11-30", "2018-11-30")),
                        bytes(new byte[] {(byte) 0xf0})))
                .isEmpty();
    }

    @Test
    void anotherTypeRulesTheFeatureOut() {
        assertThat(result(
                        0.5,
                        1,
                        strings(List.of("2018-11-30", "2018-11-30", "2018-11-30"), List.of("2018-11-30")),
                        strings(List.of("2018-11-30", "2018-11-30")),
                        floats(1.0)))
                .isEmpty();
    }

    @Test
    void missingAndEmptyBatchesCountNothing() {
        TimeDomainAccumulator accumulator = accumulate(1, 1, missing(1), strings(List.of()));
        assertThat(accumulator.result().getCustomStatsList()).isEmpty();
        accumulator.add(strings(List.of("2018-11-30")));
        assertThat(accumulator.result().getCustomStatsList())
                .isEqualTo(time("time_domain {string_format: '%Y-%m-%d'}", 1.0));
    }

    @Test
    void matchRatioWithTheSameValidFormat() {
        Column[] batches = {
            strings(List.of("2018-11-30", "2018-11-30", "2018-11-30"), List.of("2018-11-30", "2018-11-30")),
            strings(List.of("not-valid", "not-valid", "not-valid"), List.of("not-valid", "not-valid"))
        };
        assertThat(result(0.51, 5, batches)).isEmpty();
        assertThat(result(0.49, 5, batches)).isEqualTo(time("time_domain {string_format: '%Y-%m-%d'}", 0.5));
    }

    @Test
    void matchRatioWithDifferentValidFormats() {
        Column batch = strings(
                List.of("2018-11-30", "2018/11/30", "20181130", "18-11-30", "18/11/30"),
                List.of("11-30-2018", "11/30/2018", "11302018", "11/30/18", "11/30/18"));
        assertThat(result(0.05, 1, batch)).isEqualTo(time("time_domain {string_format: '%m/%d/%y'}", 0.2));
        assertThat(result(0.3, 1, batch)).isEmpty();
    }

    @Test
    void noValidFormats() {
        assertThat(result(
                        0.1,
                        1,
                        strings(List.of("", "2018-Nov-30", "20183011")),
                        strings(List.of("all/invalid", "2018-11-30invalid")),
                        strings(List.of("invalid2018-11-30", "invalid\n2018-11-30"))))
                .isEmpty();
    }

    @Test
    void combinedStringFormatsCountAsCombinedOnly() {
        assertThat(result(
                        0.1,
                        1,
                        strings(List.of("2018/11/30 23:59", "2018/12/01 23:59")),
                        strings(List.of("2018/11/30 23:59", "23:59")),
                        strings(List.of("2018/11/30", "2018/11/30"))))
                .isEqualTo(time("time_domain {string_format: '%Y/%m/%d %H:%M'}", 0.5));
    }

    @Test
    void integerFormats() {
        assertThat(result(0.1, 1, ints(631152001, 631152002), ints(631152003, 631152000001L), ints(1, 2)))
                .isEqualTo(time("time_domain {integer_format: 1}", 0.5));
    }

    @Test
    void nonTimeIntegers() {
        assertThat(result(0.1, 1, ints(1, 2))).isEmpty();
    }

    @Test
    void pythonsEndOfTextAndUnicodeDigits() {
        // Python's $ also matches before a final line end, and its \d any decimal digit
        assertThat(matching(strings(List.of("2018-11-30\n", "٢٠١٨-11-30", "2018-11-30\r"))))
                .containsOnly(entry("%Y-%m-%d", 2L));
    }

    @Test
    void everyIntegerRangeIsHalfOpen() {
        assertThat(TimeFormats.integerFormat(TimeFormats.integerIndex(7305)).name())
                .isEqualTo("UNIX_DAYS");
        assertThat(TimeFormats.integerIndex(7304)).isEqualTo(-1);
        assertThat(TimeFormats.integerIndex(21915)).isEqualTo(-1);
        assertThat(TimeFormats.integerFormat(TimeFormats.integerIndex(1893455999999999999L))
                        .name())
                .isEqualTo("UNIX_NANOSECONDS");
        assertThat(TimeFormats.stringFormatCount()).isEqualTo(17 + 3 + 1 + 17 * 3 * 2);
    }
}
