package dev.veracity.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The few places where SQLite and PostgreSQL differ: the generated id column, where the store is, connection setup. */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY");

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final String idColumn;

    Dialect(String idColumn) {
        this.idColumn = idColumn;
    }

    /** {@return the DDL with the {@code ID} placeholder replaced by this dialect's generated id column} */
    String ddl(String statement) {
        return statement.replace(" ID,", " " + idColumn + ",");
    }

    /**
     * {@return the store's location for messages and for tying a pipeline root to it: a SQLite file's path made
     * absolute (its directory created), else the URL without a password}
     */
    String locate(MetadataConfig config) throws IOException {
        return switch (this) {
            case SQLITE -> {
                Path file = Path.of(config.url().substring(SQLITE_PREFIX.length()))
                        .toAbsolutePath()
                        .normalize();
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                yield SQLITE_PREFIX + file;
            }
            case POSTGRESQL -> config.toString();
        };
    }

    /** Sets up a new connection: SQLite enforces foreign keys and waits for another writer's lock. */
    void configure(Connection connection) throws SQLException {
        switch (this) {
            case SQLITE -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA foreign_keys = ON");
                    statement.execute("PRAGMA busy_timeout = 30000");
                }
            }
            case POSTGRESQL -> {
                // Its defaults suit the store.
            }
        }
    }
}
