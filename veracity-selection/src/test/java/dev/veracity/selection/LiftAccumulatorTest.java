package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.CrossFeatureStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.LiftSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TFDV's lift, on the situations of TFDV's {@code lift_stats_generator_test.py} (our own CSV inputs for the same
 * examples; the expected series, counts and lifts are the ones that test states).
 */
class LiftAccumulatorTest {
    @TempDir
    Path dir;

    private LiftAccumulator lift(String csv, String label, Set<String> categoricalInts, int topK) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        SelectionOptions defaults = SelectionOptions.of(label);
        SelectionOptions options = new SelectionOptions(
                label,
                Task.CLASSIFICATION,
                Set.of(),
                categoricalInts,
                defaults.ranking(),
                defaults.spearmanRows(),
                defaults.miSample(),
                defaults.seed());
        LiftAccumulator lift = new LiftAccumulator(topK);
        new FeatureSelector(options, TableOptions.DEFAULT).select(List.of(data), lift);
        return lift;
    }

    /** {@return each series as "y (y_count): x lift x_and_y_count/x_count, ..."} */
    private static List<String> series(CrossFeatureStatistics cross) {
        List<String> lines = new ArrayList<>();
        for (LiftSeries s : cross.getCategoricalCrossStats().getLift().getLiftSeriesList()) {
            StringBuilder line =
                    new StringBuilder((s.hasYString() ? "'" + s.getYString() + "'" : Long.toString(s.getYInt())) + " ("
                            + s.getYCount() + "):");
            for (LiftSeries.LiftValue v : s.getLiftValuesList()) {
                line.append(' ')
                        .append(v.hasXString() ? "'" + v.getXString() + "'" : Long.toString(v.getXInt()))
                        .append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.7f", v.getLift()))
                        .append(' ')
                        .append(v.getXAndYCount())
                        .append('/')
                        .append(v.getXCount());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Test
    void stringLabel() throws IOException {
        // test_lift_string_y
        LiftAccumulator lift = lift("categorical_x,string_y\na,cat\na,dog\nb,cat\na,dog\n", "string_y", Set.of(), 0);
        CrossFeatureStatistics cross = lift.crossStatistics("categorical_x").orElseThrow();
        assertThat(cross.getPathX().getStepList()).containsExactly("categorical_x");
        assertThat(cross.getPathY().getStepList()).containsExactly("string_y");
        assertThat(series(cross))
                .containsExactly(
                        "'cat' (2): 'b' 2.0000000 1/1 'a' 0.6666667 1/3",
                        "'dog' (2): 'a' 1.3333333 2/3 'b' 0.0000000 0/1");
    }

    @Test
    void intLabelAndIntFeatureAreWrittenAsInts() throws IOException {
        // test_lift_int_y: the schema marks the INT feature categorical.
        LiftAccumulator lift =
                lift("categorical_x,int_y\n11,1\n11,0\n22,1\n11,0\n", "int_y", Set.of("categorical_x"), 0);
        assertThat(series(lift.crossStatistics("categorical_x").orElseThrow()))
                .containsExactly(
                        "0 (2): 11 1.3333333 2/3 22 0.0000000 0/1", "1 (2): 22 2.0000000 1/1 11 0.6666667 1/3");
    }

    @Test
    void examplesWithoutTheFeatureCountOnlyTowardsTheLabel() throws IOException {
        // test_lift_x_is_none
        LiftAccumulator lift = lift("categorical_x,string_y\n,cat\n,dog\nb,cat\na,dog\n", "string_y", Set.of(), 0);
        assertThat(series(lift.crossStatistics("categorical_x").orElseThrow()))
                .containsExactly(
                        "'cat' (2): 'b' 2.0000000 1/1 'a' 0.0000000 0/1",
                        "'dog' (2): 'a' 2.0000000 1/1 'b' 0.0000000 0/1");
    }

    @Test
    void examplesWithoutTheLabelStillCountAsExamplesAndForX() throws IOException {
        // test_lift_y_is_none, with the two buckets as two label values: P(lo) = 1/4, so lift(b, lo) = 4.
        LiftAccumulator lift = lift("categorical_x,y\na,\na,hi\nb,lo\na,hi\n", "y", Set.of(), 0);
        assertThat(lift.examples()).isEqualTo(4);
        assertThat(series(lift.crossStatistics("categorical_x").orElseThrow()))
                .containsExactly(
                        "'hi' (2): 'a' 1.3333333 2/3 'b' 0.0000000 0/1",
                        "'lo' (1): 'b' 4.0000000 1/1 'a' 0.0000000 0/3");
    }

    @Test
    void topKKeepsTheHighestLiftsAndNumericFeaturesGetNone() throws IOException {
        LiftAccumulator lift = lift(
                "categorical_x,number,string_y\na,1.5,cat\na,2.5,dog\nb,3.5,cat\na,4.5,dog\n", "string_y", Set.of(), 1);
        assertThat(series(lift.crossStatistics("categorical_x").orElseThrow()))
                .containsExactly("'cat' (2): 'b' 2.0000000 1/1", "'dog' (2): 'a' 1.3333333 2/3");
        assertThat(lift.crossStatistics("number")).isEmpty();
    }

    @Test
    void addToWritesCrossFeaturesAndTfdvsCustomStatistics() throws IOException {
        LiftAccumulator lift = lift("categorical_x,string_y\na,cat\na,dog\nb,cat\na,dog\n", "string_y", Set.of(), 0);
        DatasetFeatureStatistics dataset = DatasetFeatureStatistics.newBuilder()
                .setName("All Examples")
                .setNumExamples(4)
                .addFeatures(FeatureNameStatistics.newBuilder()
                        .setPath(FeaturePaths.Path.newBuilder().addStep("categorical_x")))
                .build();
        DatasetFeatureStatistics with = lift.addTo(dataset);
        assertThat(with.getCrossFeaturesCount()).isEqualTo(1);
        assertThat(with.getFeaturesCount()).isEqualTo(1);
        List<CustomStatistic> custom = with.getFeatures(0).getCustomStatsList();
        assertThat(custom).extracting(CustomStatistic::getName).containsExactly("Lift (Y=cat)", "Lift (Y=dog)");
        assertThat(custom.get(0).getRankHistogram().getBucketsList())
                .extracting(b -> b.getLabel())
                .containsExactly("b", "a");
        assertThat(custom.get(0).getRankHistogram().getBuckets(1).getSampleCount())
                .isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void aFeatureWithTooManyValuesIsGivenUp() {
        LiftAccumulator lift = new LiftAccumulator(0);
        lift.label("y", false);
        for (int i = 0; i <= LiftAccumulator.MAX_VALUES; i++) {
            lift.addExample("a");
            lift.addValue("id", false, "v" + i, "a");
        }
        assertThat(lift.abandoned()).containsExactly("id");
        assertThat(lift.crossStatistics("id")).isEmpty();
    }

    @Test
    void aNumericLabelIsRefused() throws IOException {
        Path data = dir.resolve("regression.csv");
        Files.writeString(data, "x,y\na,1.5\nb,2.5\na,3.5\nb,0.5\n");
        assertThatThrownBy(() -> new FeatureSelector(SelectionOptions.of("y"), TableOptions.DEFAULT)
                        .select(List.of(data), new LiftAccumulator(0)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "--lift: expected a categorical label (classification), found y scored as " + "regression");
    }
}
