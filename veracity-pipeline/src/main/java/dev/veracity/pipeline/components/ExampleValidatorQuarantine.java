package dev.veracity.pipeline.components;

import dev.veracity.data.FeatureType;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.convert.Converter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.validate.AnomalousExamplesWriter;
import dev.veracity.io.validate.ExampleSink;
import dev.veracity.io.validate.ExampleValidation;
import dev.veracity.io.validate.Quarantine;
import dev.veracity.metadata.Artifact;
import dev.veracity.proto.Schema;
import dev.veracity.stats.PiiProtection;
import dev.veracity.validate.example.RowCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * ExampleValidator's per-example validation: each split of the examples through {@link ExampleValidation} (as
 * {@code veracity validate-examples --quarantine} runs it), the clean rows to {@code Split-<name>/data.<ext>} of the
 * clean examples (ExampleGen's layout, the input's format) and the anomalous ones to
 * {@code Split-<name>/quarantine.<ext>} with their reasons in {@code Split-<name>/reasons.jsonl} (no value of a
 * feature the schema marks PII).
 */
final class ExampleValidatorQuarantine {
    /** The file of per-row reasons in each split of the quarantine. */
    static final String REASONS = "reasons.jsonl";

    private ExampleValidatorQuarantine() {}

    /**
     * What the quarantine did.
     *
     * @param splits      the splits, in order
     * @param clean       per split, the clean rows
     * @param quarantined per split, the anomalous rows
     * @param format      the data format of the examples (the format of the clean examples)
     */
    record Outcome(List<String> splits, Map<String, Long> clean, Map<String, Long> quarantined, String format) {
        long quarantinedRows() {
            return quarantined.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Outcome run(
            Schema schema,
            Optional<String> environment,
            List<RowCheck> rules,
            List<Artifact> examples,
            List<String> excluded,
            Path cleanOut,
            Path quarantineOut)
            throws IOException {
        List<String> splits = new ArrayList<>();
        Map<String, Long> clean = new LinkedHashMap<>();
        Map<String, Long> quarantined = new LinkedHashMap<>();
        String formatName = "jsonl";
        for (Artifact artifact : examples) {
            for (String split : Splits.of(artifact)) {
                if (excluded.contains(split) || splits.contains(split)) {
                    continue;
                }
                List<Path> files = files(Splits.directory(Path.of(artifact.uri()), split));
                if (files.isEmpty()) {
                    continue;
                }
                DataFormat format = Readers.formatOf(files, ReadOptions.DEFAULT);
                String extension = Quarantine.extension(format);
                formatName = extension;
                List<ParquetColumn> columns = columns(format, files);
                Path cleanFile = Splits.directory(cleanOut, split).resolve("data." + extension);
                Path badDirectory = Splits.directory(quarantineOut, split);
                Files.createDirectories(cleanFile.getParent());
                Files.createDirectories(badDirectory);
                ExampleValidation validation =
                        ExampleValidation.of(schema).checks(rules).threads(1);
                environment.ifPresent(validation::environment);
                try (OutputStream good = Files.newOutputStream(cleanFile);
                        OutputStream bad = Files.newOutputStream(badDirectory.resolve("quarantine." + extension));
                        OutputStream reasons = Files.newOutputStream(badDirectory.resolve(REASONS))) {
                    Quarantine quarantine = Quarantine.of(format, columns, good, bad);
                    AnomalousExamplesWriter writer =
                            new AnomalousExamplesWriter(reasons, PiiProtection.features(schema), Long.MAX_VALUE);
                    validation.run(files, ExampleSink.all(List.of(quarantine, writer)));
                    quarantine.finish();
                    writer.finish();
                    clean.put(split, quarantine.cleanRows());
                    quarantined.put(split, quarantine.quarantinedRows());
                }
                splits.add(split);
            }
        }
        return new Outcome(splits, clean, quarantined, formatName);
    }

    private static List<ParquetColumn> columns(DataFormat format, List<Path> files) throws IOException {
        return switch (format) {
            case CSV ->
                CsvReader.header(files.get(0), ReadOptions.DEFAULT.csv()).stream()
                        .map(name -> new ParquetColumn(name, FeatureType.STRING, false))
                        .toList();
            case PARQUET -> Converter.columns(files, ReadOptions.DEFAULT);
            case JSONL, TFRECORD, AVRO -> List.of();
        };
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
