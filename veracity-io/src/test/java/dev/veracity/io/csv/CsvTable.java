package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A table of CSV cells, written to a file in a chosen {@link Style} and checked against the statistics
 * {@link BruteForceStatistics} computes of its values. A cell is the unescaped bytes of its field: empty is missing,
 * anything else is one value, which a column of type INT or FLOAT holds as Java parses the text (after stripping ASCII
 * whitespace, with Python's spellings of infinity and NaN) and a STRING column holds as the raw bytes.
 *
 * @param names   the header, in file order; unique and non-empty
 * @param types   the type the reader must infer for each column
 * @param columns per column, its cells, one per row
 */
record CsvTable(List<String> names, List<FeatureType> types, List<List<byte[]>> columns) {
    CsvTable {
        names = List.copyOf(names);
        types = List.copyOf(types);
        columns = columns.stream().map(List::copyOf).toList();
        if (names.isEmpty() || types.size() != names.size() || columns.size() != names.size()) {
            throw new IllegalArgumentException("expected as many names, types and columns, found " + names.size() + ", "
                    + types.size() + ", " + columns.size());
        }
        int rows = columns.get(0).size();
        if (columns.stream().anyMatch(c -> c.size() != rows)) {
            throw new IllegalArgumentException("columns of different lengths");
        }
    }

    /**
     * How a table is written.
     *
     * @param lineEnd         the bytes after each record: LF or CRLF
     * @param byteOrderMark   whether the file starts with UTF-8's byte-order mark
     * @param finalLineEnd    whether the last record ends with a line end
     * @param optionalQuotes  how often a field is quoted although it need not be, a missing cell is written as
     *                        {@code ""}, and a quote inside a field is left bare (a literal byte, as the reader allows)
     * @param blankLines      how often a blank line (which the reader skips) comes before a record
     * @param seed            the seed of these random choices
     */
    record Style(
            String lineEnd,
            boolean byteOrderMark,
            boolean finalLineEnd,
            double optionalQuotes,
            double blankLines,
            long seed) {
        /** LF, no byte-order mark, quotes only where RFC 4180 needs them, no blank lines. */
        static final Style PLAIN = new Style("\n", false, true, 0, 0, 0);

        Style {
            if (!lineEnd.equals("\n") && !lineEnd.equals("\r\n")) {
                throw new IllegalArgumentException("line end must be LF or CRLF");
            }
        }

        Style withLineEnd(String newLineEnd) {
            return new Style(newLineEnd, byteOrderMark, finalLineEnd, optionalQuotes, blankLines, seed);
        }

        Style withByteOrderMark(boolean newByteOrderMark) {
            return new Style(lineEnd, newByteOrderMark, finalLineEnd, optionalQuotes, blankLines, seed);
        }
    }

    /** {@return a table of columns of text cells, UTF-8 encoded} */
    static CsvTable ofText(List<String> names, List<FeatureType> types, List<List<String>> columns) {
        return new CsvTable(
                names,
                types,
                columns.stream()
                        .map(c -> c.stream().map(s -> s.getBytes(UTF_8)).toList())
                        .toList());
    }

    int rowCount() {
        return columns.get(0).size();
    }

    /** Writes the table to {@code file} and returns the file. */
    Path write(Path file, Style style) throws IOException {
        return Files.write(file, toBytes(style));
    }

    /** {@return the table as the bytes of a CSV file with a header row} */
    byte[] toBytes(Style style) {
        SplittableRandom random = new SplittableRandom(style.seed());
        byte[] lineEnd = style.lineEnd().getBytes(ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (style.byteOrderMark()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        blankLines(out, lineEnd, style, random);
        List<byte[]> header = names.stream().map(n -> n.getBytes(UTF_8)).toList();
        writeRecord(out, header, style, random);
        for (int r = 0; r < rowCount(); r++) {
            out.writeBytes(lineEnd);
            blankLines(out, lineEnd, style, random);
            List<byte[]> record = new ArrayList<>(columns.size());
            for (List<byte[]> column : columns) {
                record.add(column.get(r));
            }
            writeRecord(out, record, style, random);
        }
        if (style.finalLineEnd()) {
            out.writeBytes(lineEnd);
            blankLines(out, lineEnd, style, random);
        }
        return out.toByteArray();
    }

    private static void blankLines(ByteArrayOutputStream out, byte[] lineEnd, Style style, SplittableRandom random) {
        while (random.nextDouble() < style.blankLines()) {
            out.writeBytes(lineEnd);
        }
    }

    private static void writeRecord(
            ByteArrayOutputStream out, List<byte[]> fields, Style style, SplittableRandom random) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            byte[] field = fields.get(i);
            boolean quoted;
            if (field.length == 0) {
                // A record of one empty unquoted field would be a blank line, which the reader skips.
                quoted = fields.size() == 1 || random.nextDouble() < style.optionalQuotes();
            } else if (field[0] == '"' || contains(field, ',') || contains(field, '\r') || contains(field, '\n')) {
                quoted = true;
            } else if (contains(field, '"')) {
                quoted = random.nextDouble() >= style.optionalQuotes();
            } else {
                quoted = random.nextDouble() < style.optionalQuotes();
            }
            if (!quoted) {
                out.writeBytes(field);
                continue;
            }
            out.write('"');
            for (byte b : field) {
                if (b == '"') {
                    out.write('"');
                }
                out.write(b);
            }
            out.write('"');
        }
    }

    private static boolean contains(byte[] bytes, char c) {
        for (byte b : bytes) {
            if (b == c) {
                return true;
            }
        }
        return false;
    }

    /** {@return the rows of a numeric column as the oracle takes them: null if missing, else the parsed value} */
    List<double[]> numericRows(int column) {
        FeatureType type = types.get(column);
        List<double[]> rows = new ArrayList<>(rowCount());
        for (byte[] cell : columns.get(column)) {
            if (cell.length == 0) {
                rows.add(null);
            } else if (type == FeatureType.INT) {
                rows.add(new double[] {parseLong(cell)});
            } else {
                rows.add(new double[] {parseDouble(cell)});
            }
        }
        return rows;
    }

    /** {@return the rows of a STRING column as the oracle takes them: null if missing, else the raw bytes} */
    List<byte[][]> stringRows(int column) {
        List<byte[][]> rows = new ArrayList<>(rowCount());
        for (byte[] cell : columns.get(column)) {
            rows.add(cell.length == 0 ? null : new byte[][] {cell});
        }
        return rows;
    }

    /**
     * Checks statistics of this table: the number of examples, one feature per column in header order, and each
     * feature against the oracle (type, exact fields exactly, sums closely, sketched fields by rank).
     */
    void assertMatches(DatasetFeatureStatistics statistics, StatisticsOptions options) {
        assertThat(statistics.getNumExamples()).as("num_examples").isEqualTo(rowCount());
        assertThat(statistics.getFeaturesList())
                .as("features in header order")
                .extracting(f -> List.copyOf(f.getPath().getStepList()))
                .containsExactlyElementsOf(names.stream().map(List::of).toList());
        for (int i = 0; i < names.size(); i++) {
            FeatureNameStatistics feature = statistics.getFeatures(i);
            FeatureType type = types.get(i);
            try {
                switch (type) {
                    case INT, FLOAT ->
                        StatisticsAssertions.assertNumeric(
                                feature, BruteForceStatistics.numeric(numericRows(i)), type, options);
                    case STRING ->
                        StatisticsAssertions.assertStrings(
                                feature, BruteForceStatistics.strings(stringRows(i)), options);
                }
            } catch (AssertionError e) {
                throw new AssertionError(
                        "column " + (i + 1) + " (" + names.get(i) + ", expected " + type + "): " + e.getMessage(), e);
            }
        }
    }

    /** {@return the integer in a cell, as Java's {@link Long#parseLong} reads it after stripping ASCII whitespace} */
    static long parseLong(byte[] cell) {
        return Long.parseLong(strip(new String(cell, ISO_8859_1)));
    }

    /**
     * {@return the number in a cell, as Java's {@link Double#parseDouble} reads it after stripping ASCII whitespace,
     * with Python's spellings {@code inf}, {@code infinity} and {@code nan} in any case and with any sign}
     */
    static double parseDouble(byte[] cell) {
        String text = strip(new String(cell, ISO_8859_1));
        boolean signed = text.startsWith("+") || text.startsWith("-");
        String unsigned = signed ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        switch (unsigned.toLowerCase(Locale.ROOT)) {
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                return Double.parseDouble(text);
            }
        }
    }

    /** {@return the text without leading and trailing ASCII whitespace, as Python's {@code bytes.strip()}} */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
