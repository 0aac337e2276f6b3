package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DatasetAccumulatorTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    /** A batch source over batches in memory, which records whether it was closed. */
    private static final class ListSource implements BatchSource {
        private final Iterator<RecordBatch> batches;
        private boolean closed;

        ListSource(List<RecordBatch> batches) {
            this.batches = batches.iterator();
        }

        @Override
        public Optional<RecordBatch> next() {
            return batches.hasNext() ? Optional.of(batches.next()) : Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<RecordBatch> batches(Rows.Table table, int batchRows) {
        List<RecordBatch> batches = new ArrayList<>();
        for (int start = 0; start < table.size(); start += batchRows) {
            batches.add(table.batch(start, Math.min(table.size(), start + batchRows)));
        }
        return batches;
    }

    @Nested
    class GeneratedData {
        @Test
        void everyFeatureMatchesTheOracle() {
            Rows.Table table = Rows.Table.generated(41, 10_000);
            DatasetAccumulator dataset = table.accumulate(OPTIONS, 0, table.size(), 1_000);
            assertThat(dataset.numExamples()).isEqualTo(10_000);
            DatasetFeatureStatistics statistics = dataset.result("train");
            assertThat(statistics.getName()).isEqualTo("train");
            table.assertMatches(statistics, OPTIONS);
        }

        @Test
        void aFeatureFirstSeenInALaterBatchIsMissingFromTheEarlierOnes() {
            Rows.Table table = Rows.Table.generated(42, 4_000);
            List<double[]> late = new GeneratedRows(43).numericRows(FeatureType.FLOAT, 1_000);
            DatasetAccumulator dataset = table.accumulate(OPTIONS, 0, 3_000, 1_000);
            RecordBatch last = table.batch(3_000, 4_000);
            List<Column> columns = new ArrayList<>(last.columns());
            columns.add(0, Rows.numericColumn("late", FeatureType.FLOAT, late));
            dataset.add(new RecordBatch(1_000, columns));

            DatasetFeatureStatistics statistics = dataset.result("");
            assertThat(statistics.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("fare", "trips", "company", "late");
            List<double[]> lateRows = new ArrayList<>(Collections.nCopies(3_000, (double[]) null));
            lateRows.addAll(late);
            StatisticsAssertions.assertNumeric(
                    statistics.getFeatures(3), BruteForceStatistics.numeric(lateRows), FeatureType.FLOAT, OPTIONS);
            table.assertMatches(statistics.toBuilder().removeFeatures(3).build(), OPTIONS);
        }

        @Test
        void mergeOfPartsMatchesTheOracle() {
            Rows.Table table = Rows.Table.generated(44, 6_000);
            DatasetAccumulator merged = new DatasetAccumulator(OPTIONS);
            for (int start = 0; start < table.size(); start += 700) {
                merged.merge(table.accumulate(OPTIONS, start, Math.min(table.size(), start + 700), 300));
            }
            table.assertMatches(merged.result(""), OPTIONS);
        }

        @Test
        void roundTripThroughBytesKeepsTheResult() {
            Rows.Table table = Rows.Table.generated(45, 5_000);
            DatasetAccumulator dataset = table.accumulate(OPTIONS, 0, table.size(), 1_000);
            byte[] bytes = dataset.toBytes();
            DatasetAccumulator restored = DatasetAccumulator.fromBytes(bytes, OPTIONS);
            assertThat(restored.result("x")).isEqualTo(dataset.result("x"));
            assertThat(restored.numExamples()).isEqualTo(dataset.numExamples());
            DatasetAccumulator twice = DatasetAccumulator.fromBytes(restored.toBytes(), OPTIONS);
            assertThat(twice.result("x")).isEqualTo(dataset.result("x"));
        }
    }

    @Nested
    class Merge {
        @Test
        void featuresNewToThisOneAreAppendedAndCountMissingRows() {
            Rows.Table table = Rows.Table.generated(46, 300);
            DatasetAccumulator first = new DatasetAccumulator(OPTIONS);
            first.add(new RecordBatch(
                    100,
                    List.of(Rows.numericColumn(
                            "trips", FeatureType.INT, table.trips().subList(0, 100)))));
            DatasetAccumulator second = table.accumulate(OPTIONS, 100, 300, 1_000);
            first.merge(second);

            DatasetFeatureStatistics statistics = first.result("");
            assertThat(statistics.getNumExamples()).isEqualTo(300);
            assertThat(statistics.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("trips", "fare", "company");
            List<double[]> fare = new ArrayList<>(Collections.nCopies(100, (double[]) null));
            fare.addAll(table.fare().subList(100, 300));
            List<byte[][]> company = new ArrayList<>(Collections.nCopies(100, (byte[][]) null));
            company.addAll(table.company().subList(100, 300));
            StatisticsAssertions.assertNumeric(
                    statistics.getFeatures(0), BruteForceStatistics.numeric(table.trips()), FeatureType.INT, OPTIONS);
            StatisticsAssertions.assertNumeric(
                    statistics.getFeatures(1), BruteForceStatistics.numeric(fare), FeatureType.FLOAT, OPTIONS);
            StatisticsAssertions.assertStrings(
                    statistics.getFeatures(2), BruteForceStatistics.strings(company), OPTIONS);
        }

        @Test
        void mergedFeaturesAreCopiesNotShared() {
            Rows.Table table = Rows.Table.generated(47, 200);
            DatasetAccumulator first = new DatasetAccumulator(OPTIONS);
            DatasetAccumulator second = table.accumulate(OPTIONS, 0, 100, 1_000);
            DatasetFeatureStatistics before = second.result("");
            first.merge(second);
            first.add(table.batch(100, 200));
            assertThat(second.result("")).isEqualTo(before);
            table.assertMatches(first.result(""), OPTIONS);
        }

        @Test
        void rejectsItselfAndConflictingTypes() {
            DatasetAccumulator dataset = Rows.Table.generated(48, 10).accumulate(OPTIONS, 0, 10, 10);
            assertThatThrownBy(() -> dataset.merge(dataset)).isInstanceOf(IllegalArgumentException.class);
            DatasetAccumulator conflicting = new DatasetAccumulator(OPTIONS);
            conflicting.add(new RecordBatch(1, List.of(Rows.stringColumn("fare", List.<byte[][]>of(new byte[0][])))));
            assertThatThrownBy(() -> dataset.merge(conflicting)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WithoutData {
        @Test
        void emptyAccumulatorHasNoFeatures() {
            DatasetAccumulator empty = new DatasetAccumulator(OPTIONS);
            assertThat(empty.result("")).isEqualTo(DatasetFeatureStatistics.getDefaultInstance());
            assertThat(empty.result("eval"))
                    .isEqualTo(DatasetFeatureStatistics.newBuilder()
                            .setName("eval")
                            .build());
            assertThat(DatasetAccumulator.fromBytes(empty.toBytes(), OPTIONS).result(""))
                    .isEqualTo(empty.result(""));
        }

        @Test
        void allMissingColumnsHaveOnlyCommonStatistics() {
            int rows = 500;
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(new RecordBatch(
                    rows,
                    List.of(
                            Rows.numericColumn("n", FeatureType.INT, Collections.nCopies(rows, (double[]) null)),
                            Rows.stringColumn("s", Collections.nCopies(rows, (byte[][]) null)))));
            CommonStatistics common =
                    CommonStatistics.newBuilder().setNumMissing(rows).build();
            DatasetFeatureStatistics statistics = dataset.result("");
            assertThat(statistics.getFeatures(0).getNumStats())
                    .isEqualTo(NumericStatistics.newBuilder()
                            .setCommonStats(common)
                            .build());
            assertThat(statistics.getFeatures(1).getStringStats())
                    .isEqualTo(
                            StringStatistics.newBuilder().setCommonStats(common).build());
            assertThat(statistics.getFeatures(0).getType()).isEqualTo(FeatureNameStatistics.Type.INT);
        }

        @Test
        void batchesWithoutRowsCountNothing() {
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(Rows.Table.generated(49, 0).batch(0, 0));
            assertThat(dataset.numExamples()).isZero();
            List<FeatureNameStatistics> features = dataset.result("").getFeaturesList();
            assertThat(features).hasSize(3);
            assertThat(features.get(0).getNumStats())
                    .isEqualTo(NumericStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.getDefaultInstance())
                            .build());
            assertThat(features.get(1).getNumStats()).isEqualTo(features.get(0).getNumStats());
            assertThat(features.get(2).getStringStats())
                    .isEqualTo(StringStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.getDefaultInstance())
                            .build());
        }
    }

    @Nested
    class SerializedForm {
        @Test
        void startsWithItsVersionAndRefusesUnknownOnes() {
            byte[] bytes = Rows.Table.generated(50, 100)
                    .accumulate(OPTIONS, 0, 100, 1_000)
                    .toBytes();
            assertThat(bytes[0]).isEqualTo((byte) DatasetAccumulator.VERSION);
            byte[] future = bytes.clone();
            future[0] = (byte) (DatasetAccumulator.VERSION + 1);
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(future, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("version");
        }

        @Test
        void refusesTruncatedBytes() {
            byte[] bytes = Rows.Table.generated(51, 100)
                    .accumulate(OPTIONS, 0, 100, 1_000)
                    .toBytes();
            for (int length : new int[] {0, 1, 5, 13, bytes.length / 3, bytes.length - 1}) {
                byte[] truncated = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> DatasetAccumulator.fromBytes(truncated, OPTIONS))
                        .as("first %d bytes", length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class Generator {
        @Test
        void computesOneNamedDatasetFromEveryBatch() throws IOException {
            Rows.Table table = Rows.Table.generated(52, 3_000);
            ListSource source = new ListSource(batches(table, 512));
            DatasetFeatureStatisticsList list = new StatisticsGenerator(OPTIONS).compute(source, "train");
            assertThat(list.getDatasetsList()).hasSize(1);
            assertThat(list.getDatasets(0).getName()).isEqualTo("train");
            table.assertMatches(list.getDatasets(0), OPTIONS);
            assertThat(source.closed).as("the caller closes the source").isFalse();
        }

        @Test
        void accumulatesAStateToMergeWithOthers() throws IOException {
            Rows.Table table = Rows.Table.generated(53, 2_000);
            StatisticsGenerator generator = new StatisticsGenerator(OPTIONS);
            DatasetAccumulator first =
                    generator.accumulate(new ListSource(batches(table, 512).subList(0, 2)));
            DatasetAccumulator rest =
                    generator.accumulate(new ListSource(batches(table, 512).subList(2, 4)));
            first.merge(rest);
            table.assertMatches(first.result(""), OPTIONS);
        }

        @Test
        void anEmptySourceGivesAnEmptyDataset() throws IOException {
            DatasetFeatureStatisticsList list = new StatisticsGenerator(OPTIONS).compute(new ListSource(List.of()), "");
            assertThat(list)
                    .isEqualTo(DatasetFeatureStatisticsList.newBuilder()
                            .addDatasets(DatasetFeatureStatistics.getDefaultInstance())
                            .build());
        }
    }
}
