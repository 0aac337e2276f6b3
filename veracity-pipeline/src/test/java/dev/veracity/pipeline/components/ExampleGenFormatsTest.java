package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.tfrecord.TfRecord;
import dev.veracity.io.tfrecord.TfRecordReader;
import dev.veracity.io.tfrecord.proto.Example;
import dev.veracity.io.tfrecord.proto.Feature;
import dev.veracity.metadata.MetadataConfig;
import dev.veracity.metadata.MetadataStore;
import dev.veracity.metadata.Value;
import dev.veracity.pipeline.Pipeline;
import dev.veracity.pipeline.run.LocalRunner;
import dev.veracity.pipeline.run.RunListener;
import dev.veracity.pipeline.run.RunOptions;
import dev.veracity.pipeline.run.RunResult;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen's output formats: the same examples in the same splits as JSON Lines, TFRecord (TFX's layout), Parquet. */
class ExampleGenFormatsTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("id,user,distance,route\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i)
                    .append(",u")
                    .append(random.nextInt(30))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", random.nextDouble() * 20))
                    .append(',')
                    .append(random.nextInt(10) == 0 ? "" : "r" + random.nextInt(5))
                    .append('\n');
        }
        Path file = dir.resolve("data/runs.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        return file;
    }

    private RunResult run() throws Exception {
        String input = data().toString();
        Pipeline.Builder builder = Pipeline.builder("formats", dir.resolve("root"));
        for (String format : List.of("jsonl", "tfrecord", "parquet")) {
            builder.node(
                    format,
                    new ExampleGen(),
                    Map.of("input", input, "partition_feature", "user", "output_format", format),
                    Map.of());
            builder.node(
                    format + "_stats",
                    new StatisticsGen(),
                    Map.of("threads", 1),
                    Map.of("examples", format + ".examples"));
        }
        builder.node("schema", new SchemaGen(), Map.of(), Map.of("statistics", "tfrecord_stats.statistics"));
        builder.node(
                "validate",
                new ExampleValidator(),
                Map.of("fail_on", "NEVER"),
                Map.of("statistics", "jsonl_stats.statistics", "schema", "schema.schema"));
        try (MetadataStore store = MetadataStore.open(MetadataConfig.sqlite(dir.resolve("m.sqlite")))) {
            return new LocalRunner(store, RunOptions.DEFAULT, RunListener.NONE).run(builder.build());
        }
    }

    private static Path split(RunResult result, String node, String split) {
        return Path.of(result.result(node)
                        .orElseThrow()
                        .outputs()
                        .get("examples")
                        .get(0)
                        .uri())
                .resolve("Split-" + split);
    }

    @Test
    void tfRecordOutputHoldsTheJsonLinesExamplesRowByRowInTfxLayout() throws Exception {
        RunResult result = run();
        assertThat(result.isSuccess()).isTrue();
        for (String split : List.of("train", "eval")) {
            Path tfrecord = split(result, "tfrecord", split).resolve("data_tfrecord-00000-of-00001.gz");
            assertThat(tfrecord).exists();
            assertThat(split(result, "parquet", split).resolve("data_parquet-00000-of-00001.parquet"))
                    .exists();
            List<JsonNode> json = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            for (String line : Files.readAllLines(split(result, "jsonl", split).resolve("data.jsonl"))) {
                json.add(mapper.readTree(line));
            }
            List<Example> examples = new ArrayList<>();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(tfrecord))) {
                TfRecordReader reader = new TfRecordReader(in, tfrecord.toString(), dev.veracity.io.BadRecords.FAIL);
                for (Optional<TfRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                    examples.add(Example.parseFrom(record.get().data()));
                }
            }
            assertThat(examples).hasSize(json.size()).isNotEmpty();
            for (int row = 0; row < json.size(); row++) {
                JsonNode expected = json.get(row);
                Map<String, Feature> features = examples.get(row).getFeatures().getFeatureMap();
                List<String> names = new ArrayList<>();
                expected.fieldNames().forEachRemaining(names::add);
                assertThat(features.keySet()).as("row %d", row).containsExactlyInAnyOrderElementsOf(names);
                for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    Feature feature = features.get(field.getKey());
                    JsonNode value = field.getValue();
                    if (value.isIntegralNumber()) {
                        assertThat(feature.getInt64List().getValueList()).containsExactly(value.asLong());
                    } else if (value.isNumber()) {
                        assertThat(feature.getFloatList().getValueList()).hasSize(1);
                        assertThat((double) feature.getFloatList().getValue(0))
                                .isCloseTo(value.asDouble(), within(1e-5 * Math.max(1, Math.abs(value.asDouble()))));
                    } else {
                        assertThat(feature.getBytesList().getValue(0).toStringUtf8())
                                .isEqualTo(value.asText());
                    }
                }
            }
            // Every format reads back through ExampleReaders with the same number of rows.
            assertThat(rows(tfrecord)).isEqualTo(json.size());
            assertThat(rows(split(result, "parquet", split).resolve("data_parquet-00000-of-00001.parquet")))
                    .isEqualTo(json.size());
        }
        var tf = result.result("tfrecord")
                .orElseThrow()
                .outputs()
                .get("examples")
                .get(0);
        assertThat(tf.property("file_format").map(Value::stringValue)).contains("tfrecords_gzip");
        assertThat(tf.property("payload_format").map(Value::stringValue)).contains("FORMAT_TF_EXAMPLE");
        assertThat(tf.property("summary.examples").map(Value::intValue)).contains(400L);
        // StatisticsGen reads all three: the same counts per feature (values differ only in float32 rounding).
        for (String format : List.of("tfrecord", "parquet")) {
            DatasetFeatureStatisticsList jsonStats = statistics(result, "jsonl_stats");
            DatasetFeatureStatisticsList other = statistics(result, format + "_stats");
            assertThat(other.getDatasets(0).getNumExamples())
                    .isEqualTo(jsonStats.getDatasets(0).getNumExamples());
            assertThat(other.getDatasets(0).getFeaturesCount())
                    .isEqualTo(jsonStats.getDatasets(0).getFeaturesCount());
        }
    }

    @Test
    void anomaliesAreWrittenAsTfxsBinarySchemaDiffBesideTheText() throws Exception {
        RunResult result = run();
        Path anomalies = Path.of(result.result("validate")
                .orElseThrow()
                .outputs()
                .get("anomalies")
                .get(0)
                .uri());
        for (String split : List.of("train", "eval")) {
            assertThat(dev.veracity.io.AnomaliesFiles.read(anomalies.resolve("Split-" + split + "/SchemaDiff.pb")))
                    .isEqualTo(dev.veracity.io.AnomaliesFiles.read(
                            anomalies.resolve("Split-" + split + "/anomalies.pbtxt")));
        }
        assertThat(Path.of(result.result("schema")
                                .orElseThrow()
                                .outputs()
                                .get("schema")
                                .get(0)
                                .uri())
                        .resolve("schema.pbtxt"))
                .exists();
    }

    private static DatasetFeatureStatisticsList statistics(RunResult result, String node) throws Exception {
        return StatisticsFiles.read(Path.of(result.result(node)
                        .orElseThrow()
                        .outputs()
                        .get("statistics")
                        .get(0)
                        .uri())
                .resolve("Split-train/FeatureStats.pb"));
    }

    private static long rows(Path file) throws Exception {
        long rows = 0;
        try (BatchSource source = ExampleReaders.open(file)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                rows += b.get().rowCount();
            }
        }
        return rows;
    }

    @Test
    void anUnknownOutputFormatIsAConfigErrorWhenThePipelineIsBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pipeline.builder("f", dir)
                        .node("gen", new ExampleGen(), Map.of("input", "x.csv", "output_format", "avro"), Map.of()))
                .hasMessageContaining("parameter output_format: expected jsonl, tfrecord or parquet, found avro");
    }
}
