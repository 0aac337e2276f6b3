package dev.veracity.io.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSourceTest {
    @TempDir
    Path dir;

    private String database() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("t.db");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (i INTEGER, f REAL, d DECIMAL(10,2), s TEXT, b BLOB, flag BOOLEAN)");
            for (int r = 0; r < 25; r++) {
                statement.execute("INSERT INTO t VALUES (" + r + ", " + (r == 3 ? "NULL" : r * 0.5) + ", " + r
                        + ".25, 's" + r + "', x'0102', " + (r % 2) + ")");
            }
        }
        return url;
    }

    @Test
    void streamsTheResultInBatchesWithTypesFromTheColumns() throws Exception {
        String url = database();
        long rows = 0;
        double sum = 0;
        try (JdbcSource source = JdbcSource.open(new JdbcQuery(url, "SELECT * FROM t", "", "", 7), 10)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                RecordBatch batch = b.get();
                assertThat(batch.columns())
                        .extracting(Column::type)
                        .containsExactly(
                                FeatureType.INT,
                                FeatureType.FLOAT,
                                FeatureType.FLOAT,
                                FeatureType.STRING,
                                FeatureType.STRING,
                                FeatureType.INT);
                FloatColumn f = (FloatColumn) batch.columns().get(1);
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (f.present()[r]) {
                        sum += f.values()[f.rowOffsets()[r]];
                    }
                }
                assertThat(((IntColumn) batch.columns().get(0)).values()[0]).isEqualTo(rows);
                rows += batch.rowCount();
            }
        }
        assertThat(rows).isEqualTo(25);
        assertThat(sum).isEqualTo(0.5 * (300 - 3));
    }

    @Test
    void aBadQueryNamesTheDatabaseAndTheError() throws Exception {
        String url = database();
        assertThatThrownBy(() -> JdbcSource.open(JdbcQuery.of(url, "SELECT nope FROM t"), 10))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(url + ": expected to run the query, found an error: ")
                .hasMessageContaining("nope");
    }

    @Test
    void aPasswordInTheUrlIsNotPrinted() {
        assertThat(JdbcQuery.of("jdbc:postgresql://h/db?user=a&password=secret&x=1", "SELECT 1")
                        .safeUrl())
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&x=1");
        assertThatThrownBy(() -> JdbcQuery.of("postgres://h", "SELECT 1")).isInstanceOf(ConfigException.class);
    }
}
