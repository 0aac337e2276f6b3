package dev.veracity.io.formats;

import com.google.protobuf.ByteString;
import dev.veracity.io.tfrecord.TfRecordWriter;
import dev.veracity.io.tfrecord.proto.BytesList;
import dev.veracity.io.tfrecord.proto.Example;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.io.tfrecord.proto.Features;
import dev.veracity.io.tfrecord.proto.FloatList;
import dev.veracity.io.tfrecord.proto.Int64List;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A small seeded dataset (id INT always present; amount FLOAT, exact in float32, sometimes missing; country STRING,
 * sometimes missing) written independently in every format Veracity reads, for tests that compare readers.
 *
 * @param ids       per row, its id
 * @param amounts   per row, its amount or null
 * @param countries per row, its country or null
 */
record SmallDataset(List<Long> ids, List<Double> amounts, List<String> countries) {
    private static final String[] COUNTRIES = {"DE", "FR", "US", "a,b", "say \"hi\"", "Ünïcode"};

    static SmallDataset generate(long seed, int rows) {
        Random random = new Random(seed);
        List<Long> ids = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            ids.add(random.nextInt(5) == 0 ? -random.nextInt(1000) : (long) random.nextInt(1_000_000));
            boolean all = r == 0; // the first row has every feature, so every format lists them in the same order
            amounts.add(all || random.nextInt(6) > 0 ? (random.nextInt(4000) - 1000) * 0.25 : null);
            countries.add(all || random.nextInt(5) > 0 ? COUNTRIES[random.nextInt(COUNTRIES.length)] : null);
        }
        return new SmallDataset(ids, amounts, countries);
    }

    int rows() {
        return ids.size();
    }

    Path csv(Path file) throws IOException {
        StringBuilder text = new StringBuilder("id,amount,country\n");
        for (int r = 0; r < rows(); r++) {
            text.append(ids.get(r))
                    .append(',')
                    .append(amounts.get(r) == null ? "" : amounts.get(r).toString())
                    .append(',');
            String country = countries.get(r);
            if (country != null) {
                text.append('"').append(country.replace("\"", "\"\"")).append('"');
            }
            text.append('\n');
        }
        return Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    Path jsonLines(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows(); r++) {
            text.append("{\"id\":").append(ids.get(r));
            text.append(",\"amount\":")
                    .append(amounts.get(r) == null ? "null" : amounts.get(r).toString());
            if (countries.get(r) != null) {
                text.append(",\"country\":\"")
                        .append(countries.get(r).replace("\"", "\\\""))
                        .append('"');
            }
            text.append("}\n");
        }
        return Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    Path parquet(Path file) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message m { required int64 id; optional double amount; optional binary country (STRING); }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int r = 0; r < rows(); r++) {
                Group group = groups.newGroup().append("id", ids.get(r));
                if (amounts.get(r) != null) {
                    group.append("amount", amounts.get(r));
                }
                if (countries.get(r) != null) {
                    group.append("country", countries.get(r));
                }
                writer.write(group);
            }
        }
        return file;
    }

    Path avro(Path file) throws IOException {
        Schema schema = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"row\",\"fields\":["
                        + "{\"name\":\"id\",\"type\":\"long\"},"
                        + "{\"name\":\"amount\",\"type\":[\"null\",\"double\"]},"
                        + "{\"name\":\"country\",\"type\":[\"null\",\"string\"]}]}");
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, file.toFile());
            for (int r = 0; r < rows(); r++) {
                GenericRecord record = new GenericData.Record(schema);
                record.put("id", ids.get(r));
                record.put("amount", amounts.get(r));
                record.put("country", countries.get(r));
                writer.append(record);
            }
        }
        return file;
    }

    Path tfRecord(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            TfRecordWriter writer = new TfRecordWriter(out);
            for (int r = 0; r < rows(); r++) {
                Features.Builder features = Features.newBuilder();
                features.putFeature(
                        "id",
                        Feature.newBuilder()
                                .setInt64List(Int64List.newBuilder().addValue(ids.get(r)))
                                .build());
                if (amounts.get(r) != null) {
                    features.putFeature(
                            "amount",
                            Feature.newBuilder()
                                    .setFloatList(FloatList.newBuilder()
                                            .addValue(amounts.get(r).floatValue()))
                                    .build());
                }
                if (countries.get(r) != null) {
                    features.putFeature(
                            "country",
                            Feature.newBuilder()
                                    .setBytesList(
                                            BytesList.newBuilder().addValue(ByteString.copyFromUtf8(countries.get(r))))
                                    .build());
                }
                writer.write(Example.newBuilder().setFeatures(features).build().toByteArray());
            }
        }
        return file;
    }

    /** Creates {@code table} (id INTEGER, amount REAL / DOUBLE PRECISION, country TEXT) and fills it. */
    void table(Connection connection, String table, String realType) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id BIGINT, amount " + realType + ", country TEXT)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            for (int r = 0; r < rows(); r++) {
                insert.setLong(1, ids.get(r));
                if (amounts.get(r) == null) {
                    insert.setNull(2, Types.DOUBLE);
                } else {
                    insert.setDouble(2, amounts.get(r));
                }
                insert.setString(3, countries.get(r));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
