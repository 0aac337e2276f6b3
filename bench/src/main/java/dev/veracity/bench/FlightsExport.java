package dev.veracity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a flights-like Parquet file of ROWS rows and 3 columns with DuckDB, the shape of a real on-time flights
 * extract: {@code origin} and {@code dest} (VARCHAR, 3-letter codes of 350 airports, dictionary-encoded pages) and
 * {@code dep_delay} (INTEGER minutes, about 2 % null). Deterministic (DuckDB's {@code hash} of the row number), DuckDB's
 * defaults (snappy pages, row groups of 122,880 rows).
 *
 * <pre>{@code
 * java -cp bench/target/classes:bench/target/lib/'*' dev.veracity.bench.FlightsExport 3000000 flights.parquet
 * }</pre>
 */
public final class FlightsExport {
    private FlightsExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FlightsExport ROWS PARQUET");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        Path parquet = Path.of(args[1]).toAbsolutePath();
        Path partial = parquet.resolveSibling(parquet.getFileName() + ".partial");
        String airport = "chr((65 + %1$s %% 350 %% 26)::INTEGER) || chr((65 + %1$s %% 350 // 26)::INTEGER)"
                + " || chr((65 + %1$s %% 350 * 7 %% 26)::INTEGER)";
        String query = "SELECT " + airport.formatted("hash(i)") + " AS origin, "
                + airport.formatted("hash(i + 1000000007)") + " AS dest, "
                + "CASE WHEN hash(i * 3 + 1) % 50 = 0 THEN NULL "
                + "ELSE (hash(i * 7 + 2) % 240)::INTEGER - 30 END AS dep_delay FROM range(" + rows + ") t(i)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO '" + partial.toString().replace("'", "''")
                    + "' (FORMAT parquet)");
        }
        Files.move(partial, parquet, StandardCopyOption.REPLACE_EXISTING);
    }
}
