package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.io.AnomaliesFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DriftSkewInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift and skew from the command line on CSV files: statistics of a first span, an inferred schema with
 * comparators set by {@code schema set-comparator}, then spans and serving data checked against it.
 */
class DriftSkewWorkflowTest {
    private static final String[] COLORS = {"red", "green", "blue"};

    @TempDir
    Path dir;

    private Path schema;
    private Path firstSpan;

    private Path stats(String name, int rows, IntFunction<String> row) throws IOException {
        StringBuilder text = new StringBuilder("color,amount\n");
        for (int i = 0; i < rows; i++) {
            text.append(row.apply(i)).append('\n');
        }
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + ".pb");
        CommandRun run = CommandRun.of("stats", csv.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private static String evenRow(int i) {
        return COLORS[i % 3] + "," + (10 + i * 7 % 90);
    }

    private void setComparator(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "schema";
        all[1] = "set-comparator";
        all[2] = "--schema";
        all[3] = schema.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        CommandRun run = CommandRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @BeforeEach
    void firstSpanAndSchema() throws IOException {
        firstSpan = stats("span1", 600, DriftSkewWorkflowTest::evenRow);
        schema = dir.resolve("schema.pbtxt");
        CommandRun run = CommandRun.of("infer-schema", firstSpan.toString(), "-o", schema.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        setComparator("color", "--drift", "--infinity-norm", "0.05");
    }

    @Test
    void aSpanWhoseCategoriesShiftIsFlaggedWithTheMeasuredValue() throws IOException {
        // red 1/2, green 1/4, blue 1/4 against thirds: L-infinity 1/2 - 1/3 = 0.166667, at red
        Path shifted = stats(
                "span2", 400, i -> (i % 2 == 0 ? "red" : i % 4 == 1 ? "green" : "blue") + "," + (10 + i * 7 % 90));
        Path anomaliesFile = dir.resolve("anomalies.pbtxt");
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                shifted.toString(),
                "--previous",
                firstSpan.toString(),
                "-o",
                anomaliesFile.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "COMPARATOR_L_INFTY_HIGH: High Linfty distance between current and previous",
                        "The Linfty distance between current and previous is 0.166667 (up to six significant digits), "
                                + "above the threshold 0.05. The feature value with maximum difference is: red",
                        "Drift and skew: 1 measurement, 1 over its threshold");
        assertThat(run.out()).containsPattern("color +drift +L_INFTY +0\\.166667 +0\\.05 +over");
        Anomalies anomalies = AnomaliesFiles.read(anomaliesFile);
        assertThat(anomalies.getAnomalyInfoMap().get("color").getReason(0).getType())
                .isEqualTo(AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH);
        DriftSkewInfo.Measurement measurement = anomalies.getDriftSkewInfo(0).getDriftMeasurements(0);
        assertThat(measurement.getValue()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(measurement.getThreshold()).isEqualTo(0.05);
    }

    @Test
    void aCleanSpanIsNotFlaggedButStillMeasured() throws IOException {
        Path clean = stats("span2", 300, i -> evenRow(i + 1));
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                clean.toString(),
                "--previous",
                firstSpan.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("No anomalies in").containsPattern("color +drift +L_INFTY +0 +0\\.05 +under");
        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void servingDataInOtherUnitsIsCaughtAsSkew() throws IOException {
        setComparator("amount", "--skew", "--jensen-shannon", "0.1");
        Path serving = stats("serving", 300, i -> COLORS[i % 3] + "," + (10 + i * 7 % 90) * 1000);
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                firstSpan.toString(),
                "--serving",
                serving.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH",
                        "The approximate Jensen-Shannon divergence between training and serving is 1 (up to six significant "
                                + "digits), above the threshold 0.1.")
                .containsPattern("amount +skew +JENSEN_SHANNON_DIVERGENCE +1 +0\\.1 +over");

        Path sameUnits = stats("serving-ok", 600, DriftSkewWorkflowTest::evenRow);
        CommandRun ok = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                firstSpan.toString(),
                "--serving",
                sameUnits.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        // the same values, read again: the histograms are interpolated from a sketch, so nearly but not exactly 0
        assertThat(ok.out()).containsPattern("amount +skew +JENSEN_SHANNON_DIVERGENCE +0(\\.00[0-9]*)? +0\\.1 +under");
    }

    @Test
    void lInfinityOnANumericFeatureIsAWarningNotAZero() throws IOException {
        setComparator("amount", "--drift", "--infinity-norm", "0.1");
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                firstSpan.toString(),
                "--previous",
                firstSpan.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err())
                .contains("warning: amount: drift_comparator.infinity_norm not applied, nothing "
                        + "measured: the L-infinity distance compares rank histograms");
        assertThat(run.out()).doesNotContain("amount ");
    }

    @Test
    void exampleCountsAgainstThePreviousVersion() throws IOException {
        Files.writeString(
                schema,
                Files.readString(schema) + "dataset_constraints {\n"
                        + "  num_examples_version_comparator { min_fraction_threshold: 0.9 }\n}\n");
        Path smaller = stats("v2", 300, DriftSkewWorkflowTest::evenRow);
        CommandRun run = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                smaller.toString(),
                "--previous-version",
                firstSpan.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "(dataset)  ERROR",
                        "COMPARATOR_LOW_NUM_EXAMPLES",
                        "versus the previous version is 0.5 (up to six significant digits), which is below the threshold 0.9");
    }
}
