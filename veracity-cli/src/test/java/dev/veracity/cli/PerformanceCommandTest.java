package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veracity performance} and {@code veracity shift} on real files: the bundled decay example (the concept change
 * on hilly routes from 2024-05-06) found on the right day by both, bad input refused with the row, output
 * deterministic.
 */
class PerformanceCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "runs");
    private static final String CHANGE_DAY = "2024-05-06";

    @TempDir
    Path dir;

    @Test
    void performanceFindsTheDecayOnTheChangeDay() throws IOException {
        Path out = dir.resolve("perf.json");
        CommandRun run = CommandRun.of(
                "performance",
                EXAMPLE.resolve("predictions.csv").toString(),
                "--label",
                "completed",
                "--score",
                "score",
                "--time",
                "started_at",
                "--span",
                "day",
                "--max-drop",
                "0.1",
                "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> alarms =
                run.out().lines().filter(l -> l.startsWith("ALARM")).toList();
        assertThat(alarms).isNotEmpty();
        assertThat(alarms).allSatisfy(a -> assertThat(a.substring(6, 16)).isGreaterThanOrEqualTo(CHANGE_DAY));
        assertThat(alarms).anySatisfy(a -> assertThat(a).startsWith("ALARM " + CHANGE_DAY + " all drop: accuracy"));
        assertThat(alarms).anySatisfy(a -> assertThat(a).startsWith("ALARM " + CHANGE_DAY + " all adwin"));
        assertThat(alarms).anySatisfy(a -> assertThat(a).startsWith("ALARM " + CHANGE_DAY + " all page_hinkley"));
        String json = Files.readString(out);
        assertThat(json).contains("\"ece_binning\"").doesNotContain("NaN");
        Path again = dir.resolve("again.json");
        CommandRun.of(
                "performance",
                EXAMPLE.resolve("predictions.csv").toString(),
                "--label",
                "completed",
                "--score",
                "score",
                "--time",
                "started_at",
                "--span",
                "day",
                "--max-drop",
                "0.1",
                "-o",
                again.toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void shiftFindsConceptShiftFromTheChangeDayOnly() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE.resolve("predictions.csv"));
        String header = lines.get(0);
        List<String> baseline = new ArrayList<>(List.of(header));
        for (String line : lines.subList(1, lines.size())) {
            String day = line.split(",")[line.split(",").length - 3].substring(0, 10);
            if (day.compareTo("2024-05-04") < 0) {
                baseline.add(line);
            }
        }
        Path base = Files.write(dir.resolve("base.csv"), baseline);
        for (int d = 4; d <= 10; d++) {
            String day = String.format("2024-05-%02d", d);
            List<String> current = new ArrayList<>(List.of(header));
            for (String line : lines.subList(1, lines.size())) {
                if (line.contains("," + day + "T")) {
                    current.add(line);
                }
            }
            Path cur = Files.write(dir.resolve(day + ".csv"), current);
            CommandRun run = CommandRun.of(
                    "shift",
                    "--baseline",
                    base.toString(),
                    "--current",
                    cur.toString(),
                    "--label",
                    "completed",
                    "--features",
                    "route,surface,distance_km,elevation_gain_m");
            String expected = day.compareTo(CHANGE_DAY) < 0 ? "verdict: none" : "verdict: concept";
            assertThat(run.out()).as(day + "\n" + run.out() + run.err()).startsWith(expected + " ");
            assertThat(run.exitCode()).isEqualTo(day.compareTo(CHANGE_DAY) < 0 ? 0 : 1);
        }
    }

    @Test
    void aScoreOutsideTheUnitIntervalIsRefusedWithItsRow() throws IOException {
        Path data = Files.writeString(dir.resolve("p.csv"), "y,score\n1,0.9\n0,1.3\n");
        CommandRun run = CommandRun.of("performance", data.toString(), "--label", "y", "--score", "score");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("veracity: error: " + data + ":3: column score: expected a score in "
                        + "[0, 1] (a probability), found 1.3");
    }

    @Test
    void anUnparsableTimeIsRefusedWithItsRow() throws IOException {
        Path data = Files.writeString(dir.resolve("p.csv"), "y,score,t\n1,0.9,2024-05-01\n0,0.3,yesterday\n");
        CommandRun run =
                CommandRun.of("performance", data.toString(), "--label", "y", "--score", "score", "--time", "t");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(data + ":3: column t: expected an ISO-8601 date-time, a date or epoch "
                        + "seconds, found yesterday");
    }

    @Test
    void aSingleClassSpanReportsAucAsNotComputable() throws IOException {
        Path data = Files.writeString(dir.resolve("p.csv"), "y,score\n1,0.9\n1,0.4\n1,0.7\n");
        Path out = dir.resolve("perf.json");
        CommandRun run =
                CommandRun.of("performance", data.toString(), "--label", "y", "--score", "score", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out))
                .contains("\"not_computable\" : \"only one class (1) among the labels\"")
                .doesNotContain("NaN");
    }

    /**
     * The bundled iris predictions (examples/iris-predictions/generate.py): scikit-learn 1.2.1's roc_auc_score(y,
     * probabilities, multi_class="ovr") is 0.9973333333333333 for both averages on them, and the one-vs-rest area of
     * each class is 1, 0.996 and 0.996 (veracity-monitoring's golden case iris_logistic_proba, the same model).
     */
    @Test
    void multiClassRocAucFromOneProbabilityColumnPerClass() throws IOException {
        Path out = dir.resolve("perf.json");
        CommandRun run = CommandRun.of(
                "performance",
                Path.of("..", "examples", "iris-predictions", "predictions.csv").toString(),
                "--label",
                "species",
                "--prediction",
                "predicted",
                "--probabilities",
                "setosa=p_setosa,versicolor=p_versicolor",
                "--probabilities",
                "virginica=p_virginica",
                "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode metrics =
                new ObjectMapper().readTree(out.toFile()).get("spans").get(0).get("metrics");
        assertThat(metrics.get("roc_auc_ovr").get("value").asDouble()).isCloseTo(0.9973333333333333, within(1e-12));
        assertThat(metrics.get("roc_auc_ovr_weighted").get("value").asDouble())
                .isCloseTo(0.9973333333333333, within(1e-12));
        assertThat(metrics.get("roc_auc[setosa]").get("value").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("roc_auc[virginica]").get("value").asDouble()).isCloseTo(0.996, within(1e-12));
        assertThat(run.out()).contains("roc_auc_ovr", "0.9973");
    }

    @Test
    void classProbabilitiesThatDoNotSumToOneOrMissALabelAreRefusedWithTheirRow() throws IOException {
        Path data = Files.writeString(dir.resolve("p.csv"), "y,yhat,pa,pb\na,a,0.7,0.3\nb,a,0.6,0.3\nc,a,0.5,0.5\n");
        String[] call = {"performance", data.toString(), "--label", "y", "--prediction", "yhat", "--probabilities"};
        CommandRun run = CommandRun.of(concat(call, "a=pa,b=pb"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("veracity: error: " + data + ":3: column pa, pb: expected class probabilities summing to 1 "
                        + "(as roc_auc_score requires), found a sum of 0.8999999999999999");
        Path fixed = Files.writeString(dir.resolve("q.csv"), "y,yhat,pa,pb\na,a,0.7,0.3\nc,a,0.5,0.5\n");
        call[1] = fixed.toString();
        run = CommandRun.of(concat(call, "a=pa,b=pb"));
        assertThat(run.err().strip())
                .isEqualTo("veracity: error: " + fixed + ":3: column y: expected one of the classes with a probability "
                        + "column [a, b], found c");
        run = CommandRun.of(concat(call, "a=pa"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--probabilities: expected a column for every class (at least 2), found 1");
        run = CommandRun.of(
                "performance", fixed.toString(), "--label", "y", "--score", "pa", "--probabilities", "a=pa,b=pb");
        assertThat(run.err()).contains("--probabilities: expected --prediction of a class, found --score");
    }

    private static String[] concat(String[] call, String last) {
        String[] all = java.util.Arrays.copyOf(call, call.length + 1);
        all[call.length] = last;
        return all;
    }

    @Test
    void regressionWithSlicesAndBootstrap() throws IOException {
        StringBuilder csv = new StringBuilder("city,y,yhat\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 2 == 0 ? "a" : "b")
                    .append(',')
                    .append(i)
                    .append(',')
                    .append(i + (i % 7) - 3)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("r.csv"), csv);
        Path out = dir.resolve("perf.json");
        CommandRun run = CommandRun.of(
                "performance",
                data.toString(),
                "--label",
                "y",
                "--prediction",
                "yhat",
                "--slice-by",
                "city",
                "--bootstrap",
                "50",
                "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"task\" : \"regression\"", "\"slice\" : \"city=a\"", "\"ci\" : [");
        assertThat(run.out()).contains("mae", "city=b");
    }
}
