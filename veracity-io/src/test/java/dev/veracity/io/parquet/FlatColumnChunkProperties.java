package dev.veracity.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our page decoder ({@link FlatColumnChunk}) against parquet-java's column readers on files parquet-java wrote:
 * V1 and V2 data pages, uncompressed, Snappy and (read by parquet-java on both sides) GZIP chunks, dictionary pages
 * with a fallback to plain pages mid-chunk, page sizes from a few values to whole chunks, null rates from none to
 * all, batch sizes that cut pages anywhere. Every batch must be equal column by column, values and dictionary codes.
 * Damaged files must fail with an input error (exit code 2), never a bug of ours.
 */
class FlatColumnChunkProperties {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message m {
              optional binary city (STRING);
              required binary word (STRING);
              optional int64 code;
              required int32 small;
              optional int32 day (DATE);
              optional int32 price (DECIMAL(9,2));
              optional int32 unsigned (INTEGER(32,false));
              optional int64 ts (TIMESTAMP(MILLIS,true));
              optional double score;
              required float ratio;
              optional boolean ok;
              optional fixed_len_byte_array(3) tag;
              optional int96 legacy_time;
            }""");

    @TempDir
    Path dir;

    private Path write(SplittableRandom random) throws IOException {
        Path file = dir.resolve("f" + random.nextInt(1_000_000) + ".parquet");
        Files.deleteIfExists(file);
        double nullRate = new double[] {0, 0.05, 0.5, 0.97, 1}[random.nextInt(5)];
        int rows = 1 + random.nextInt(3000);
        int distinct = 1 + random.nextInt(random.nextBoolean() ? 8 : 2000);
        CompressionCodecName codec = new CompressionCodecName[] {
                    CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.GZIP
                }
                [random.nextInt(3)];
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withCompressionCodec(codec)
                .withWriterVersion(random.nextBoolean() ? WriterVersion.PARQUET_1_0 : WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(random.nextInt(4) != 0)
                .withDictionaryPageSize(random.nextBoolean() ? 256 : 1 << 20) // small: plain pages mid-chunk
                .withPageSize(64 + random.nextInt(8192))
                .withPageRowCountLimit(1 + random.nextInt(random.nextBoolean() ? 50 : 5000))
                .withRowGroupRowCountLimit(Math.max(1, rows / (1 + random.nextInt(12))))
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            for (int r = 0; r < rows; r++) {
                Group g = groups.newGroup();
                int v = random.nextInt(distinct);
                if (random.nextDouble() >= nullRate) {
                    g.append("city", v % 5 == 0 ? "" : "c\u00e9" + v);
                }
                g.append("word", "w" + (v * 31 % 97));
                if (random.nextDouble() >= nullRate) {
                    g.append("code", (long) v * (random.nextBoolean() ? 1 : -1_000_000_007L));
                }
                g.append("small", v - distinct / 2);
                if (random.nextDouble() >= nullRate) {
                    g.append("day", 18_000 + v);
                }
                if (random.nextDouble() >= nullRate) {
                    g.append("price", v * 101 - 50);
                }
                if (random.nextDouble() >= nullRate) {
                    g.append("unsigned", -1 - v);
                }
                if (random.nextDouble() >= nullRate) {
                    g.append("ts", 1_700_000_000_000L + v * 1000L);
                }
                if (random.nextDouble() >= nullRate) {
                    g.append("score", v % 13 == 0 ? Double.NaN : v / 7.0);
                }
                g.append("ratio", (float) (v / 3.0));
                if (random.nextDouble() >= nullRate) {
                    g.append("ok", v % 3 == 0);
                }
                if (random.nextDouble() >= nullRate) {
                    g.append("tag", Binary.fromConstantByteArray(new byte[] {(byte) v, (byte) (v >> 8), 'x'}));
                }
                if (random.nextDouble() >= nullRate) {
                    byte[] int96 = new byte[12];
                    int96[0] = (byte) v;
                    int96[8] = (byte) 0x8C; // Julian day 2,440,588 + a little: 1970 onwards
                    int96[9] = (byte) 0x3D;
                    int96[10] = (byte) 0x25;
                    g.append("legacy_time", Binary.fromConstantByteArray(int96));
                }
                writer.write(g);
            }
        }
        return file;
    }

    @SeededProperty(tries = 60)
    void ourDecoderReadsWhatParquetJavaReads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path file = write(random);
        int batchSize = 1 + random.nextInt(random.nextBoolean() ? 40 : 5000);
        ChunkBuffers.Pool pool = new ChunkBuffers.Pool(); // shared by the row groups, as a file's splits share one
        for (int group = 0; group < rowGroups(file); group++) {
            List<RecordBatch> ours = read(file, group, batchSize, pool, true);
            List<RecordBatch> theirs = read(file, group, batchSize, new ChunkBuffers.Pool(), false);
            assertThat(ours).hasSameSizeAs(theirs);
            for (int b = 0; b < ours.size(); b++) {
                assertThat(ours.get(b).rowCount()).isEqualTo(theirs.get(b).rowCount());
                for (int c = 0; c < SCHEMA.getColumns().size(); c++) {
                    assertSame(
                            ours.get(b).columns().get(c),
                            theirs.get(b).columns().get(c),
                            seed,
                            group,
                            b);
                }
            }
        }
    }

    @SeededProperty(tries = 120)
    void aDamagedFileIsAnInputError(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path file = write(random);
        if (codec(file) == CompressionCodecName.GZIP) {
            return; // parquet-java's reading, not ours
        }
        byte[] bytes = Files.readAllBytes(file);
        // Damage the column chunks only (the footer's own checks are parquet-java's): flip bytes, or zero a run.
        int footer = bytes.length - 8 - footerLength(bytes);
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            int at = 4 + random.nextInt(Math.max(1, footer - 4));
            if (random.nextBoolean()) {
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            } else {
                Arrays.fill(bytes, at, Math.min(footer, at + 1 + random.nextInt(16)), (byte) 0);
            }
        }
        Files.write(file, bytes);
        try {
            for (int group = 0; group < rowGroups(file); group++) {
                read(file, group, 1 + random.nextInt(500), new ChunkBuffers.Pool(), true);
            }
        } catch (InputException expected) {
            // The documented outcome (a damaged value may also read as another value); anything else fails.
        }
    }

    /** {@return whether some chunks of the file are read by our decoder}: a check that the property is not vacuous */
    static boolean readsOwnChunks(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetSplits.open(file)) {
            for (BlockMetaData block : reader.getRowGroups()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    if (FlatColumnChunk.canRead(
                            reader.getFileMetaData()
                                    .getSchema()
                                    .getColumnDescription(chunk.getPath().toArray()),
                            chunk)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @SeededProperty(tries = 20)
    void mostFilesHaveChunksOurDecoderReads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path file = write(random);
        assertThat(readsOwnChunks(file)).isEqualTo(codec(file) != CompressionCodecName.GZIP);
    }

    private static CompressionCodecName codec(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetSplits.open(file)) {
            return reader.getRowGroups().get(0).getColumns().get(0).getCodec();
        }
    }

    private static int footerLength(byte[] bytes) {
        int at = bytes.length - 8;
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | bytes[at + 3] << 24;
    }

    private static int rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetSplits.open(file)) {
            return reader.getRowGroups().size();
        }
    }

    private static List<RecordBatch> read(
            Path file, int group, int batchSize, ChunkBuffers.Pool pool, boolean ownDecoder) throws IOException {
        List<RecordBatch> batches = new ArrayList<>();
        try (ParquetRowGroupSource source =
                ParquetRowGroupSource.open(file, group, SCHEMA, batchSize, pool, ownDecoder)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                batches.add(b.get());
            }
        }
        return batches;
    }

    private static void assertSame(Column ours, Column theirs, long seed, int group, int batch) {
        String where = "seed " + seed + " row group " + group + " batch " + batch + " column " + theirs.name();
        assertThat(ours.getClass()).as(where).isEqualTo(theirs.getClass());
        assertThat(ours.present()).as(where).isEqualTo(theirs.present());
        assertThat(ours.rowOffsets()).as(where).isEqualTo(theirs.rowOffsets());
        if (theirs instanceof IntColumn ints) {
            assertThat(((IntColumn) ours).values()).as(where).isEqualTo(ints.values());
        } else if (theirs instanceof FloatColumn floats) {
            double[] a = ((FloatColumn) ours).values();
            double[] b = floats.values();
            assertThat(a.length).as(where).isEqualTo(b.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToRawLongBits(a[i]))
                        .as(where + " value " + i)
                        .isEqualTo(Double.doubleToRawLongBits(b[i]));
            }
        } else if (theirs instanceof StringColumn strings) {
            StringColumn mine = (StringColumn) ours;
            assertThat(mine.valueOffsets()).as(where).isEqualTo(strings.valueOffsets());
            assertThat(mine.bytes()).as(where).isEqualTo(strings.bytes());
            assertThat(mine.dictionary() == null).as(where).isEqualTo(strings.dictionary() == null);
            if (strings.dictionary() != null) {
                assertThat(mine.dictionary().codes())
                        .as(where)
                        .isEqualTo(strings.dictionary().codes());
                assertThat(mine.dictionary().entryBytes())
                        .as(where)
                        .isEqualTo(strings.dictionary().entryBytes());
            }
        }
    }
}
