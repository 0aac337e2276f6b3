package dev.veracity.io.jdbc;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.RowBatchBuilder;
import dev.veracity.io.jdbc.SqlTypes.SqlKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;

/**
 * Streams the result of a query as record batches: a forward-only, read-only cursor with the query's fetch size, in
 * a transaction with autocommit off (PostgreSQL's driver streams with a cursor only then), so the result is never
 * held in memory whole. Column labels are feature names; SQL NULL is missing; types: {@link SqlTypes}.
 *
 * <pre>{@code
 * try (BatchSource source = JdbcSource.open(JdbcQuery.of("jdbc:sqlite:train.db", "SELECT * FROM runs"), 4096)) { ... }
 * }</pre>
 */
public final class JdbcSource implements BatchSource {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final String where;
    private final String[] names;
    private final SqlKind[] kinds;
    private final int batchSize;
    private final RowBatchBuilder batch = new RowBatchBuilder();
    private long row;
    private boolean ended;
    private boolean returnedBatch;

    private JdbcSource(Connection connection, Statement statement, ResultSet rows, String where, int batchSize)
            throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.where = where;
        this.batchSize = batchSize;
        ResultSetMetaData meta = rows.getMetaData();
        names = new String[meta.getColumnCount()];
        kinds = new SqlKind[names.length];
        for (int c = 0; c < names.length; c++) {
            names[c] = meta.getColumnLabel(c + 1);
            kinds[c] = SqlTypes.kindOf(meta.getColumnType(c + 1));
            batch.declare(names[c], kinds[c].featureType());
        }
    }

    /**
     * Connects and runs the query.
     *
     * @throws InputException JDBC_FAILED (naming the URL without its password, and the database's message) if the
     *                        connection or the query fails
     */
    public static JdbcSource open(JdbcQuery query, int batchSize) {
        String where = query.safeUrl();
        Connection connection = null;
        try {
            Properties properties = new Properties();
            if (!query.user().isEmpty()) {
                properties.setProperty("user", query.user());
            }
            if (!query.password().isEmpty()) {
                properties.setProperty("password", query.password());
            }
            connection = DriverManager.getConnection(query.url(), properties);
            connection.setAutoCommit(false);
            Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(query.fetchSize());
            ResultSet rows = statement.executeQuery(query.sql());
            return new JdbcSource(connection, statement, rows, where + " (" + query.sql() + ")", batchSize);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new InputException(
                    ErrorCode.JDBC_FAILED, where + ": expected to run the query, found an error: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<RecordBatch> next() {
        try {
            while (!ended && batch.rowCount() < batchSize) {
                if (!rows.next()) {
                    ended = true;
                    break;
                }
                row++;
                for (int c = 0; c < names.length; c++) {
                    append(c, batch.column(names[c], kinds[c].featureType()));
                }
                batch.endRow();
            }
        } catch (SQLException e) {
            throw new InputException(
                    ErrorCode.JDBC_FAILED,
                    where + ": row " + (row) + ": expected to read it, found " + "an error: " + e.getMessage(),
                    e);
        }
        if (batch.rowCount() == 0 && returnedBatch) {
            return Optional.empty();
        }
        returnedBatch = true;
        return Optional.of(batch.build());
    }

    private void append(int c, ColumnBuilder column) throws SQLException {
        int index = c + 1;
        switch (kinds[c]) {
            case INTEGER -> {
                long value = rows.getLong(index);
                appendOrMissing(column, () -> column.appendInt(value));
            }
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                appendOrMissing(column, () -> column.appendInt(value ? 1 : 0));
            }
            case DOUBLE -> {
                double value = rows.getDouble(index);
                appendOrMissing(column, () -> column.appendFloat(value));
            }
            case DECIMAL -> {
                BigDecimal value = rows.getBigDecimal(index);
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.appendFloat(value.doubleValue());
                }
            }
            case DATE -> {
                Object value = rows.getObject(index);
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.appendInt(epochDay(value));
                }
            }
            case TIMESTAMP -> {
                Object value = rows.getObject(index);
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.appendInt(epochMicros(value));
                }
            }
            case BYTES -> {
                byte[] value = rows.getBytes(index);
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.appendString(value, 0, value.length);
                }
            }
            case TEXT -> {
                String value = rows.getString(index);
                if (value == null) {
                    column.appendMissing();
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    column.appendString(bytes, 0, bytes.length);
                }
            }
        }
    }

    private interface Append {
        void run();
    }

    private void appendOrMissing(ColumnBuilder column, Append append) throws SQLException {
        if (rows.wasNull()) {
            column.appendMissing();
        } else {
            append.run();
        }
    }

    private static long epochDay(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toEpochDay();
        }
        if (value instanceof LocalDate date) {
            return date.toEpochDay();
        }
        return LocalDate.parse(value.toString().substring(0, 10)).toEpochDay();
    }

    private static long epochMicros(Object value) {
        if (value instanceof Timestamp timestamp) {
            return ChronoUnit.MICROS.between(
                    java.time.Instant.EPOCH, timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime time) {
            return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, time.toInstant());
        }
        if (value instanceof java.time.LocalDateTime time) {
            return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, time.toInstant(ZoneOffset.UTC));
        }
        return ChronoUnit.MICROS.between(
                java.time.Instant.EPOCH,
                java.time.LocalDateTime.parse(value.toString().replace(' ', 'T'))
                        .toInstant(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
            connection.rollback();
        } catch (SQLException e) {
            // Closing after reading: nothing to recover, the connection is closed below.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing or done: the first error is the one to report.
        }
    }
}
