package dev.veracity.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * DuckDB's side of {@code bench/transform/run}: the columns of {@code bench/transform/spec.yaml} computed in SQL on
 * an in-memory database and written as Parquet, one process per timed run. Analysis: {@code avg} and
 * {@code stddev_pop} of price, {@code min}/{@code max} of revenue, {@code quantile_disc} of age at 1/4, 1/2, 3/4, a
 * vocabulary of category ({@code row_number() OVER (ORDER BY count(*) DESC, category DESC)}); apply: a join with the
 * vocabulary, bucket = number of boundaries at most the value, {@code hash(city) % 1000} (DuckDB's hash, not
 * FarmHash: the cost is comparable, the buckets are not).
 *
 * <pre>{@code
 * java -cp bench/target/classes:bench/target/lib/'*' dev.veracity.bench.DuckDbTransform FILE OUT.parquet THREADS
 * }</pre>
 */
public final class DuckDbTransform {
    private DuckDbTransform() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DuckDbTransform FILE OUT.parquet THREADS");
            System.exit(2);
        }
        String in = Path.of(args[0]).toAbsolutePath().toString().replace("'", "''");
        String out = Path.of(args[1]).toAbsolutePath().toString().replace("'", "''");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + Integer.parseInt(args[2]));
            statement.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + in + "')");
            statement.execute("CREATE TABLE s AS SELECT avg(price) AS m, stddev_pop(price) AS sd, min(revenue) AS rmin,"
                    + " max(revenue) AS rmax, quantile_disc(age, [0.25, 0.5, 0.75]) AS q FROM t");
            statement.execute("CREATE TABLE v AS SELECT category, row_number() OVER (ORDER BY count(*) DESC, "
                    + "category DESC) - 1 AS idx FROM t WHERE category IS NOT NULL GROUP BY category");
            statement.execute("COPY (SELECT CASE WHEN s.sd > 0 THEN (price - s.m) / s.sd ELSE price - s.m END AS price_z,"
                    + " (revenue - s.rmin) / (s.rmax - s.rmin) AS revenue_01,"
                    + " CASE WHEN t.category IS NULL THEN NULL ELSE coalesce(v.idx, 30) END AS category_id,"
                    + " CASE WHEN age IS NULL THEN NULL ELSE len(list_filter(s.q, b -> b <= age)) END AS age_bucket,"
                    + " hash(city) % 1000 AS city_hash, event_id"
                    + " FROM t CROSS JOIN s LEFT JOIN v ON t.category = v.category)"
                    + " TO '" + out + "' (FORMAT parquet)");
        }
        System.out.println("ok");
    }
}
