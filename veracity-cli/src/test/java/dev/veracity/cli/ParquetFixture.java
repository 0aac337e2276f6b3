package dev.veracity.cli;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes a Parquet copy of a CSV or JSON Lines file (single-valued columns), for tests of commands reading Parquet. */
final class ParquetFixture {
    private ParquetFixture() {}

    /**
     * {@return {@code target}, holding the rows of {@code source} with its inferred types (INT as int64, FLOAT as
     * double, STRING as UTF-8 binary), or every column as a string when {@code asText}}
     */
    static Path copy(Path source, Path target, boolean asText) throws IOException {
        try (Table table = Table.open(source, TableOptions.DEFAULT.withCsvAsText(asText))) {
            StringBuilder schema = new StringBuilder("message m {");
            for (int c = 0; c < table.names().size(); c++) {
                schema.append(
                                switch (table.types().get(c)) {
                                    case INT -> " optional int64 ";
                                    case FLOAT -> " optional double ";
                                    case STRING -> " optional binary ";
                                })
                        .append(table.names().get(c))
                        .append(table.types().get(c) == FeatureType.STRING ? " (STRING);" : ";");
            }
            MessageType type =
                    MessageTypeParser.parseMessageType(schema.append(" }").toString());
            SimpleGroupFactory groups = new SimpleGroupFactory(type);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(target))
                    .withType(type)
                    .build()) {
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    for (int r = 0; r < b.get().rowCount(); r++) {
                        Group group = groups.newGroup();
                        for (Column column : b.get().columns()) {
                            if (ValueText.count(column, r) == 0) {
                                continue;
                            }
                            int i = column.rowOffsets()[r];
                            if (column instanceof IntColumn ints) {
                                group.append(column.name(), ints.values()[i]);
                            } else if (column instanceof FloatColumn floats) {
                                group.append(column.name(), floats.values()[i]);
                            } else {
                                group.append(column.name(), ValueText.of(column, i));
                            }
                        }
                        writer.write(group);
                    }
                }
            }
        }
        return target;
    }
}
