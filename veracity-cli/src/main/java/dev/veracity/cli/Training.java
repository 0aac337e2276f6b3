package dev.veracity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of the {@code veracity} launcher's class-data-sharing archive: runs the commands of a typical
 * check (help, statistics of a CSV, show, schema inference, validation, transform fit and apply) in one JVM, output discarded, so that the
 * JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes they load. Never fails: a command that
 * fails only archives fewer classes.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=veracity.jsa -cp ... dev.veracity.cli.Training /tmp/work examples/runs/train.csv
 * }</pre>
 */
final class Training {
    /** Columns of the bundled runs file (examples/runs/train.csv), one op of each kind the benchmark runs. */
    private static final String TRANSFORM_SPEC = """
            transforms:
              - {name: distance_z, op: scale_to_z_score, input: distance_km}
              - {name: pace_01, op: scale_to_0_1, input: pace_min_per_km}
              - {name: route_id, op: compute_and_apply_vocabulary, input: route, num_oov_buckets: 1}
              - {name: climb_bucket, op: bucketize, input: elevation_gain_m, num_buckets: 4}
              - {name: runner_hash, op: hash_strings, input: runner, hash_buckets: 100}
            keep: [run_id]
            """;

    private Training() {}

    /**
     * Runs the commands.
     *
     * @param args a directory for the outputs (created if missing), then a CSV file to compute statistics of
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Training DIR FILE.csv");
            return;
        }
        Path dir = Path.of(args[0]);
        String csv = args[1];
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            return;
        }
        String stats = dir.resolve("train.pb").toString();
        // transform fit + apply to Parquet: their classes (YAML, the analyzers, parquet-java, Hadoop's
        // configuration: about 2,400 for apply) are otherwise parsed from the jars by every transform run
        Path spec = dir.resolve("spec.yaml");
        try {
            Files.writeString(spec, TRANSFORM_SPEC);
        } catch (IOException | RuntimeException e) {
            return;
        }
        String schema = dir.resolve("schema.pbtxt").toString();
        List<String[]> commands = List.of(
                new String[] {"--help"},
                new String[] {"stats", csv, "-o", stats},
                new String[] {"show", stats},
                new String[] {"infer-schema", stats, "-o", schema},
                new String[] {
                    "validate",
                    "--schema",
                    schema,
                    "--stats",
                    stats,
                    "-o",
                    dir.resolve("anomalies.json").toString()
                },
                new String[] {
                    "transform",
                    "fit",
                    "--spec",
                    spec.toString(),
                    csv,
                    "-o",
                    dir.resolve("tf").toString()
                },
                new String[] {
                    "transform",
                    "apply",
                    "--transform",
                    dir.resolve("tf").toString(),
                    csv,
                    "-o",
                    dir.resolve("t.parquet").toString()
                });
        for (String[] command : commands) {
            try {
                PrintWriter discard = new PrintWriter(Writer.nullWriter());
                Main.commandLine(command).setOut(discard).setErr(discard).execute(command);
            } catch (RuntimeException | LinkageError e) {
                // Training only: a failing command archives fewer classes.
            }
        }
    }
}
