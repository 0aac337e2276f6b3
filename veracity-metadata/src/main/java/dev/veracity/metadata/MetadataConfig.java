package dev.veracity.metadata;

import dev.veracity.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a metadata store lives: a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB}) with
 * optional credentials.
 *
 * <pre>{@code
 * MetadataConfig local = MetadataConfig.parse("out/pipeline/metadata.sqlite");
 * MetadataConfig team = new MetadataConfig("jdbc:postgresql://db/ml", "veracity", System.getenv("PGPASSWORD"));
 * }</pre>
 *
 * @param url      the JDBC URL
 * @param user     the user name, "" for none
 * @param password the password, "" for none
 */
public record MetadataConfig(String url, String user, String password) {
    public MetadataConfig {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
    }

    /** {@return a SQLite store in this file (created on first use)} */
    public static MetadataConfig sqlite(Path file) {
        return new MetadataConfig("jdbc:sqlite:" + file, "", "");
    }

    /** {@return the store a JDBC URL or, for anything else, a SQLite file path names} */
    public static MetadataConfig parse(String location) {
        Objects.requireNonNull(location, "location is null");
        if (location.isBlank()) {
            throw new ConfigException("metadata store: expected a SQLite file or a JDBC URL, found an empty string");
        }
        if (location.startsWith("jdbc:")) {
            return new MetadataConfig(location, "", "");
        }
        try {
            return sqlite(Path.of(location));
        } catch (InvalidPathException e) {
            throw new ConfigException("metadata store: expected a SQLite file or a JDBC URL, found a path with "
                    + e.getReason().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@return this location with credentials} */
    public MetadataConfig withCredentials(String newUser, String newPassword) {
        return new MetadataConfig(url, newUser, newPassword);
    }

    /** {@return the SQL dialect of the URL} @throws ConfigException if the database is neither SQLite nor PostgreSQL */
    Dialect dialect() {
        if (url.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new ConfigException("metadata store " + url + ": expected a jdbc:sqlite: or jdbc:postgresql: URL");
    }

    /** {@return the URL without a password that might be in it, for messages} */
    @Override
    public String toString() {
        return url.replaceAll("password=[^&;]*", "password=***");
    }
}
