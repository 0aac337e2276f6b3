package dev.veracity.io.parquet;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.io.InputFiles;
import dev.veracity.io.InputSplit;
import dev.veracity.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Splits a Parquet file into its row groups, each read on its own (row-group parallelism), reading only the
 * columns the options select (column projection: the other columns' pages are never read). Uses parquet-java on a
 * {@link LocalInputFile}: no Hadoop installation, no Hadoop file system.
 *
 * <pre>{@code
 * List<InputSplit> splits = ParquetSplits.of(Path.of("flights.parquet"),
 *         ReadOptions.DEFAULT.withColumns(List.of("dep_delay")));
 * }</pre>
 */
public final class ParquetSplits {
    private ParquetSplits() {}

    /**
     * {@return one split per row group of the file}
     *
     * @throws InputException PARQUET_INVALID if the file is not Parquet or its footer is corrupt
     * @throws ConfigException if the options select columns and none of the file's features matches
     */
    public static List<InputSplit> of(Path file, ReadOptions options) throws IOException {
        InputFiles.open(file).close(); // the usual errors for a missing file or a directory
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageType projection = project(file, schema, options);
            List<BlockMetaData> groups = reader.getRowGroups();
            List<InputSplit> splits = new ArrayList<>(groups.size());
            ChunkBuffers.Pool buffers = new ChunkBuffers.Pool();
            for (int i = 0; i < groups.size(); i++) {
                splits.add(new RowGroupSplit(
                        file, i, groups.get(i).getCompressedSize(), projection, options, reader.getFooter(), buffers));
            }
            return splits;
        }
    }

    /** {@return a reader of the file} @throws InputException PARQUET_INVALID if it is not a readable Parquet file */
    static ParquetFileReader open(Path file) throws IOException {
        try {
            // A Hadoop configuration without its default resources: parquet-java's codecs read their settings from one,
            // and made from a PlainParquetConfiguration it parsed Hadoop's core-default.xml for every reader (each
            // row group): 10 of 104 CPU samples on a 1M-row, 3-column file.
            return ParquetFileReader.open(
                    new LocalInputFile(file),
                    ParquetReadOptions.builder(new HadoopParquetConfiguration(false))
                            .build());
        } catch (RuntimeException | IOException e) {
            throw ParquetErrors.classify(file.toString(), "a Parquet file (PAR1 magic and a readable footer)", e);
        }
    }

    private static MessageType project(Path file, MessageType schema, ReadOptions options) {
        if (options.columns().isEmpty()) {
            return schema;
        }
        Set<String> kept = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (ParquetLeaf leaf : ParquetLeaf.of(schema)) {
            all.add(leaf.feature());
            if (options.selects(leaf.feature())) {
                kept.add(String.join("\u0000", leaf.column().getPath()));
            }
        }
        if (kept.isEmpty()) {
            throw new ConfigException("--columns: expected features of " + file + ", found none of " + options.columns()
                    + "; it has " + all);
        }
        List<Type> fields = prune(schema, "", kept);
        return new MessageType(schema.getName(), fields);
    }

    /** {@return the fields of {@code group} with only the leaves whose NUL-joined paths are kept} */
    static List<Type> prune(GroupType group, String prefix, Set<String> kept) {
        List<Type> fields = new ArrayList<>();
        for (Type field : group.getFields()) {
            String path = prefix.isEmpty() ? field.getName() : prefix + "\u0000" + field.getName();
            if (field.isPrimitive()) {
                if (kept.contains(path)) {
                    fields.add(field);
                }
            } else {
                List<Type> children = prune(field.asGroupType(), path, kept);
                if (!children.isEmpty()) {
                    fields.add(field.asGroupType().withNewFields(children));
                }
            }
        }
        return fields;
    }

    /** One row group of a file. */
    private record RowGroupSplit(
            Path file,
            int rowGroup,
            long sizeBytes,
            MessageType projection,
            ReadOptions options,
            ParquetMetadata footer,
            ChunkBuffers.Pool buffers)
            implements InputSplit {
        @Override
        public String description() {
            return file + " row group " + rowGroup;
        }

        @Override
        public BatchSource open() throws IOException {
            return ParquetRowGroupSource.open(file, footer, rowGroup, projection, options.batchSize(), buffers, true);
        }
    }
}
