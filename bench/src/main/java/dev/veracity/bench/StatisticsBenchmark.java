package dev.veracity.bench;

import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times Veracity's statistics of a generated CSV against DuckDB's {@code SUMMARIZE} of the same file, in one JVM,
 * and prints both medians and their ratio. Both read and parse the file each time; DuckDB uses all cores.
 *
 * <pre>{@code
 * bench/run 1000000 3
 * }</pre>
 */
public final class StatisticsBenchmark {
    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("veracity-bench");
        Path csv = dir.resolve("mixed.csv");
        generate(csv, rows);
        System.out.printf(Locale.ROOT, "input: %,d rows x 20 columns, %.1f MB; %d cores; JVM %s%n", rows,
                Files.size(csv) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        double[] veracity = new double[repetitions];
        double[] duckdb = new double[repetitions];
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            runVeracity(csv);
            runDuckDb(connection, csv);
            for (int i = 0; i < repetitions; i++) {
                veracity[i] = time(() -> runVeracity(csv));
                duckdb[i] = time(() -> runDuckDb(connection, csv));
            }
        }
        double v = median(veracity);
        double d = median(duckdb);
        System.out.printf(Locale.ROOT, "veracity stats:   median %.3f s of %s%n", v, Arrays.toString(veracity));
        System.out.printf(Locale.ROOT, "duckdb summarize: median %.3f s of %s%n", d, Arrays.toString(duckdb));
        System.out.printf(Locale.ROOT, "ratio veracity/duckdb: %.2f (below 1 = Veracity faster)%n", v / d);
        Files.delete(csv);
        Files.delete(dir);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    private static void runVeracity(Path csv) throws IOException {
        DatasetFeatureStatisticsList stats = Veracity.statistics(csv).compute().statistics();
        if (stats.getDatasets(0).getFeaturesCount() != 20) {
            throw new IllegalStateException("expected 20 features");
        }
    }

    private static void runDuckDb(Connection connection, Path csv) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SUMMARIZE SELECT * FROM read_csv('" + csv + "')")) {
            int n = 0;
            while (result.next()) {
                n++;
            }
            if (n != 20) {
                throw new IllegalStateException("expected 20 summary rows, found " + n);
            }
        }
    }

    /** 20 columns: 8 integers, 7 floats (some missing, NaN, zeros), 5 strings of low to high cardinality. */
    private static void generate(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < 8; c++) {
                header.append("int_").append(c).append(',');
            }
            for (int c = 0; c < 7; c++) {
                header.append("float_").append(c).append(',');
            }
            header.append("country,city,device,user_agent,session");
            out.write(header.toString());
            out.newLine();
            String[] countries = {"DE", "FR", "US", "PL", "ES", "IT", "NL", "BR", "JP", "IN"};
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < 8; c++) {
                    line.append(random.nextInt(c == 0 ? 2 : 1 << (c * 3))).append(',');
                }
                for (int c = 0; c < 7; c++) {
                    if (random.nextInt(20) == 0) {
                        line.append(',');
                        continue;
                    }
                    double x = c == 0 && random.nextInt(100) == 0 ? 0 : random.nextGaussian() * (c + 1) * 10;
                    line.append(String.format(Locale.ROOT, "%.4f", x)).append(',');
                }
                line.append(countries[random.nextInt(countries.length)]).append(',');
                line.append("city_").append(random.nextInt(500)).append(',');
                line.append(random.nextBoolean() ? "mobile" : "desktop").append(',');
                line.append("\"Mozilla/5.0 (build ").append(random.nextInt(5000)).append(")\"").append(',');
                line.append(Long.toHexString(random.nextLong()));
                out.write(line.toString());
                out.newLine();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
