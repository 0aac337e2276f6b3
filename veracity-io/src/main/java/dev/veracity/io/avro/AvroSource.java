package dev.veracity.io.avro;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.InputFiles;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.RowBatchBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads an Avro object container file of records as record batches (features and types: {@link AvroLeaf}). With a
 * reader schema in the options, each record is resolved from the file's writer schema to it, the Avro way: fields
 * the reader adds take their defaults, fields it lacks are dropped, types are promoted (int to long, ...).
 *
 * <pre>{@code
 * try (BatchSource source = AvroSource.open(Path.of("events.avro"), ReadOptions.DEFAULT, new FeatureTypes())) { ... }
 * }</pre>
 */
public final class AvroSource implements BatchSource {
    private final DataFileReader<GenericRecord> reader;
    private final String name;
    private final Schema schema;
    private final List<AvroLeaf> leaves;
    private final int batchSize;
    private final BadRecords badRecords;
    private final RowBatchBuilder rows = new RowBatchBuilder();
    private final AvroNesting nesting;
    private long record;
    private long skipped;
    private long blockStart = -1;
    private long readInBlock;
    private boolean returnedBatch;

    private AvroSource(
            DataFileReader<GenericRecord> reader,
            String name,
            Schema schema,
            int batchSize,
            BadRecords badRecords,
            FeatureTypes types) {
        this.reader = reader;
        this.name = name;
        this.schema = schema;
        this.leaves = AvroLeaf.of(schema);
        this.nesting = new AvroNesting(schema, leaves);
        this.batchSize = batchSize;
        this.badRecords = badRecords;
        for (AvroLeaf leaf : leaves) {
            types.check(leaf.feature(), leaf.type(), name);
            rows.declare(leaf.feature(), leaf.type());
        }
    }

    /**
     * Opens an Avro file of records.
     *
     * @throws InputException AVRO_INVALID if it is not an Avro container file of records, or cannot be resolved to
     *                        the reader schema. A corrupt record found later (a union or enum index out of range, a
     *                        truncated block) is AVRO_INVALID naming the record, or with {@link BadRecords#SKIP} is
     *                        skipped and counted with the rest of its block, which cannot be decoded past it
     * @throws ConfigException if the reader schema in the options is not a valid Avro schema
     */
    public static AvroSource open(Path file, ReadOptions options, FeatureTypes types) throws IOException {
        Schema readerSchema = null;
        if (!options.avroReaderSchema().isEmpty()) {
            try {
                readerSchema = new Schema.Parser().parse(options.avroReaderSchema());
            } catch (SchemaParseException e) {
                throw new ConfigException(
                        "--avro-schema: expected an Avro schema (JSON), found an error: " + e.getMessage());
            }
        }
        InputFiles.open(file).close();
        DataFileReader<GenericRecord> reader;
        try {
            reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>(null, readerSchema));
        } catch (IOException | AvroRuntimeException e) {
            throw new InputException(
                    ErrorCode.AVRO_INVALID,
                    file + ": expected an Avro object container file, found " + e.getMessage(),
                    e);
        }
        Schema schema = readerSchema != null ? readerSchema : reader.getSchema();
        if (schema.getType() != Schema.Type.RECORD) {
            reader.close();
            throw new InputException(
                    ErrorCode.AVRO_INVALID, file + ": expected records, found values of type " + schema.getType());
        }
        return new AvroSource(reader, file.toString(), schema, options.batchSize(), options.badRecords(), types);
    }

    @Override
    public Optional<RecordBatch> next() throws IOException {
        GenericRecord reuse = null;
        while (rows.rowCount() < batchSize && hasNext()) {
            GenericRecord read = read(reuse);
            if (read == null) {
                continue;
            }
            reuse = read;
            for (AvroLeaf leaf : leaves) {
                AvroRows.append(reuse, schema, leaf, rows.column(leaf.feature(), leaf.type()));
            }
            nesting.add(reuse);
            rows.endRow();
        }
        if (rows.rowCount() == 0 && returnedBatch) {
            return Optional.empty();
        }
        returnedBatch = true;
        return Optional.of(nesting.build(rows.build()));
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }

    private boolean hasNext() throws IOException {
        try {
            return reader.hasNext();
        } catch (AvroRuntimeException e) {
            throw corrupt(e);
        }
    }

    /**
     * {@return the next record, or null if it was corrupt and skipped with the rest of its block} Only exceptions
     * of the decoder are input errors: an index out of range here is a corrupt union or enum index in the file.
     */
    private GenericRecord read(GenericRecord reuse) throws IOException {
        long block = reader.previousSync();
        if (block != blockStart) {
            blockStart = block;
            readInBlock = 0;
        }
        record++;
        try {
            GenericRecord next = reader.next(reuse);
            readInBlock++;
            return next;
        } catch (AvroRuntimeException
                | IOException
                | ClassCastException
                | IndexOutOfBoundsException
                | NegativeArraySizeException e) {
            if (badRecords == BadRecords.FAIL) {
                throw corrupt(e);
            }
            long rest = Math.max(1, reader.getBlockCount() - readInBlock);
            skipped += rest;
            record += rest - 1;
            try {
                reader.sync(blockStart + 1); // the decoder cannot find the next record: go to the next block
            } catch (IOException | AvroRuntimeException unreadable) {
                throw corrupt(unreadable);
            }
            return null;
        }
    }

    private InputException corrupt(Exception e) {
        String found = e instanceof IndexOutOfBoundsException
                ? "a union or enum index out of range (" + e.getMessage() + ")"
                : String.valueOf(e.getMessage());
        return new InputException(
                ErrorCode.AVRO_INVALID,
                name + ": record " + record + ": expected a record " + "of the file's schema, found " + found,
                e);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
