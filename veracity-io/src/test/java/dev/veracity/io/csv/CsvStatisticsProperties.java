package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.FeatureType;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Veracity;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, from a generated CSV file to statistics: each try writes a real file with an INT, a FLOAT, a STRING, an
 * always-empty and a mixed INT and FLOAT column (in random order, with random names) and checks every feature
 * against the brute-force oracle of the values it wrote.
 */
class CsvStatisticsProperties {
    /**
     * Field texts that Python reads as a float: its spellings of infinity and NaN, zeros, exponents (some overflow to
     * infinity or underflow to zero), bare points. Finite values stay below 1e150 in magnitude, as all generated ones
     * do: beyond, squares in the standard deviation (here and in the oracle) and the width of the STANDARD histogram
     * overflow.
     */
    private static final List<String> FLOAT_TEXTS = List.of(
            "NaN",
            "nan",
            "NAN",
            "-nan",
            "+nan",
            "inf",
            "-inf",
            "+inf",
            "Inf",
            "-INF",
            "Infinity",
            "-Infinity",
            "infinity",
            "+INFINITY",
            "iNfInItY",
            "0.0",
            "-0.0",
            "0.",
            "-.0",
            "+0.000",
            "0e0",
            "-0E+5",
            "1e-5",
            "1E5",
            "2.5e+10",
            "-3e-300",
            "1e150",
            "-1.5e149",
            "1e309",
            "-1e400",
            "4.9e-324",
            "2e-324",
            "1e-400",
            "1e99999999",
            ".5",
            "5.",
            "-.5",
            "0.1",
            "0.30000000000000004",
            "123456789012345678901234567890.5",
            "0.000000000000000000000000000123",
            "9007199254740993.0",
            "9007199254740993e0",
            "1" + "0".repeat(22) + ".0",
            "1e22",
            "1e23",
            "2.2250738585072014E-308");

    /** Field texts of a STRING column that no number syntax accepts. */
    private static final List<String> STRING_TEXTS = List.of(
            "Überlingen",
            "Łazienki",
            "😀",
            "🏳️‍🌈",
            "日本語",
            "naïve café",
            "a,b",
            ",",
            ",,",
            "say \"hi\"",
            "\"",
            "\"\"",
            "\"start",
            "end\"",
            " \"x\"",
            "line1\nline2",
            "line1\r\nline2",
            "cr\ronly",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            " leading",
            "trailing ",
            "  both  ",
            " ",
            "\t",
            "NULL",
            "None",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "0x1p3",
            "1d",
            "1f",
            "1_000",
            "+ 5",
            "1 2",
            "--1",
            "1.2.3",
            "infinit",
            "nana",
            "9223372036854775808",
            "-9223372036854775809",
            "١٢٣",
            "\u00A05",
            "\uFEFFx");

    /** Byte strings that are not UTF-8: stray bytes, truncated, overlong and surrogate forms, too large. */
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF},
        {(byte) 0xC3},
        {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {'a', (byte) 0xE2, (byte) 0x82},
        {(byte) 0x80, ','},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {'"', (byte) 0xFE, '"'}
    };

    private static final String PADDING = "  \t\t\n\r\u000B\f";

    @TempDir
    Path dir;

    @SeededProperty(tries = 30)
    void statisticsOfAWrittenFileMatchTheOracle(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CsvTable table = table(random);
        CsvTable.Style style = new CsvTable.Style(
                Gen.oneOf(random, "\n", "\r\n"),
                random.nextBoolean(),
                random.nextBoolean(),
                Gen.oneOf(random, 0.0, 0.1, 0.5, 1.0),
                Gen.oneOf(random, 0.0, 0.0, 0.05),
                random.nextLong());
        Path file = table.write(dir.resolve("data.csv"), style);
        CsvOptions csv = Gen.oneIn(random, 2)
                ? CsvOptions.DEFAULT
                : CsvOptions.DEFAULT.withBatchSize(Gen.between(random, 1, 16));
        StatisticsOptions options = Gen.oneIn(random, 4)
                ? StatisticsOptions.DEFAULT
                        .withNumTopValues(Gen.between(random, 1, 5))
                        .withNumHistogramBuckets(3)
                : StatisticsOptions.DEFAULT;

        ComputedStatistics computed = Veracity.statistics(file)
                .withOptions(options)
                .withCsvOptions(csv)
                .compute();

        assertThat(computed.skippedRecords()).isZero();
        assertThat(computed.statistics().getDatasetsCount()).isEqualTo(1);
        table.assertMatches(computed.statistics().getDatasets(0), options);
    }

    /** A cell's bytes and the narrowest type whose syntax they have. */
    private record Cell(byte[] bytes, FeatureType kind) {
        static final Cell MISSING = new Cell(new byte[0], FeatureType.INT);

        static Cell of(String text, FeatureType kind) {
            return new Cell(text.getBytes(UTF_8), kind);
        }
    }

    /** What a generated column holds. */
    private enum Role {
        INT,
        FLOAT,
        STRING,
        EMPTY,
        MIXED
    }

    /** Names per role, some of which the writer must quote. */
    private static List<String> names(Role role) {
        return switch (role) {
            case INT -> List.of("trips", "Anzahl der Fahrten", "count, total", "\"id\"");
            case FLOAT -> List.of("fare", "Preis €", "pace\nmin/km", " x ");
            case STRING -> List.of("company", "Łódź", "🏙 city", "city \"name\"");
            case EMPTY -> List.of("nothing", "leer", "always,empty");
            case MIXED -> List.of("mixed", "value", "zahl/float");
        };
    }

    /**
     * {@return a table of one to a few hundred rows (sometimes thousands) of the five column roles in random order,
     * each column's type the widest kind of its non-empty cells (INT if none)}
     */
    static CsvTable table(SplittableRandom random) {
        int rows = Gen.oneIn(random, 5) ? Gen.between(random, 500, 3000) : Gen.size(random, 1, 300);
        List<Role> roles = new ArrayList<>(List.of(Role.values()));
        Collections.shuffle(roles, new Random(random.nextLong()));
        List<String> names = new ArrayList<>();
        List<FeatureType> types = new ArrayList<>();
        List<List<byte[]>> columns = new ArrayList<>();
        for (Role role : roles) {
            names.add(Gen.oneOf(random, names(role).toArray(String[]::new)));
            double missing = Gen.oneOf(random, 0.0, 0.1, 0.3, 0.9);
            FeatureType type = FeatureType.INT;
            List<byte[]> column = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                Cell cell = role == Role.EMPTY || random.nextDouble() < missing ? Cell.MISSING : cell(random, role);
                if (cell.bytes().length > 0 && cell.kind().compareTo(type) > 0) {
                    type = cell.kind();
                }
                column.add(cell.bytes());
            }
            types.add(type);
            columns.add(column);
        }
        return new CsvTable(names, types, columns);
    }

    private static Cell cell(SplittableRandom random, Role role) {
        return switch (role) {
            case INT -> intCell(random);
            case FLOAT -> floatCell(random);
            case STRING -> stringCell(random);
            case EMPTY -> Cell.MISSING;
            case MIXED -> random.nextBoolean() ? intCell(random) : Cell.of(decimal(random), FeatureType.FLOAT);
        };
    }

    /** Zeros, small and int64-wide values, extremes; sometimes a plus sign, leading zeros or whitespace. */
    private static Cell intCell(SplittableRandom random) {
        long value = switch (Gen.weighted(random, 2, 8, 8, 2)) {
            case 0 -> 0;
            case 1 -> Gen.between(random, -100L, 100L);
            case 2 -> Gen.anyLong(random);
            default -> Gen.oneOf(random, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
        };
        String digits = Long.toString(Math.abs(value));
        if (value == Long.MIN_VALUE) {
            digits = "9223372036854775808";
        }
        if (Gen.oneIn(random, 10)) {
            digits = "0".repeat(Gen.between(random, 1, 3)) + digits;
        }
        String sign = value < 0 ? "-" : Gen.oneIn(random, 10) ? Gen.oneOf(random, "+", "-") : "";
        return Cell.of(pad(random, sign + digits), FeatureType.INT);
    }

    /** Python's float spellings and random decimals, with many digits and exponents; sometimes padded. */
    private static Cell floatCell(SplittableRandom random) {
        String text = switch (Gen.weighted(random, 3, 4, 2)) {
            case 0 -> Gen.oneOf(random, FLOAT_TEXTS.toArray(String[]::new));
            case 1 -> decimal(random);
            default -> {
                yield Double.toString(Math.scalb(random.nextDouble() - 0.5, Gen.between(random, -1075, 490)));
            }
        };
        return Cell.of(pad(random, text), FeatureType.FLOAT);
    }

    /**
     * {@return a decimal with a point: up to 20 integer digits, up to 30 fraction digits, sometimes an exponent (up to
     * 120, or down to -340)}
     */
    private static String decimal(SplittableRandom random) {
        String integer = digits(random, Gen.size(random, 0, 20));
        String fraction = digits(random, Gen.size(random, integer.isEmpty() ? 1 : 0, 30));
        String exponent = switch (Gen.weighted(random, 6, 1, 1)) {
            case 0 -> "";
            case 1 -> Gen.oneOf(random, "e", "E", "e+") + Gen.between(random, 0, 120);
            default -> Gen.oneOf(random, "e-", "E-") + Gen.between(random, 0, 340);
        };
        return (random.nextBoolean() ? "-" : "") + integer + "." + fraction + exponent;
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    /** Skewed vocabulary (for ties), unique text, raw and invalid UTF-8 bytes, and some number-like texts. */
    private static Cell stringCell(SplittableRandom random) {
        return switch (Gen.weighted(random, 12, 3, 2, 2, 1)) {
            case 0 -> {
                // Zipf-like over the vocabulary: entry k with probability about 1 / (k + 1)
                int k = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(STRING_TEXTS.size() + 1))) - 1;
                yield Cell.of(STRING_TEXTS.get(k), FeatureType.STRING);
            }
            case 1 -> Cell.of("s" + Gen.anyString(random, 12), FeatureType.STRING);
            case 2 -> {
                byte[] bytes = Gen.bytes(random, 12);
                byte[] cell = new byte[bytes.length + 1];
                cell[0] = 'b';
                System.arraycopy(bytes, 0, cell, 1, bytes.length);
                yield new Cell(cell, FeatureType.STRING);
            }
            case 3 -> new Cell(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)].clone(), FeatureType.STRING);
            default -> random.nextBoolean() ? intCell(random) : floatCell(random);
        };
    }

    /** {@return the text, sometimes with ASCII whitespace before or after it, which number parsing strips} */
    private static String pad(SplittableRandom random, String text) {
        if (!Gen.oneIn(random, 8)) {
            return text;
        }
        return Gen.string(random, PADDING, 0, 2) + text + Gen.string(random, PADDING, 0, 2);
    }
}
