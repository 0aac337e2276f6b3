package dev.veracity.io.convert;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;

/**
 * One column of a Parquet row group, encoded a page at a time from whole columns of values: levels and values are
 * gathered in primitive arrays, then each page is encoded at once (levels RLE, values PLAIN or dictionary ids) and
 * handed, with its statistics, to parquet-java's page writer, which compresses it and writes the column chunk.
 *
 * <p>Pages end at the first row boundary after {@value #PAGE_VALUES} levels or {@value #PAGE_BYTES} bytes of values
 * (parquet-java's default row count and size limits). INT64 and BINARY chunks start dictionary-encoded, as
 * parquet-java's, and give up for the rest of the chunk as parquet-java's writer does: after the first page if the
 * dictionary and its ids are not smaller than the plain values (a unique column), or once the dictionary passes
 * {@value #DICTIONARY_BYTES} bytes. DOUBLE chunks are PLAIN (doubles rarely repeat). Everything depends on the
 * values only, so the same rows give the same bytes.
 *
 * <pre>{@code
 * ParquetChunk chunk = new ParquetChunk(descriptor, new ParquetColumn("age", FeatureType.INT, false));
 * chunk.start(pageWriter); chunk.add(column, rows); chunk.finish();
 * }</pre>
 */
final class ParquetChunk {
    static final int PAGE_VALUES = 20_000;
    static final int PAGE_BYTES = 1 << 20;
    static final int DICTIONARY_BYTES = 1 << 20;

    private final ParquetColumn declared;
    private final ColumnDescriptor descriptor;
    private final int maxDefinition;
    private final int maxRepetition;
    private final PageBytes page = new PageBytes();
    private PageWriter pages;

    private int[] definitions = new int[PAGE_VALUES + 1];
    private int[] repetitions;
    private int levels;
    private int rows;
    private long[] longs;
    private double[] doubles;
    private byte[] strings;
    private int[] stringOffsets;
    private int values;
    private int[] ids;

    private ParquetDictionary dictionary; // null for DOUBLE
    private boolean dictionaryOn; // false: PLAIN for the rest of the chunk
    private int dictionaryUsed; // entries the chunk's pages refer to
    private boolean firstPage;

    ParquetChunk(ColumnDescriptor descriptor, ParquetColumn declared) {
        this.descriptor = descriptor;
        this.declared = declared;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        this.repetitions = maxRepetition > 0 ? new int[PAGE_VALUES + 1] : null;
        switch (declared.type()) {
            case INT -> longs = new long[PAGE_VALUES + 1];
            case FLOAT -> doubles = new double[PAGE_VALUES + 1];
            case STRING -> {
                strings = new byte[64 * 1024];
                stringOffsets = new int[PAGE_VALUES + 2];
            }
        }
    }

    /** Starts a column chunk written to {@code writer}. */
    void start(PageWriter writer) {
        this.pages = writer;
        this.dictionary = switch (declared.type()) {
            case INT -> new ParquetDictionary.Longs();
            case STRING -> new ParquetDictionary.Binaries();
            case FLOAT -> null;
        };
        this.dictionaryOn = dictionary != null;
        this.dictionaryUsed = 0;
        this.firstPage = true;
    }

    /** {@return the chunk's buffered bytes: its pages, compressed, and the page being gathered} */
    long bufferedBytes() {
        return pages.getMemSize() + valueBytes() + levels;
    }

    private long valueBytes() {
        return strings != null ? 4L * values + stringOffsets[values] : 8L * values;
    }

    /**
     * Appends the first {@code rowCount} rows of a column (null: every row is null). The rows were checked: a
     * single-valued column holds one value per present row, and a column whose type cannot be written here has
     * no value.
     */
    void add(Column column, int rowCount) throws IOException {
        if (column == null) {
            for (int r = 0; r < rowCount; r++) {
                level(0, 0);
                endRow();
            }
            return;
        }
        if (!declared.repeated() && column.type() == declared.type()) {
            addSingles(column, rowCount);
            return;
        }
        boolean[] present = column.present();
        int[] offsets = column.rowOffsets();
        for (int r = 0; r < rowCount; r++) {
            if (!present[r]) {
                level(0, 0);
            } else if (!declared.repeated()) {
                level(0, 1);
                value(column, offsets[r]);
            } else if (offsets[r] == offsets[r + 1]) {
                level(0, 1); // an empty list: the list is defined, it has no element
            } else {
                for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                    level(i == offsets[r] ? 0 : 1, 2);
                    value(column, i);
                }
            }
            endRow();
        }
    }

    /** The common case: one optional value per row, of the declared type. */
    private void addSingles(Column column, int rowCount) throws IOException {
        boolean[] present = column.present();
        int[] offsets = column.rowOffsets();
        if (column instanceof IntColumn || column instanceof FloatColumn) {
            long[] longSource = column instanceof IntColumn ints ? ints.values() : null;
            double[] doubleSource = column instanceof FloatColumn floats ? floats.values() : null;
            for (int r = 0; r < rowCount; ) {
                // up to the page's end, no check per row
                int end = Math.min(rowCount, r + Math.max(1, PAGE_VALUES - rows));
                int level = levels;
                int value = values;
                int from = r;
                if (longSource != null) {
                    for (; r < end; r++) {
                        boolean here = present[r];
                        definitions[level++] = here ? 1 : 0;
                        if (here) {
                            longs[value++] = longSource[offsets[r]];
                        }
                    }
                } else {
                    for (; r < end; r++) {
                        boolean here = present[r];
                        definitions[level++] = here ? 1 : 0;
                        if (here) {
                            doubles[value++] = doubleSource[offsets[r]];
                        }
                    }
                }
                levels = level;
                values = value;
                rows += r - from;
                if (rows >= PAGE_VALUES) {
                    writePage();
                }
            }
        } else {
            StringColumn source = (StringColumn) column;
            int[] starts = source.valueOffsets();
            for (int r = 0; r < rowCount; r++) {
                if (present[r]) {
                    definitions[levels++] = 1;
                    string(source.bytes(), starts[offsets[r]], starts[offsets[r] + 1]);
                } else {
                    definitions[levels++] = 0;
                }
                if (++rows >= PAGE_VALUES || stringOffsets[values] >= PAGE_BYTES) {
                    writePage();
                }
            }
        }
    }

    private void level(int repetition, int definition) {
        if (levels == definitions.length) {
            definitions = Arrays.copyOf(definitions, levels * 2);
            if (repetitions != null) {
                repetitions = Arrays.copyOf(repetitions, levels * 2);
            }
        }
        definitions[levels] = definition;
        if (repetitions != null) {
            repetitions[levels] = repetition;
        }
        levels++;
    }

    private void endRow() throws IOException {
        rows++;
        if (levels >= PAGE_VALUES || valueBytes() >= PAGE_BYTES) {
            writePage();
        }
    }

    /** Appends value {@code i} of the column as the declared type (the rows were checked: it converts). */
    private void value(Column column, int i) {
        if (values + 1 >= (longs != null ? longs.length : doubles != null ? doubles.length : stringOffsets.length)) {
            grow();
        }
        switch (declared.type()) {
            case INT -> longs[values++] = ((IntColumn) column).values()[i];
            case FLOAT ->
                doubles[values++] = column instanceof IntColumn ints
                        ? (double) ints.values()[i]
                        : ((FloatColumn) column).values()[i];
            case STRING -> {
                if (column instanceof StringColumn s) {
                    string(s.bytes(), s.valueOffsets()[i], s.valueOffsets()[i + 1]);
                } else {
                    byte[] text = Cells.text(column, i).getBytes(StandardCharsets.UTF_8);
                    string(text, 0, text.length);
                }
            }
        }
    }

    private void grow() {
        if (longs != null) {
            longs = Arrays.copyOf(longs, longs.length * 2);
        } else if (doubles != null) {
            doubles = Arrays.copyOf(doubles, doubles.length * 2);
        } else {
            stringOffsets = Arrays.copyOf(stringOffsets, stringOffsets.length * 2);
        }
    }

    private void string(byte[] data, int from, int to) {
        int start = stringOffsets[values];
        int length = to - from;
        if (start + length > strings.length) {
            strings = Arrays.copyOf(strings, Math.max(strings.length * 2, start + length));
        }
        System.arraycopy(data, from, strings, start, length);
        stringOffsets[++values] = start + length;
    }

    /** Encodes the gathered rows as one data page (version 1) and hands it to the page writer. */
    private void writePage() throws IOException {
        if (levels == 0) {
            return;
        }
        page.reset();
        if (maxRepetition > 0) {
            PageEncoding.levels(repetitions, levels, maxRepetition, page);
        }
        if (maxDefinition > 0) {
            PageEncoding.levels(definitions, levels, maxDefinition, page);
        }
        Encoding encoding = writeValues();
        pages.writePage(
                BytesInput.from(page.array(), 0, page.size()),
                levels,
                rows,
                statistics(),
                maxRepetition > 0 ? Encoding.RLE : Encoding.BIT_PACKED,
                maxDefinition > 0 ? Encoding.RLE : Encoding.BIT_PACKED,
                encoding);
        levels = 0;
        rows = 0;
        values = 0;
    }

    /** Writes the values as dictionary ids while the dictionary pays, else PLAIN; returns the encoding. */
    private Encoding writeValues() {
        if (dictionaryOn) {
            int before = page.size();
            if (ids == null || ids.length < values) {
                ids = new int[Math.max(values, PAGE_VALUES + 1)];
            }
            if (dictionary instanceof ParquetDictionary.Longs d) {
                for (int i = 0; i < values; i++) {
                    ids[i] = d.id(longs[i]);
                }
            } else {
                ParquetDictionary.Binaries d = (ParquetDictionary.Binaries) dictionary;
                for (int i = 0; i < values; i++) {
                    ids[i] = d.id(strings, stringOffsets[i], stringOffsets[i + 1]);
                }
            }
            boolean pays = dictionary.plainBytes(dictionary.size()) <= DICTIONARY_BYTES;
            if (pays) {
                int bitWidth = Math.max(1, 32 - Integer.numberOfLeadingZeros(dictionary.size() - 1));
                page.writeByte(bitWidth);
                HybridEncoder.encode(ids, values, bitWidth, page);
                if (firstPage && page.size() - before + dictionary.plainBytes(dictionary.size()) >= valueBytes()) {
                    pays = false; // parquet-java's test after the first page: no smaller than PLAIN
                    page.truncate(before);
                }
            }
            firstPage = false;
            if (pays) {
                dictionaryUsed = dictionary.size();
                return Encoding.PLAIN_DICTIONARY;
            }
            dictionaryOn = false; // the pages written so far keep their ids: the dictionary page holds those entries
        }
        switch (declared.type()) {
            case INT -> page.writeLongs(longs, 0, values);
            case FLOAT -> page.writeDoubles(doubles, 0, values);
            case STRING -> PageEncoding.plainBinaries(strings, stringOffsets, values, page);
        }
        return Encoding.PLAIN;
    }

    /** {@return the page's statistics: min and max as parquet-java orders them, and the null count} */
    private Statistics<?> statistics() {
        return switch (declared.type()) {
            case INT -> PageEncoding.longs(descriptor, longs, values, levels - values);
            case FLOAT -> PageEncoding.doubles(descriptor, doubles, values, levels - values);
            case STRING -> PageEncoding.binaries(descriptor, strings, stringOffsets, values, levels - values);
        };
    }

    /** Writes the last page and, if pages refer to it, the dictionary page; the chunk is then complete. */
    void finish() throws IOException {
        writePage();
        if (dictionaryUsed > 0) {
            PageBytes plain = new PageBytes();
            dictionary.writePlain(dictionaryUsed, plain);
            pages.writeDictionaryPage(new DictionaryPage(
                    BytesInput.from(Arrays.copyOf(plain.array(), plain.size())),
                    dictionaryUsed,
                    Encoding.PLAIN_DICTIONARY));
        }
        dictionary = null;
        dictionaryOn = false;
    }
}
