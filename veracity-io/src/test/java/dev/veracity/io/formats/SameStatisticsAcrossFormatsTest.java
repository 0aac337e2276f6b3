package dev.veracity.io.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.io.Veracity;
import dev.veracity.io.jdbc.JdbcQuery;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same rows as CSV, JSON Lines, Parquet, Avro, TFRecord and a SQLite table give the same statistics. */
class SameStatisticsAcrossFormatsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyFormatGivesTheSameStatistics(long seed) throws Exception {
        // Under the KLL sketch's k rows, so that no sketch compacts (compaction is random) and every field is exact.
        SmallDataset data = SmallDataset.generate(seed, 100 + (int) seed * 13);
        Map<String, DatasetFeatureStatisticsList> byFormat = new LinkedHashMap<>();
        byFormat.put(
                "csv",
                Veracity.statistics(data.csv(dir.resolve("d.csv"))).compute().statistics());
        byFormat.put(
                "jsonl",
                Veracity.statistics(data.jsonLines(dir.resolve("d.jsonl")))
                        .compute()
                        .statistics());
        byFormat.put(
                "parquet",
                Veracity.statistics(data.parquet(dir.resolve("d.parquet")))
                        .compute()
                        .statistics());
        byFormat.put(
                "avro",
                Veracity.statistics(data.avro(dir.resolve("d.avro"))).compute().statistics());
        byFormat.put(
                "tfrecord",
                Veracity.statistics(data.tfRecord(dir.resolve("d.tfrecord")))
                        .compute()
                        .statistics());
        String url = "jdbc:sqlite:" + dir.resolve("d.db");
        try (Connection connection = DriverManager.getConnection(url)) {
            data.table(connection, "rows", "REAL");
        }
        byFormat.put(
                "sqlite",
                Veracity.statistics(JdbcQuery.of(url, "SELECT id, amount, country FROM rows"))
                        .compute()
                        .statistics());

        DatasetFeatureStatisticsList csv = byFormat.get("csv");
        assertThat(csv.getDatasets(0).getNumExamples()).isEqualTo(data.rows());
        assertThat(csv.getDatasets(0).getFeaturesCount()).isEqualTo(3);
        // Compared as text, so that a failure shows the differing fields.
        String expected = TextFormat.printer().printToString(csv);
        byFormat.forEach((format, statistics) -> assertThat(TextFormat.printer().printToString(statistics))
                .as(format)
                .isEqualTo(expected));
    }
}
