package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderErrorsTest {
    private static final CsvOptions SKIP = CsvOptions.DEFAULT.withBadRecords(BadRecords.SKIP);

    @TempDir
    Path dir;

    Path write(String name, String latin1) throws IOException {
        return Files.write(dir.resolve(name), latin1.getBytes(ISO_8859_1));
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(
            Path file, CsvOptions options, ErrorCode code, String message) {
        return assertThatThrownBy(() -> CsvReader.open(file, options).close())
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessage(message);
    }

    @Nested
    class Opening {
        @Test
        void rejectsAMissingFile() {
            Path file = dir.resolve("x.csv");
            assertOpenFails(file, CsvOptions.DEFAULT, ErrorCode.FILE_NOT_FOUND, file + ": no such file");
        }

        @Test
        void rejectsADirectory() {
            assertOpenFails(
                    dir,
                    CsvOptions.DEFAULT,
                    ErrorCode.NOT_A_REGULAR_FILE,
                    dir + ": expected a file, found a directory");
        }

        @Test
        void rejectsAnUnreadableFile() throws IOException {
            Path file = write("locked.csv", "a\n1\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            // Root reads any file: .ci/run runs this test again without that privilege (setpriv) and then sets
            // VERACITY_PERMISSIONS_ENFORCED=1, so it cannot skip there.
            assumeFalse(
                    Files.isReadable(file) && System.getenv("VERACITY_PERMISSIONS_ENFORCED") == null,
                    "the file is readable anyway (running as root); .ci/run runs this test without that privilege");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.FILE_UNREADABLE,
                    file + ": expected a readable file, found no read permission");
        }
    }

    @Nested
    class Header {
        @Test
        void rejectsAnEmptyFile() throws IOException {
            for (String content : List.of("", "\u00EF\u00BB\u00BF", "\n\r\n\r", "\u00EF\u00BB\u00BF\r\n\r\n")) {
                Path file = write("runs.csv", content);
                assertOpenFails(
                        file, SKIP, ErrorCode.CSV_EMPTY_FILE, file + ": expected a header row, found an empty file");
            }
        }

        @Test
        void rejectsAnEmptyColumnName() throws IOException {
            Path file = write("runs.csv", "\n\na,\"\",c\n1,2,3\n");
            assertOpenFails(
                    file,
                    SKIP,
                    ErrorCode.CSV_BAD_HEADER,
                    file + ":3:2: expected a column name in the header, found an empty field");
        }

        @Test
        void rejectsADuplicateColumnNamingBothColumns() throws IOException {
            Path file = write("runs.csv", "id,pace,route,pace\n1,2,3,4\n");
            assertOpenFails(
                    file,
                    SKIP,
                    ErrorCode.CSV_BAD_HEADER,
                    file
                            + ":1:4 (pace): expected a unique column name in the header, found the name of column 2 again");
        }

        @Test
        void rejectsSyntaxErrorsInTheHeaderEvenWhenSkipping() throws IOException {
            Path open = write("open.csv", "a,\"b\n1,2\n");
            assertOpenFails(
                    open,
                    SKIP,
                    ErrorCode.CSV_UNTERMINATED_QUOTE,
                    open + ":1:2: expected a closing quote (\") before the end of the file, found none");
            Path text = write("text.csv", "\"a\"b,c\n1,2\n");
            assertOpenFails(
                    text,
                    SKIP,
                    ErrorCode.CSV_TEXT_AFTER_CLOSING_QUOTE,
                    text + ":1:1: expected a delimiter (,) or a line end after the closing quote, found 'b'");
        }
    }

    @Nested
    class Rows {
        @Test
        void rejectsARowWithTooFewFieldsAtTheFirstMissingField() throws IOException {
            Path file = write("runs.csv", "a,b,c,d,e,f,g,h\n1,2,3,4,5,6,7,8\n1,2,3,4,5\n");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.CSV_RAGGED_ROW,
                    file + ":3:6: expected 8 fields as in the header, found 5");
        }

        @Test
        void rejectsARowWithTooManyFieldsAtTheFirstExtraField() throws IOException {
            Path file = write("runs.csv", "a,b,c\n1,2,3,4,5\n");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.CSV_RAGGED_ROW,
                    file + ":2:4: expected 3 fields as in the header, found 5");
        }

        @Test
        void rejectsAnUnterminatedQuoteWhereItOpenedWithTheColumnName() throws IOException {
            Path file = write("runs.csv", "date,runner,route\n2024,ana,park\n2024,bo,\"river\n2024,cy,hills\n");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.CSV_UNTERMINATED_QUOTE,
                    file + ":3:3 (route): expected a closing quote (\") before the end of the file, found none");
        }

        @Test
        void rejectsTextAfterAClosingQuoteWithTheColumnName() throws IOException {
            Path file = write("runs.csv", "id,route\n1,\"abc\"x\n");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.CSV_TEXT_AFTER_CLOSING_QUOTE,
                    file + ":2:2 (route): expected a delimiter (,) or a line end after the closing quote, found 'x'");
        }

        @Test
        void countsPhysicalLinesOfQuotedLineBreaksAndBlankLinesInLaterErrors() throws IOException {
            Path file = write("runs.csv", "id,notes\r\n1,\"one\r\ntwo\r\nthree\"\r\n\r\n2,\"a\nb\"\r\n3\r\n");
            assertOpenFails(
                    file,
                    CsvOptions.DEFAULT,
                    ErrorCode.CSV_RAGGED_ROW,
                    file + ":8:2: expected 2 fields as in the header, found 1");
        }

        @Test
        void rejectsARecordLongerThan64MiBAlwaysEvenWhenSkipping() throws IOException {
            byte[] row = new byte[CsvTokenizer.MAX_RECORD_BYTES + 1];
            Arrays.fill(row, (byte) 'x');
            Path file = dir.resolve("long.csv");
            Files.write(file, "a\n".getBytes(ISO_8859_1));
            Files.write(file, row, StandardOpenOption.APPEND);
            assertOpenFails(
                    file,
                    SKIP,
                    ErrorCode.CSV_RECORD_TOO_LONG,
                    file + ":2:1 (a): expected a record of at most 67108864 bytes, found a longer one");
        }
    }

    @Nested
    class Skip {
        @Test
        void skipsAndCountsMalformedRowsInBothPasses() throws IOException {
            Path file = write("runs.csv", "id,pace\n1,5.5\n2,abc,extra\n3\n4,\"6\"x\n5,6.5\n");
            try (CsvReader reader = CsvReader.open(file, SKIP)) {
                assertThat(reader.columnTypes()).containsExactly(FeatureType.INT, FeatureType.FLOAT);
                assertThat(reader.skippedRecords()).isZero();
                List<RecordBatch> batches = CsvReaderTest.readAll(reader);
                assertThat(CsvReaderTest.longs(batches.get(0).columns().get(0))).containsExactly(1L, 5L);
                assertThat(CsvReaderTest.doubles(batches.get(0).columns().get(1)))
                        .containsExactly(5.5, 6.5);
                assertThat(reader.skippedRecords()).isEqualTo(3);
                assertThat(reader.recordsRead()).isEqualTo(2);
            }
        }

        @Test
        void countsAnUnterminatedQuoteAsOneSkippedRecordThatEndsTheFile() throws IOException {
            Path file = write("runs.csv", "id,name\n1,ana\n2,\"bo\n3,cy\n4,dee\n");
            try (CsvReader reader = CsvReader.open(file, SKIP)) {
                List<RecordBatch> batches = CsvReaderTest.readAll(reader);
                assertThat(CsvReaderTest.strings(batches.get(0).columns().get(1)))
                        .containsExactly("ana");
                assertThat(reader.skippedRecords()).isEqualTo(1);
                assertThat(reader.recordsRead()).isEqualTo(1);
            }
        }

        @Test
        void skipsARaggedRowEvenIfEveryFieldIsEmpty() throws IOException {
            Path file = write("runs.csv", "a,b\n,\n,,\n1,2\n");
            try (CsvReader reader = CsvReader.open(file, SKIP)) {
                List<RecordBatch> batches = CsvReaderTest.readAll(reader);
                assertThat(batches.get(0).rowCount()).isEqualTo(2);
                assertThat(reader.skippedRecords()).isEqualTo(1);
            }
        }
    }
}
