package dev.veracity.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.TextFormat;
import dev.veracity.io.Veracity;
import dev.veracity.io.jdbc.JdbcQuery;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration test against the PostgreSQL server that {@code .ci/run} starts: skipped without
 * {@code VERACITY_TEST_PG_URL}, failed without it when {@code VERACITY_CI=1}. Works in its own schema, dropped after.
 */
class PostgresStatisticsTest {
    @TempDir
    Path dir;

    @Test
    void aPostgresTableGivesTheStatisticsOfTheSameCsv() throws Exception {
        String url = System.getenv("VERACITY_TEST_PG_URL");
        if (url == null || url.isEmpty()) {
            if ("1".equals(System.getenv("VERACITY_CI"))) {
                fail("VERACITY_CI=1 but VERACITY_TEST_PG_URL is not set: .ci/run must start PostgreSQL");
            }
            assumeTrue(false, "PostgreSQL not configured (set VERACITY_TEST_PG_URL, _USER, _PASSWORD)");
        }
        String user = System.getenv().getOrDefault("VERACITY_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_TEST_PG_PASSWORD", "");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        SmallDataset data = SmallDataset.generate(7, 140);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            try {
                data.table(connection, schema + ".rows", "DOUBLE PRECISION");
                String separator = url.contains("?") ? "&" : "?";
                // A fetch size far below the row count: the result is read through a cursor, 16 rows at a time.
                JdbcQuery query = new JdbcQuery(
                        url + separator + "currentSchema=" + schema,
                        "SELECT id, amount, country FROM rows",
                        user,
                        password,
                        16);
                DatasetFeatureStatisticsList fromTable =
                        Veracity.statistics(query).compute().statistics();
                DatasetFeatureStatisticsList fromCsv = Veracity.statistics(data.csv(dir.resolve("d.csv")))
                        .compute()
                        .statistics();
                assertThat(TextFormat.printer().printToString(fromTable))
                        .isEqualTo(TextFormat.printer().printToString(fromCsv));
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
