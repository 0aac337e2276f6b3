package dev.veracity.io.jdbc;

import dev.veracity.ConfigException;
import java.util.Objects;

/**
 * A query to describe: where the database is, what to select, and how many rows to fetch per round trip.
 *
 * <pre>{@code
 * JdbcQuery query = new JdbcQuery("jdbc:postgresql://db/ml", "SELECT * FROM trips", "reader", password, 10_000);
 * }</pre>
 *
 * @param url       the JDBC URL ({@code jdbc:sqlite:train.db}, {@code jdbc:postgresql://host/db})
 * @param sql       a SELECT statement
 * @param user      the user name; empty for none (or when the URL carries it)
 * @param password  the password; empty for none
 * @param fetchSize rows fetched per round trip (the driver streams with a cursor instead of loading the result)
 */
public record JdbcQuery(String url, String sql, String user, String password, int fetchSize) {
    /** Rows per round trip unless set. */
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    public JdbcQuery {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(sql, "sql is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
        if (!url.startsWith("jdbc:")) {
            throw new ConfigException("expected a JDBC URL starting with jdbc:, found '" + url + "'");
        }
        if (sql.isBlank()) {
            throw new ConfigException("--query: expected a SELECT statement, found nothing");
        }
        if (fetchSize < 1) {
            throw new ConfigException("--fetch-size: expected at least 1, found " + fetchSize);
        }
    }

    /** {@return a query of the URL with no user, no password and the default fetch size} */
    public static JdbcQuery of(String url, String sql) {
        return new JdbcQuery(url, sql, "", "", DEFAULT_FETCH_SIZE);
    }

    /** {@return the URL without a password parameter, for messages} */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
