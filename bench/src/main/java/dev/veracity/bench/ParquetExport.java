package dev.veracity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes the benchmark table as Parquet with DuckDB: {@code COPY (SELECT * FROM read_csv(CSV)) TO PARQUET}, DuckDB's
 * defaults (snappy pages, row groups of 122,880 rows), so the file is what a data engineer would hand over.
 *
 * <pre>{@code
 * java -cp bench/target/classes:bench/target/lib/'*' dev.veracity.bench.ParquetExport table.csv table.parquet
 * }</pre>
 */
public final class ParquetExport {
    private ParquetExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ParquetExport CSV PARQUET");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path parquet = Path.of(args[1]).toAbsolutePath();
        Path partial = parquet.resolveSibling(parquet.getFileName() + ".partial");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv.toString().replace("'", "''") + "')) TO '"
                    + partial.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        Files.move(partial, parquet, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
