package dev.veracity.io.parquet;

import dev.veracity.data.ColumnBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.xerial.snappy.Snappy;

/**
 * Reads one flat column chunk (no repetition, at most one optional level) page by page into a reused buffer and
 * decodes it a batch at a time: definition levels and dictionary ids into {@code int[]}s ({@link HybridDecoder}),
 * plain values straight from the page bytes, each value handed to the leaf's {@link ValueConverter} (no
 * {@code Binary} or {@code ByteBuffer} per value, no buffer per page). Only uncompressed and Snappy chunks of plain
 * and dictionary encodings are read here ({@link #canRead}); parquet-java reads every other chunk.
 *
 * <pre>{@code
 * if (FlatColumnChunk.canRead(leaf, meta)) chunk = new FlatColumnChunk(channel, leaf, meta, buffers, slot, values);
 * chunk.read(4096); // the next 4,096 rows into values.builder()
 * }</pre>
 */
final class FlatColumnChunk {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Set<Encoding> READ = Set.of(
            Encoding.PLAIN, Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED);
    private static final int FIRST_HEADER_READ = 512;

    private final FileChannel channel;
    private final ColumnDescriptor column;
    private final PrimitiveTypeName physical;
    private final int typeLength;
    private final boolean optional;
    private final CompressionCodecName codec;
    private final ChunkBuffers buffers;
    private final int slot;
    private final ValueConverter values;
    private final ColumnBuilder builder;
    private final HybridDecoder levels = new HybridDecoder();
    private final HybridDecoder ids = new HybridDecoder();
    private long position;
    private final long end;
    private long chunkValuesLeft;

    private byte[] page;
    private int pageValuesLeft;
    private boolean hasDictionary;
    private boolean dictionaryIds;
    private boolean legacyLevels;
    private int legacyLevelByte;
    private int legacyLevelIndex;
    private boolean rleBooleans;
    private int plain;
    private int pageEnd;
    private int booleanBit;

    FlatColumnChunk(
            FileChannel channel,
            ColumnDescriptor column,
            ColumnChunkMetaData metadata,
            ChunkBuffers buffers,
            int slot,
            ValueConverter values) {
        this.channel = channel;
        this.column = column;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        this.typeLength = column.getPrimitiveType().getTypeLength();
        this.optional = column.getMaxDefinitionLevel() == 1;
        this.codec = metadata.getCodec();
        this.buffers = buffers;
        this.slot = slot;
        this.values = values;
        this.builder = values.builder();
        this.position = metadata.getStartingPos();
        this.end = position + metadata.getTotalSize();
        this.chunkValuesLeft = metadata.getValueCount();
    }

    /** {@return whether this class reads the chunk}: flat, uncompressed or Snappy, plain or dictionary encoded */
    static boolean canRead(ColumnDescriptor column, ColumnChunkMetaData metadata) {
        return column.getMaxRepetitionLevel() == 0
                && column.getMaxDefinitionLevel() <= 1
                && !metadata.isEncrypted()
                && (metadata.getCodec() == CompressionCodecName.UNCOMPRESSED
                        || metadata.getCodec() == CompressionCodecName.SNAPPY)
                && READ.containsAll(metadata.getEncodings());
    }

    /** Appends the next {@code rows} rows to the leaf's builder. */
    void read(int rows) throws IOException {
        int[] defs = buffers.levels(slot, rows);
        int[] codes = buffers.ids(slot, rows);
        int left = rows;
        while (left > 0) {
            if (pageValuesLeft == 0) {
                nextDataPage();
            }
            int n = Math.min(left, pageValuesLeft);
            int present = n;
            if (optional) {
                present = readLevels(defs, n);
            }
            if (dictionaryIds) {
                ids.read(codes, 0, present);
            }
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (optional && defs[i] == 0) {
                    builder.appendMissing();
                    continue;
                }
                builder.startList();
                if (dictionaryIds) {
                    values.addValueFromDictionary(codes[next++]);
                } else {
                    addPlain();
                }
                builder.endList();
            }
            pageValuesLeft -= n;
            chunkValuesLeft -= n;
            left -= n;
        }
    }

    /** {@return the number of present values} after decoding {@code n} definition levels (0 or 1) */
    private int readLevels(int[] defs, int n) {
        int present = 0;
        if (!legacyLevels) {
            levels.read(defs, 0, n);
            int above = 0;
            for (int i = 0; i < n; i++) {
                present += defs[i];
                above |= defs[i] & ~1;
            }
            if (above != 0) {
                throw new IndexOutOfBoundsException("a definition level above the maximum 1");
            }
            return present;
        }
        // BIT_PACKED levels (deprecated): one bit per level, most significant bit first.
        for (int i = 0; i < n; i++) {
            defs[i] = (page[legacyLevelByte + (legacyLevelIndex >>> 3)] >>> (7 - (legacyLevelIndex & 7))) & 1;
            present += defs[i];
            legacyLevelIndex++;
        }
        return present;
    }

    private void addPlain() {
        switch (physical) {
            case INT32 -> {
                values.addInt((int) INTS.get(page, checked(4)));
                plain += 4;
            }
            case INT64 -> {
                values.addLong((long) LONGS.get(page, checked(8)));
                plain += 8;
            }
            case FLOAT -> {
                values.addFloat(Float.intBitsToFloat((int) INTS.get(page, checked(4))));
                plain += 4;
            }
            case DOUBLE -> {
                values.addDouble(Double.longBitsToDouble((long) LONGS.get(page, checked(8))));
                plain += 8;
            }
            case BOOLEAN -> addBoolean();
            case BINARY -> {
                int length = (int) INTS.get(page, checked(4));
                if (length < 0) {
                    throw new IndexOutOfBoundsException("a negative length " + length);
                }
                plain += 4;
                values.addBytes(page, checked(length), length);
                plain += length;
            }
            case INT96 -> {
                values.addBytes(page, checked(12), 12);
                plain += 12;
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                values.addBytes(page, checked(typeLength), typeLength);
                plain += typeLength;
            }
        }
    }

    private void addBoolean() {
        if (rleBooleans) {
            int[] one = buffers.ids(slot, 1);
            ids.read(one, 0, 1);
            values.addBoolean(one[0] != 0);
            return;
        }
        int index = plain + (booleanBit >>> 3);
        if (index >= pageEnd) {
            throw new IndexOutOfBoundsException("past the page's booleans");
        }
        values.addBoolean(((page[index] >>> (booleanBit & 7)) & 1) != 0);
        booleanBit++;
    }

    /** {@return {@code plain}} if {@code bytes} bytes from there lie within the page */
    private int checked(int bytes) {
        if (bytes > pageEnd - plain) {
            throw new IndexOutOfBoundsException("a value past the page's end");
        }
        return plain;
    }

    private void nextDataPage() throws IOException {
        while (true) {
            if (chunkValuesLeft <= 0 || position >= end) {
                throw new IndexOutOfBoundsException("the column chunk ends before its rows do");
            }
            PageHeader header = readHeader();
            int compressed = header.getCompressed_page_size();
            int size = header.getUncompressed_page_size();
            if (compressed < 0 || size < 0 || compressed > end - position) {
                throw new IndexOutOfBoundsException("a page of " + compressed + " bytes past the chunk's end");
            }
            if (header.getType() == null
                    || (header.getType() == PageType.DICTIONARY_PAGE && !header.isSetDictionary_page_header())
                    || (header.getType() == PageType.DATA_PAGE && !header.isSetData_page_header())
                    || (header.getType() == PageType.DATA_PAGE_V2 && !header.isSetData_page_header_v2())) {
                throw new IndexOutOfBoundsException("a page header without the header of its type " + header.getType());
            }
            switch (header.getType()) {
                case DICTIONARY_PAGE -> {
                    int entries = header.getDictionary_page_header().getNum_values();
                    if (entries < 0 || entries > size) {
                        throw new IndexOutOfBoundsException(
                                "a dictionary of " + entries + " entries in " + size + " bytes");
                    }
                    byte[] bytes = body(compressed, size, 0, true);
                    DictionaryPage dictionary =
                            new DictionaryPage(BytesInput.from(bytes, 0, size), entries, Encoding.PLAIN_DICTIONARY);
                    values.setDictionary(Encoding.PLAIN_DICTIONARY.initDictionary(column, dictionary));
                    hasDictionary = true;
                }
                case DATA_PAGE -> {
                    startV1(header.getData_page_header(), body(compressed, size, 0, true), size);
                    return;
                }
                case DATA_PAGE_V2 -> {
                    DataPageHeaderV2 v2 = header.getData_page_header_v2();
                    int levelBytes = v2.getRepetition_levels_byte_length() + v2.getDefinition_levels_byte_length();
                    boolean isCompressed = !v2.isSetIs_compressed() || v2.isIs_compressed();
                    startV2(v2, body(compressed, size, levelBytes, isCompressed), size);
                    return;
                }
                case INDEX_PAGE -> position += compressed;
            }
        }
    }

    private PageHeader readHeader() throws IOException {
        int want = (int) Math.min(FIRST_HEADER_READ, end - position);
        while (true) {
            byte[] scratch = buffers.scratch(want);
            readFully(scratch, 0, want, position);
            ByteArrayInputStream in = new ByteArrayInputStream(scratch, 0, want);
            try {
                PageHeader header = Util.readPageHeader(in);
                position += want - in.available();
                return header;
            } catch (IOException e) {
                if (want >= end - position) {
                    throw e;
                }
                want = (int) Math.min((long) want * 4, end - position);
            }
        }
    }

    /**
     * {@return the page buffer holding the page's {@code size} bytes, uncompressed} from the {@code compressed}
     * bytes at the position; the first {@code plainPrefix} bytes are stored uncompressed (V2 levels)
     */
    private byte[] body(int compressed, int size, int plainPrefix, boolean isCompressed) throws IOException {
        byte[] target;
        if (codec == CompressionCodecName.UNCOMPRESSED || !isCompressed) {
            if (compressed != size) {
                throw new IndexOutOfBoundsException(
                        "an uncompressed page of " + compressed + " bytes, " + size + " said");
            }
            target = buffers.page(slot, size);
            readFully(target, 0, size, position);
        } else {
            if (plainPrefix > compressed || plainPrefix > size) {
                throw new IndexOutOfBoundsException("levels longer than the page");
            }
            byte[] scratch = buffers.scratch(compressed);
            readFully(scratch, 0, compressed, position);
            // Checked before the page buffer grows to the size the header says.
            int length = Snappy.uncompressedLength(scratch, plainPrefix, compressed - plainPrefix);
            if (length != size - plainPrefix) {
                throw new IndexOutOfBoundsException("a Snappy page of " + length + " bytes, " + size + " said");
            }
            target = buffers.page(slot, size);
            System.arraycopy(scratch, 0, target, 0, plainPrefix);
            Snappy.uncompress(scratch, plainPrefix, compressed - plainPrefix, target, plainPrefix);
        }
        position += compressed;
        page = target;
        return target;
    }

    private void startV1(DataPageHeader header, byte[] bytes, int size) {
        int count = header.getNum_values();
        int at = 0;
        legacyLevels = false;
        if (optional) {
            if (header.getDefinition_level_encoding() == org.apache.parquet.format.Encoding.BIT_PACKED) {
                legacyLevels = true;
                legacyLevelByte = 0;
                legacyLevelIndex = 0;
                at = (count + 7) / 8;
            } else {
                int length = (int) INTS.get(bytes, 0);
                if (length < 0 || length > size - 4) {
                    throw new IndexOutOfBoundsException("definition levels of " + length + " bytes");
                }
                levels.reset(bytes, 4, 4 + length, 1);
                at = 4 + length;
            }
        }
        startValues(header.getEncoding(), count, bytes, at, size);
    }

    private void startV2(DataPageHeaderV2 header, byte[] bytes, int size) {
        int repetition = header.getRepetition_levels_byte_length();
        int definition = header.getDefinition_levels_byte_length();
        if (repetition != 0 || definition < 0 || definition > size) {
            throw new IndexOutOfBoundsException("levels of " + repetition + " and " + definition + " bytes");
        }
        legacyLevels = false;
        if (optional) {
            levels.reset(bytes, 0, definition, 1);
        }
        startValues(header.getEncoding(), header.getNum_values(), bytes, definition, size);
    }

    private void startValues(org.apache.parquet.format.Encoding encoding, int count, byte[] bytes, int at, int size) {
        if (at > size || count < 0) {
            throw new IndexOutOfBoundsException("levels past the page's end");
        }
        pageValuesLeft = count;
        pageEnd = size;
        plain = at;
        booleanBit = 0;
        rleBooleans = false;
        dictionaryIds = false;
        if (encoding == org.apache.parquet.format.Encoding.PLAIN_DICTIONARY
                || encoding == org.apache.parquet.format.Encoding.RLE_DICTIONARY) {
            if (!hasDictionary) {
                throw new IndexOutOfBoundsException("dictionary ids without a dictionary page");
            }
            if (at == size) {
                // A page of nulls only: no ids follow.
                ids.reset(bytes, at, at, 0);
            } else {
                ids.reset(bytes, at + 1, size, bytes[at]);
            }
            dictionaryIds = true;
        } else if (encoding == org.apache.parquet.format.Encoding.RLE && physical == PrimitiveTypeName.BOOLEAN) {
            int length = (int) INTS.get(bytes, at);
            if (length < 0 || length > size - at - 4) {
                throw new IndexOutOfBoundsException("booleans of " + length + " bytes");
            }
            ids.reset(bytes, at + 4, at + 4 + length, 1);
            rleBooleans = true;
        } else if (encoding != org.apache.parquet.format.Encoding.PLAIN) {
            throw new IndexOutOfBoundsException("values encoded " + encoding + " (not in the chunk's encodings)");
        }
    }

    private void readFully(byte[] target, int offset, int length, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
        long from = at;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, from);
            if (read < 0) {
                throw new IOException("the file ends inside a column chunk (truncated file)");
            }
            from += read;
        }
    }
}
