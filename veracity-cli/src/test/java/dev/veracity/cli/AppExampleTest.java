package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled running-app week ({@code examples/app}) tells its story through today's commands: the faulty day
 * 2026-12-02 (a new route, distances in miles, serving without weather), the snow of 2026-12-06, the slow cooling and
 * the concept change from 2026-12-04 are each found on their day, and the clean days raise nothing.
 */
class AppExampleTest {
    private static final Path APP = Path.of("..", "examples", "app");
    private static final Path SCHEMA = APP.resolve("schema").resolve("schema.pbtxt");
    private static final Path CHECKS = APP.resolve("checks.yaml");
    private static final List<String> DAYS =
            List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06");
    private static final String FAULTY = "2026-12-02";
    private static final String SNOW = "2026-12-06";
    private static final String CONCEPT = "2026-12-04";

    @TempDir
    Path dir;

    @Test
    void validateFlagsTheFaultyDayAndTheSnowAndNothingElse() throws IOException {
        Map<String, Path> stats = statistics("suggestions");
        for (int i = 0; i < DAYS.size(); i++) {
            String day = DAYS.get(i);
            List<String> args = new ArrayList<>(List.of(
                    "validate",
                    "--stats",
                    stats.get(day).toString(),
                    "--schema",
                    SCHEMA.toString(),
                    "--checks",
                    CHECKS.toString(),
                    "--environment",
                    "PREDICTIONS"));
            if (i > 0) {
                args.addAll(List.of("--previous", stats.get(DAYS.get(i - 1)).toString()));
            }
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            String what = day + "\n" + run.out() + run.err();
            switch (day) {
                case FAULTY -> {
                    assertThat(run.exitCode()).as(what).isEqualTo(1);
                    assertThat(reasons(run.out()))
                            .as(what)
                            .containsExactly(
                                    "distance_km CUSTOM_VALIDATION", "route ENUM_TYPE_UNEXPECTED_STRING_VALUES");
                    assertThat(run.out()).contains("Harbour Bridge Loop");
                }
                case SNOW -> {
                    assertThat(run.exitCode()).as(what).isEqualTo(1);
                    assertThat(reasons(run.out())).as(what).containsExactly("weather COMPARATOR_L_INFTY_HIGH");
                    assertThat(run.out()).contains("The feature value with maximum difference is: snow");
                }
                default -> {
                    assertThat(run.exitCode()).as(what).isZero();
                    assertThat(run.out()).as(what).startsWith("No anomalies");
                }
            }
        }
    }

    @Test
    void theServingLogLacksWeatherOnTheFaultyDayOnly() throws IOException {
        Map<String, Path> stats = statistics("serving");
        for (String day : DAYS) {
            CommandRun run = CommandRun.of(
                    "validate",
                    "--stats",
                    stats.get(day).toString(),
                    "--schema",
                    SCHEMA.toString(),
                    "--environment",
                    "SERVING");
            String what = day + "\n" + run.out() + run.err();
            if (day.equals(FAULTY)) {
                assertThat(run.exitCode()).as(what).isEqualTo(1);
                assertThat(reasons(run.out()))
                        .as(what)
                        .containsExactly("route ENUM_TYPE_UNEXPECTED_STRING_VALUES", "weather SCHEMA_MISSING_COLUMN");
            } else {
                assertThat(run.exitCode()).as(what).isZero();
            }
        }
    }

    @Test
    void skewByKeyFindsTheMilesOnTheFaultyDayOnly() {
        for (String day : DAYS) {
            CommandRun run = CommandRun.of(
                    "skew",
                    "--training",
                    APP.resolve("suggestions").resolve(day + ".csv").toString(),
                    "--serving",
                    APP.resolve("serving").resolve(day + ".csv").toString(),
                    "--key",
                    "suggestion_id",
                    "--ignore",
                    "suggested_at",
                    "--ignore",
                    "runner",
                    "--ignore",
                    "runner_email",
                    "--ignore",
                    "runner_name",
                    "--ignore",
                    "p_complete",
                    "--ignore",
                    "prediction");
            String what = day + "\n" + run.out() + run.err();
            if (day.equals(FAULTY)) {
                assertThat(run.exitCode()).as(what).isEqualTo(1);
                assertThat(skewed(run.out())).as(what).containsExactly("distance_km", "weather");
            } else {
                assertThat(run.exitCode()).as(what).isZero();
                assertThat(skewed(run.out())).as(what).isEmpty();
            }
        }
    }

    @Test
    void validateExamplesQuarantinesTheNewRouteOnTheFaultyDayOnly() throws IOException {
        for (String day : DAYS) {
            Path quarantine = dir.resolve("q-" + day);
            CommandRun run = CommandRun.of(
                    "validate-examples",
                    APP.resolve("suggestions").resolve(day + ".csv").toString(),
                    "--schema",
                    SCHEMA.toString(),
                    "--checks",
                    CHECKS.toString(),
                    "--environment",
                    "PREDICTIONS",
                    "-o",
                    dir.resolve("anomalous-" + day + ".pbtxt").toString(),
                    "--quarantine",
                    quarantine.toString());
            String what = day + "\n" + run.out() + run.err();
            List<String> quarantined = Files.readAllLines(quarantine.resolve("quarantine.csv"));
            if (day.equals(FAULTY)) {
                assertThat(run.exitCode()).as(what).isEqualTo(1);
                assertThat(run.out()).as(what).contains("route    ENUM_TYPE_UNEXPECTED_STRING_VALUES");
                long newRoute = Files.readAllLines(APP.resolve("suggestions").resolve(day + ".csv")).stream()
                        .filter(l -> l.contains(",Harbour Bridge Loop,"))
                        .count();
                assertThat(newRoute).isPositive();
                assertThat(quarantined).hasSize((int) newRoute + 1);
                assertThat(quarantined.subList(1, quarantined.size()))
                        .allSatisfy(l -> assertThat(l).contains(",Harbour Bridge Loop,"));
            } else {
                assertThat(run.exitCode()).as(what).isZero();
                assertThat(quarantined).hasSize(1);
            }
        }
    }

    @Test
    void driftFindsTheFaultTheSnowAndTheSlowCoolingOnTheirDays() throws IOException {
        Map<String, Path> stats = statistics("suggestions");
        List<String> args = new ArrayList<>(List.of("drift", "--baseline", "first", "--schema", SCHEMA.toString()));
        DAYS.forEach(d -> args.add(stats.get(d).toString()));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Map<String, Map<String, String>> alarms = driftAlarms(run.out());
        assertThat(alarms.get("distance_km").get("first")).as(run.out()).isEqualTo(FAULTY);
        assertThat(alarms.get("route").get("first")).as(run.out()).isEqualTo(FAULTY);
        assertThat(alarms.get("weather").get("first")).as(run.out()).isEqualTo(SNOW);
        assertThat(alarms.get("weather").get("previous")).as(run.out()).isEqualTo(SNOW);
        assertThat(alarms.get("temperature_c").get("first"))
                .as(run.out())
                .isEqualTo("2026-12-04,2026-12-05,2026-12-06");
        assertThat(alarms.get("surface")).as(run.out()).isEmpty();
    }

    @Test
    void performanceAndShiftFindTheConceptChangeOnItsDay() throws IOException {
        Path labeled = dir.resolve("labeled.csv");
        CommandRun join = CommandRun.of(
                "label",
                "join",
                "--predictions",
                APP.resolve("suggestions").resolve("*.csv").toString(),
                "--outcomes",
                APP.resolve("outcomes").resolve("*.csv").toString(),
                "--key",
                "suggestion_id",
                "--prediction-time",
                "suggested_at",
                "--outcome-time",
                "outcome_at",
                "--outcome-label",
                "completed",
                "--window",
                "24h",
                "-o",
                labeled.toString());
        assertThat(join.exitCode()).as(join.err()).isZero();
        CommandRun performance = CommandRun.of(
                "performance",
                labeled.toString(),
                "--label",
                "label",
                "--score",
                "p_complete",
                "--time",
                "suggested_at",
                "--span",
                "day",
                "--max-drop",
                "0.1",
                "-o",
                dir.resolve("perf.json").toString());
        assertThat(performance.exitCode()).as(performance.err()).isEqualTo(1);
        List<String> alarms =
                performance.out().lines().filter(l -> l.startsWith("ALARM")).toList();
        assertThat(alarms).as(performance.out()).isNotEmpty();
        assertThat(alarms).allSatisfy(a -> assertThat(a.substring(6, 16)).isGreaterThanOrEqualTo(CONCEPT));
        assertThat(alarms).anySatisfy(a -> assertThat(a).startsWith("ALARM " + CONCEPT + " all drop: accuracy"));

        Map<String, Path> days = labeledDays(labeled);
        for (int i = 1; i < DAYS.size(); i++) {
            String day = DAYS.get(i);
            if (day.equals(FAULTY) || DAYS.get(i - 1).equals(FAULTY)) {
                continue; // the miles move distance_km's marginal: covariate, not the story told here
            }
            CommandRun shift = CommandRun.of(
                    "shift",
                    "--baseline",
                    days.get(DAYS.get(i - 1)).toString(),
                    "--current",
                    days.get(day).toString(),
                    "--label",
                    "label",
                    "--features",
                    "route,surface,distance_km,elevation_gain_m");
            String expected = day.equals(CONCEPT) ? "verdict: concept" : "verdict: none";
            assertThat(shift.out()).as(day + "\n" + shift.out() + shift.err()).startsWith(expected + " ");
        }
    }

    /** Statistics of every day of one log, computed by {@code veracity stats}. */
    private Map<String, Path> statistics(String log) throws IOException {
        Files.createDirectories(dir.resolve(log));
        Map<String, Path> out = new LinkedHashMap<>();
        for (String day : DAYS) {
            Path pb = dir.resolve(log).resolve(day + ".pb");
            CommandRun run = CommandRun.of(
                    "stats", APP.resolve(log).resolve(day + ".csv").toString(), "-o", pb.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            out.put(day, pb);
        }
        return out;
    }

    /** "feature REASON" of every anomaly in validate's table, sorted. */
    private static List<String> reasons(String out) {
        Set<String> reasons = new TreeSet<>();
        String feature = null;
        for (String line : out.lines().toList()) {
            if (line.matches("\\S+\\s+(ERROR|WARNING)")) {
                feature = line.split("\\s+")[0];
            } else if (feature != null && line.matches("  [A-Z_]+: .*")) {
                reasons.add(
                        feature + " " + line.strip().substring(0, line.strip().indexOf(':')));
            }
        }
        return List.copyOf(reasons);
    }

    /** Features of skew's table with a mismatch or a value on one side only. */
    private static List<String> skewed(String out) {
        List<String> features = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 8 && cells[7].endsWith("%") && !cells[0].equals("feature")) {
                boolean differs = !cells[4].equals("0") || !cells[5].equals("0") || !cells[6].equals("0");
                if (differs) {
                    features.add(cells[0]);
                }
            }
        }
        features.sort(null);
        return features;
    }

    /** Per feature, the days (comma separated) that alarm "previous" and "first" in drift's table. */
    private static Map<String, Map<String, String>> driftAlarms(String out) {
        Map<String, Map<String, List<String>>> days = new LinkedHashMap<>();
        String feature = null;
        for (String line : out.lines().toList()) {
            List<String> cells = new ArrayList<>(List.of(line.trim().split("\\s+")));
            int span = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).matches("\\d{4}-\\d{2}-\\d{2}\\.pb")) {
                    span = i;
                }
            }
            if (span < 0) {
                continue;
            }
            if (!line.startsWith(" ")) {
                feature = cells.get(0);
            }
            String day = cells.get(span).substring(0, 10);
            List<String> rest = cells.subList(span + 1, cells.size());
            Map<String, List<String>> byBaseline = days.computeIfAbsent(
                    feature,
                    f -> new LinkedHashMap<>(Map.of("previous", new ArrayList<>(), "first", new ArrayList<>())));
            int column = 0;
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).equals("ALARM")) {
                    byBaseline.get(column == 1 ? "previous" : "first").add(day);
                } else {
                    column++;
                }
            }
        }
        Map<String, Map<String, String>> joined = new LinkedHashMap<>();
        days.forEach((f, m) -> {
            Map<String, String> j = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    j.put(k, String.join(",", v));
                }
            });
            joined.put(f, j);
        });
        return joined;
    }

    /** The labeled rows of each day (by suggestion id), matched outcomes only. */
    private Map<String, Path> labeledDays(Path labeled) throws IOException {
        List<String> lines = Files.readAllLines(labeled);
        Map<String, Path> out = new LinkedHashMap<>();
        for (String day : DAYS) {
            String prefix = "s" + day.replace("-", "") + "-";
            List<String> rows = new ArrayList<>(List.of(lines.get(0)));
            lines.stream()
                    .filter(l -> l.startsWith(prefix) && l.contains(",matched,"))
                    .forEach(rows::add);
            out.put(day, Files.write(dir.resolve("labeled-" + day + ".csv"), rows));
        }
        return out;
    }
}
