package dev.veracity.stats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.StatisticsAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlicedStatisticsTest {
    /** Rows of (country or missing, device list, score); the oracle of a slice is the batch of its rows. */
    private record Row(String country, List<String> devices, double score) {}

    private static RecordBatch batch(List<Row> rows) {
        ColumnBuilder country = ColumnBuilder.of("country", FeatureType.STRING);
        ColumnBuilder device = ColumnBuilder.of("device", FeatureType.STRING);
        ColumnBuilder score = ColumnBuilder.of("score", FeatureType.FLOAT);
        for (Row row : rows) {
            if (row.country() == null) {
                country.appendMissing();
            } else {
                byte[] bytes = row.country().getBytes(UTF_8);
                country.appendString(bytes, 0, bytes.length);
            }
            device.startList();
            for (String d : row.devices()) {
                byte[] bytes = d.getBytes(UTF_8);
                device.addString(bytes, 0, bytes.length);
            }
            device.endList();
            score.appendFloat(row.score());
        }
        return new RecordBatch(rows.size(), List.of(country.build(), device.build(), score.build()));
    }

    private static List<Row> rows(SplittableRandom random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String country = Gen.oneIn(random, 6) ? null : Gen.oneOf(random, "DE", "FR", "PL", "Łódź");
            List<String> devices = new ArrayList<>();
            for (int d = Gen.between(random, 0, 2); d > 0; d--) {
                String device = Gen.oneOf(random, "ios", "android", "web");
                if (!devices.contains(device)) {
                    devices.add(device);
                }
            }
            rows.add(new Row(country, devices, random.nextGaussian()));
        }
        return rows;
    }

    /** The slices by brute force: slice name to its rows, each row in the slice of each of its (crossed) values. */
    private static Map<String, List<Row>> bruteForce(List<Row> rows, boolean crossed) {
        Map<String, List<Row>> slices = new TreeMap<>();
        for (Row row : rows) {
            if (row.country() == null) {
                continue;
            }
            if (!crossed) {
                slices.computeIfAbsent("country_" + row.country(), k -> new ArrayList<>())
                        .add(row);
                continue;
            }
            for (String device : row.devices()) {
                slices.computeIfAbsent("country_" + row.country() + "_device_" + device, k -> new ArrayList<>())
                        .add(row);
            }
        }
        return slices;
    }

    private static void assertSameDataset(DatasetFeatureStatistics actual, DatasetFeatureStatistics expected) {
        assertThat(actual.getName()).isEqualTo(expected.getName());
        assertThat(actual.getNumExamples()).isEqualTo(expected.getNumExamples());
        assertThat(actual.getFeaturesCount()).isEqualTo(expected.getFeaturesCount());
        for (int f = 0; f < actual.getFeaturesCount(); f++) {
            StatisticsAssertions.assertSameExactFields(actual.getFeatures(f), expected.getFeatures(f), 10);
        }
    }

    @SeededProperty(tries = 60)
    void eachSliceHasTheStatisticsOfItsRowsWhateverTheSplitIntoParts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = rows(random, Gen.between(random, 1, 400));
        List<Slicing> slicings = List.of(Slicing.of("country"), Slicing.of("country", "device"));
        int parts = Gen.between(random, 1, 4);
        SlicedStatistics merged = new SlicedStatistics(StatisticsOptions.DEFAULT, slicings, 100);
        int from = 0;
        for (int p = 0; p < parts; p++) {
            int to = p == parts - 1 ? rows.size() : Gen.between(random, from, rows.size());
            SlicedStatistics part = new SlicedStatistics(StatisticsOptions.DEFAULT, slicings, 100);
            int batchRows = Gen.between(random, 1, 50);
            for (int b = from; b < to; b += batchRows) {
                part.add(batch(rows.subList(b, Math.min(to, b + batchRows))));
            }
            merged.merge(part);
            from = to;
        }

        DatasetFeatureStatisticsList result = merged.result("");

        List<DatasetFeatureStatistics> expected = new ArrayList<>();
        DatasetAccumulator all = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        all.add(batch(rows));
        expected.add(all.result(SlicedStatistics.ALL_EXAMPLES));
        for (boolean crossed : new boolean[] {false, true}) {
            bruteForce(rows, crossed).forEach((name, sliceRows) -> {
                DatasetAccumulator slice = new DatasetAccumulator(StatisticsOptions.DEFAULT);
                slice.add(batch(sliceRows));
                expected.add(slice.result(name));
            });
        }
        assertThat(result.getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactlyElementsOf(
                        expected.stream().map(DatasetFeatureStatistics::getName).toList());
        for (int d = 0; d < expected.size(); d++) {
            assertSameDataset(result.getDatasets(d), expected.get(d));
        }
    }

    @SeededProperty(tries = 30)
    void bytesRoundTripGivesTheSameStateAndMergesLikeTheOriginal(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = rows(random, Gen.between(random, 0, 300));
        List<Slicing> slicings =
                Gen.oneIn(random, 3) ? List.of() : List.of(Slicing.of("country"), Slicing.of("country", "device"));
        int maxSlices = Gen.between(random, 1, 6);
        int cut = Gen.between(random, 0, rows.size());
        SlicedStatistics first = new SlicedStatistics(StatisticsOptions.DEFAULT, slicings, maxSlices);
        first.add(batch(rows.subList(0, cut)));
        SlicedStatistics second = new SlicedStatistics(StatisticsOptions.DEFAULT, slicings, maxSlices);
        second.add(batch(rows.subList(cut, rows.size())));

        SlicedStatistics restored = SlicedStatistics.fromBytes(first.toBytes(), StatisticsOptions.DEFAULT);
        assertThat(restored.toBytes()).isEqualTo(first.toBytes());
        assertThat(restored.slicings()).isEqualTo(slicings);
        restored.merge(SlicedStatistics.fromBytes(second.toBytes(), StatisticsOptions.DEFAULT));
        first.merge(second);

        assertThat(restored.result("").getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactlyElementsOf(first.result("").getDatasetsList().stream()
                        .map(DatasetFeatureStatistics::getName)
                        .toList());
        for (int d = 0; d < first.result("").getDatasetsCount(); d++) {
            assertSameDataset(
                    restored.result("").getDatasets(d), first.result("").getDatasets(d));
        }
        for (Slicing slicing : slicings) {
            assertThat(restored.rowsNotSliced(slicing)).isEqualTo(first.rowsNotSliced(slicing));
        }
    }

    @Test
    void bytesOfAnotherVersionOrTruncatedAreRefused() {
        SlicedStatistics sliced = new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(Slicing.of("country")), 3);
        sliced.add(batch(List.of(new Row("DE", List.of("ios"), 1))));
        byte[] bytes = sliced.toBytes();
        assertThat(bytes[0]).isEqualTo((byte) SlicedStatistics.VERSION);
        byte[] future = bytes.clone();
        future[0] = 9;
        assertThatThrownBy(() -> SlicedStatistics.fromBytes(future, StatisticsOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> SlicedStatistics.fromBytes(truncated, StatisticsOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheFirstSlicesUpToTheCapAndCountsTheRowsOfTheRest() {
        List<Row> rows = new ArrayList<>();
        for (String country : List.of("DE", "FR", "DE", "PL", "IT", "FR", "ES")) {
            rows.add(new Row(country, List.of(), 1));
        }
        Slicing byCountry = Slicing.of("country");
        SlicedStatistics sliced = new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(byCountry), 2);
        sliced.add(batch(rows));

        assertThat(sliced.result("train").getDatasetsList())
                .extracting(d -> d.getName() + "=" + d.getNumExamples())
                .containsExactly("train=7", "country_DE=2", "country_FR=2");
        assertThat(sliced.rowsNotSliced(byCountry)).isEqualTo(3);
    }

    @Test
    void withoutSlicingsTheOneDatasetKeepsItsName() {
        SlicedStatistics plain = new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(), 100);
        plain.add(batch(List.of(new Row("DE", List.of(), 1))));
        assertThat(plain.result("").getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactly("");
    }

    @Test
    void slicingByAFeatureTheDataLacksIsAConfigError() {
        SlicedStatistics sliced = new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(Slicing.of("colour")), 100);
        sliced.add(batch(List.of(new Row("DE", List.of(), 1))));
        assertThatThrownBy(() -> sliced.result(""))
                .isInstanceOf(ConfigException.class)
                .hasMessage("slice by colour: expected a feature of the data, found no feature named \"colour\" "
                        + "(features: country, device, score)");
    }

    @Test
    void slicingNeedsDistinctNonEmptyFeatures() {
        assertThatThrownBy(() -> Slicing.of("a", "a")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Slicing.of()).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Slicing.of("")).isInstanceOf(ConfigException.class);
    }
}
