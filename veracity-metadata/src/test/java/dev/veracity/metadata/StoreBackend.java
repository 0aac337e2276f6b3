package dev.veracity.metadata;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the metadata tests run on: a SQLite file, and PostgreSQL when VERACITY_TEST_PG_URL (and _USER,
 * _PASSWORD) name a server. Each PostgreSQL store lives in its own fresh schema, dropped by {@link #close()}, so
 * concurrent test runs on one server do not meet. Without the variables a PostgreSQL test is skipped, unless
 * VERACITY_CI=1, where it fails: CI must not pass by skipping.
 */
public enum StoreBackend {
    SQLITE,
    POSTGRESQL;

    /** {@return the backends, for {@code @MethodSource}} */
    public static Stream<StoreBackend> all() {
        return Stream.of(values());
    }

    /** {@return a fresh, empty store location on this backend; call {@link Lease#close()} to drop it} */
    public Lease lease(Path temporary) throws SQLException {
        if (this == SQLITE) {
            return new Lease(
                    MetadataConfig.sqlite(temporary.resolve("metadata-" + UUID.randomUUID() + ".sqlite")), () -> {});
        }
        String url = System.getenv("VERACITY_TEST_PG_URL");
        String user = System.getenv().getOrDefault("VERACITY_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("VERACITY_TEST_PG_PASSWORD", "");
        if (url == null || url.isBlank()) {
            if ("1".equals(System.getenv("VERACITY_CI"))) {
                fail("VERACITY_CI=1 but VERACITY_TEST_PG_URL is not set: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("PostgreSQL tests skipped: set VERACITY_TEST_PG_URL, VERACITY_TEST_PG_USER and "
                    + "VERACITY_TEST_PG_PASSWORD to run them");
        }
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Lease(new MetadataConfig(scoped, user, password), () -> {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    /** Something to undo. */
    public interface Cleanup {
        void run() throws SQLException;
    }

    /** A store location and how to drop it. */
    public record Lease(MetadataConfig config, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            cleanup.run();
        }
    }
}
