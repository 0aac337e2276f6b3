package dev.veracity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB's side of {@code bench/compare}, one process per timed run: the nearest DuckDB equivalent of
 * {@code veracity stats FILE}. On an in-memory database with {@code SET threads = N}:
 * <ol>
 *   <li>{@code DESCRIBE SELECT * FROM read_csv(FILE)}: the columns and their sniffed types;</li>
 *   <li>{@code SUMMARIZE SELECT * FROM read_csv(FILE)}: count, nulls, min, max, mean, std, quartiles, approx_unique;</li>
 *   <li>{@code SELECT approx_top_k(c, 10), ... FROM read_csv(FILE)} over every VARCHAR column: the top values.</li>
 * </ol>
 * Every result is consumed in full (each cell converted to a string). Prints one line to stdout, read by the script:
 * {@code rows=... columns=... varchar=... describe_s=... summarize_s=... top_k_s=...}. A {@code .parquet} FILE is read
 * with {@code read_parquet} instead of {@code read_csv}.
 *
 * <pre>{@code
 * java -cp bench/target/classes:bench/target/lib/'*' dev.veracity.bench.DuckDbStatistics FILE THREADS
 * java -cp ... dev.veracity.bench.DuckDbStatistics --startup THREADS   # JVM + driver start-up only: SELECT 42
 * }</pre>
 */
public final class DuckDbStatistics {
    private DuckDbStatistics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DuckDbStatistics FILE THREADS | DuckDbStatistics --startup THREADS");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[1]);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            if (args[0].equals("--startup")) {
                consume(statement, "SELECT 42");
                try (ResultSet version = statement.executeQuery("SELECT version()")) {
                    version.next();
                    System.out.println("version=" + version.getString(1));
                }
                return;
            }
            Path file = Path.of(args[0]).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                System.err.println("no such file: " + file);
                System.exit(2);
            }
            boolean parquet = file.getFileName().toString().endsWith(".parquet");
            String source = (parquet ? "read_parquet(" : "read_csv(") + literal(file.toString()) + ")";

            long t0 = System.nanoTime();
            List<String> varchar = new ArrayList<>();
            int columns = 0;
            try (ResultSet describe = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (describe.next()) {
                    columns++;
                    if (describe.getString("column_type").equals("VARCHAR")) {
                        varchar.add(describe.getString("column_name"));
                    }
                }
            }
            long t1 = System.nanoTime();
            long rows = -1;
            int summaries = 0;
            try (ResultSet summary = statement.executeQuery("SUMMARIZE SELECT * FROM " + source)) {
                int width = summary.getMetaData().getColumnCount();
                while (summary.next()) {
                    summaries++;
                    for (int c = 1; c <= width; c++) {
                        summary.getString(c);
                    }
                    rows = Math.max(rows, summary.getLong("count"));
                }
            }
            if (summaries != columns) {
                throw new IllegalStateException("SUMMARIZE gave " + summaries + " rows for " + columns + " columns");
            }
            long t2 = System.nanoTime();
            if (!varchar.isEmpty()) {
                StringBuilder query = new StringBuilder("SELECT ");
                for (int i = 0; i < varchar.size(); i++) {
                    query.append(i == 0 ? "" : ", ").append("approx_top_k(").append(identifier(varchar.get(i)))
                            .append(", 10)");
                }
                consume(statement, query.append(" FROM ").append(source).toString());
            }
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT,
                    "rows=%d columns=%d varchar=%d describe_s=%.3f summarize_s=%.3f top_k_s=%.3f%n", rows, columns,
                    varchar.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        }
    }

    private static void consume(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int c = 1; c <= width; c++) {
                    result.getString(c);
                }
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
