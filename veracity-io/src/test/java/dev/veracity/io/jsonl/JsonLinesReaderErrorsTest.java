package dev.veracity.io.jsonl;

import static dev.veracity.io.jsonl.JsonLinesReaderTest.readAll;
import static dev.veracity.io.jsonl.JsonLinesReaderTest.rows;
import static dev.veracity.io.jsonl.JsonLinesReaderTest.scalars;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesReaderErrorsTest {
    private static final JsonLinesOptions SKIP = JsonLinesOptions.DEFAULT.withBadRecords(BadRecords.SKIP);

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return write(text.getBytes(UTF_8));
    }

    Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.jsonl"), bytes);
    }

    /** Checks that opening {@code file} fails with this code and message. */
    static void assertOpenFails(Path file, JsonLinesOptions options, ErrorCode code, String message) {
        assertThatThrownBy(() -> JsonLinesReader.open(file, options).close())
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessage(message);
    }

    /** Checks that a file of {@code firstLine} and then {@code secondLine} fails on line 2 with this message. */
    void assertSecondLineFails(String firstLine, String secondLine, ErrorCode code, String message) throws IOException {
        Path file = write(firstLine + "\n" + secondLine + "\n");
        assertOpenFails(file, JsonLinesOptions.DEFAULT, code, file + ":2:" + message);
    }

    @Nested
    class Opening {
        @Test
        void rejectsAMissingFile() {
            Path file = dir.resolve("x.jsonl");
            assertOpenFails(file, JsonLinesOptions.DEFAULT, ErrorCode.FILE_NOT_FOUND, file + ": no such file");
        }

        @Test
        void rejectsADirectory() {
            assertOpenFails(
                    dir,
                    JsonLinesOptions.DEFAULT,
                    ErrorCode.NOT_A_REGULAR_FILE,
                    dir + ": expected a file, found a directory");
        }

        @Test
        void rejectsAnUnreadableFile() throws IOException {
            Path file = write("{}\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            // Root reads any file: .ci/run runs this test again without that privilege (setpriv) and then sets
            // VERACITY_PERMISSIONS_ENFORCED=1, so it cannot skip there.
            assumeFalse(
                    Files.isReadable(file) && System.getenv("VERACITY_PERMISSIONS_ENFORCED") == null,
                    "the file is readable anyway (running as root); .ci/run runs this test without that privilege");
            assertOpenFails(
                    file,
                    JsonLinesOptions.DEFAULT,
                    ErrorCode.FILE_UNREADABLE,
                    file + ": expected a readable file, found no read permission");
        }

        @Test
        void rejectsAFileWithoutLinesEvenWhenSkipping() throws IOException {
            for (String content : List.of("", "\uFEFF", "\n\r\n  \n", "\uFEFF\r\n\t\r\n")) {
                Path file = write(content);
                assertOpenFails(
                        file,
                        SKIP,
                        ErrorCode.JSONL_EMPTY_FILE,
                        file + ": expected JSON objects, one per line, found an empty file");
            }
        }

        @Test
        void rejectsTheFirstMalformedLineBeforeReturningAnyBatch() throws IOException {
            Path file = write("{\"a\":1}\n".repeat(10) + "{\"a\":\"x\"}\n");
            assertOpenFails(
                    file,
                    JsonLinesOptions.DEFAULT,
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    file + ":11:6: expected a number for \"a\" (INT, first seen on line 1), found a string");
        }
    }

    @Nested
    class NotAnObject {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "[1, 2]       | 1: expected a JSON object, found an array",
                    "\"text\"     | 1: expected a JSON object, found a string",
                    "42           | 1: expected a JSON object, found an integer",
                    "'  -1.5'     | 3: expected a JSON object, found a float",
                    "true         | 1: expected a JSON object, found a boolean",
                    "null         | 1: expected a JSON object, found null",
                    "{\"a\":1} {} | 9: expected the line to end after the object, found an object",
                    "{\"a\":1}[]  | 8: expected the line to end after the object, found an array",
                })
        void namesWhatWasFound(String line, String message) throws IOException {
            assertSecondLineFails("{\"a\":1}", line, ErrorCode.JSONL_NOT_AN_OBJECT, message);
        }
    }

    @Nested
    class Syntax {
        @Test
        void namesTheColumnAndJacksonsReason() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\": tru}",
                    ErrorCode.JSONL_SYNTAX,
                    "7: expected a JSON object, found invalid JSON (Unrecognized token 'tru': was expecting "
                            + "(JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' "
                            + "or 'false'))");
        }

        @Test
        void rejectsATruncatedObject() throws IOException {
            Path file = write("{\"a\": [1, 2\n");
            assertThatThrownBy(() -> JsonLinesReader.open(file, JsonLinesOptions.DEFAULT))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JSONL_SYNTAX))
                    .hasMessageStartingWith(
                            file + ":1:12: expected a JSON object, found invalid JSON (Unexpected " + "end-of-input");
        }

        @Test
        void rejectsASingleQuotedKey() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{'a': 1}",
                    ErrorCode.JSONL_SYNTAX,
                    "2: expected a JSON object, found invalid JSON (Unexpected character (''' (code 39)): was "
                            + "expecting double-quote to start field name)");
        }

        @Test
        void rejectsAnUnescapedControlCharacterInAString() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\": \"x\ty\"}",
                    ErrorCode.JSONL_SYNTAX,
                    "9: expected a JSON object, found invalid JSON (Illegal unquoted character ((CTRL-CHAR, code 9)): "
                            + "has to be escaped using backslash to be included in string value)");
        }

        @Test
        void rejectsANulByte() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\": \"x\0\"}",
                    ErrorCode.JSONL_SYNTAX,
                    "9: expected a JSON object, found a NUL byte (JSON text is UTF-8, without NUL bytes)");
        }

        @Test
        void rejectsInvalidUtf8() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("{}\n{\"a\": \"x".getBytes(UTF_8));
            bytes.write(0xFF);
            bytes.writeBytes("\"}\n".getBytes(UTF_8));
            Path file = write(bytes.toByteArray());
            assertThatThrownBy(() -> JsonLinesReader.open(file, JsonLinesOptions.DEFAULT))
                    .isInstanceOfSatisfying(
                            InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JSONL_SYNTAX))
                    .hasMessageStartingWith(file + ":2:")
                    .hasMessageContaining("found invalid JSON (Invalid UTF-8 start byte 0xff");
        }

        @Test
        void namesTheLineAfterBlankLinesAndCrlf() throws IOException {
            Path file = write("{}\r\n\r\n   \r\n{]\r\n");
            assertOpenFails(
                    file,
                    JsonLinesOptions.DEFAULT,
                    ErrorCode.JSONL_SYNTAX,
                    file
                            + ":4:2: expected a JSON object, found invalid JSON (Unexpected close marker ']': expected '}' "
                            + "(for Object starting at column 1))");
        }
    }

    @Nested
    class TypeConflicts {
        @Test
        void nameTheKeyTheTypeFirstSeenWithItsLineAndWhatWasFound() throws IOException {
            assertSecondLineFails(
                    "{\"a\":1}",
                    "{\"a\":\"x\"}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "6: expected a number for \"a\" (INT, first seen on line 1), found a string");
            assertSecondLineFails(
                    "{\"a\":1.5}",
                    "{\"a\":true, \"b\": 1, \"a.b\": [2, \"y\"]}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "31: expected a number for \"a.b\" (INT, first seen on line 2), found a string in an array");
            assertSecondLineFails(
                    "{\"s\":\"x\"}",
                    "{\"s\":[\"y\", false]}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "12: expected a string for \"s\" (STRING, first seen on line 1), found a boolean in an array");
            assertSecondLineFails(
                    "{\"s\":[]}",
                    "{\"s\":{\"t\":1}}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "6: expected a value or an array for \"s\" (an array, first seen on line 1), found an object");
        }

        @Test
        void nameTheTypeFirstSeenNotTheWidenedOne() throws IOException {
            Path file = write("{\"a\":null}\n{\"a\":[]}\n{\"a\":2}\n{\"a\":2.5}\n{\"a\":\"x\"}\n");
            assertOpenFails(
                    file,
                    JsonLinesOptions.DEFAULT,
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    file + ":5:6: expected a number for \"a\" (INT, first seen on line 3), found a string");
        }

        @Test
        void rejectAnObjectWhereAValueWasAndTheReverse() throws IOException {
            assertSecondLineFails(
                    "{\"a\":{\"b\":1}}",
                    "{\"a\":3}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "6: expected an object for \"a\" (first seen on line 1), found an integer");
            assertSecondLineFails(
                    "{\"a\":{}}",
                    "{\"a\":[]}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "6: expected an object for \"a\" (first seen on line 1), found an array");
            assertSecondLineFails(
                    "{\"a\":\"x\"}",
                    "{\"a\":{\"b\":1}}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "6: expected a string for \"a\" (STRING, first seen on line 1), found an object");
            assertSecondLineFails(
                    "{\"a.b\":1}",
                    "{\"a\":{\"b\":{\"c\":1}}}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "11: expected a number for \"a.b\" (INT, first seen on line 1), found an object");
        }

        @Test
        void escapeKeysInMessages() throws IOException {
            assertSecondLineFails(
                    "{\"say \\\"hi\\\"\\n\":1}",
                    "{\"say \\\"hi\\\"\\n\":\"x\"}",
                    ErrorCode.JSONL_TYPE_CONFLICT,
                    "17: expected a number for \"say \\\"hi\\\"\\u000A\" (INT, first seen on line 1), found a string");
        }
    }

    @Nested
    class Unsupported {
        @Test
        void rejectsArraysOfObjectsAndNestedArrays() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\":[{\"b\":1}]}",
                    ErrorCode.JSONL_UNSUPPORTED_VALUE,
                    "7: expected numbers, strings, booleans or nulls in the array of \"a\", found an object (arrays "
                            + "of objects and nested arrays are not supported)");
            assertSecondLineFails(
                    "{}",
                    "{\"x\":{\"a\":[1,[2]]}}",
                    ErrorCode.JSONL_UNSUPPORTED_VALUE,
                    "14: expected numbers, strings, booleans or nulls in the array of \"x.a\", found an array (arrays "
                            + "of objects and nested arrays are not supported)");
        }
    }

    @Nested
    class DuplicateKeys {
        @Test
        void rejectsAKeyTwiceInALine() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\":1,\"b\":2,\"a\":1}",
                    ErrorCode.JSONL_DUPLICATE_KEY,
                    "14: expected each key once per line, found \"a\" again");
        }

        @Test
        void rejectsADottedKeyAndTheSameNestedPathInALine() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a.b\":1,\"a\":{\"b\":2}}",
                    ErrorCode.JSONL_DUPLICATE_KEY,
                    "15: expected each key once per line, found \"a.b\" again");
        }

        @Test
        void rejectsAnObjectKeyTwiceInALine() throws IOException {
            assertSecondLineFails(
                    "{}",
                    "{\"a\":{\"b\":1},\"a\":{\"c\":1}}",
                    ErrorCode.JSONL_DUPLICATE_KEY,
                    "14: expected each key once per line, found \"a\" again");
        }
    }

    @Nested
    class LineTooLong {
        @Test
        void isFatalEvenWhenSkipping() throws IOException {
            String line = "{\"a\":\"" + "x".repeat(200) + "\"}";
            byte[] bytes = ("{}\n" + line + "\n").getBytes(UTF_8);
            JsonLineSplitter splitter =
                    new JsonLineSplitter(new java.io.ByteArrayInputStream(bytes), "f.jsonl", 16, 100);
            assertThat(splitter.next()).isTrue();
            assertThatThrownBy(splitter::next)
                    .isInstanceOfSatisfying(
                            InputException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.JSONL_LINE_TOO_LONG))
                    .hasMessage("f.jsonl:2: expected a line of at most 100 bytes, found a longer one");
        }
    }

    @Nested
    class Skipping {
        @Test
        void dropsAndCountsMalformedLinesOfEveryKind() throws IOException {
            Path file = write(String.join(
                            "\n",
                            "{\"a\":1,\"s\":\"x\"}",
                            "[1]",
                            "{\"a\":\"oops\",\"new\":1}",
                            "{\"a\":",
                            "{\"a\":2,\"a\":3}",
                            "{\"a\":[{}]}",
                            "{\"a\":2.5,\"s\":[\"y\",\"z\"]}",
                            "{\"s\":{\"t\":1}}",
                            "")
                    + "\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, SKIP)) {
                assertThat(reader.featureNames()).containsExactly("a", "s");
                assertThat(reader.featureTypes()).containsExactly(FeatureType.FLOAT, FeatureType.STRING);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(batch.rowCount()).isEqualTo(2);
                assertThat(scalars(batch.columns().get(0))).containsExactly(1.0, 2.5);
                assertThat(rows(batch.columns().get(1))).containsExactly(List.of("x"), List.of("y", "z"));
                assertThat(reader.skippedRecords()).isEqualTo(6);
                assertThat(reader.recordsRead()).isEqualTo(2);
            }
        }

        @Test
        void keepsTheFirstTypeSeenAndSkipsLaterConflicts() throws IOException {
            Path file = write("{\"a\":\"x\"}\n{\"a\":1}\n{\"a\":\"y\"}\n{\"a\":[2,3]}\n{\"a\":[]}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, SKIP)) {
                assertThat(reader.featureTypes()).containsExactly(FeatureType.STRING);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(rows(batch.columns().get(0))).containsExactly(List.of("x"), List.of("y"), List.of());
                assertThat(reader.skippedRecords()).isEqualTo(2);
            }
        }

        @Test
        void skipsAWholeLineSoItsOtherKeysAndTypesCountForNothing() throws IOException {
            // Line 2 would widen b to FLOAT and add c, were its conflict on a not found after them.
            Path file = write("{\"a\":1,\"b\":1}\n{\"b\":2.5,\"c\":\"z\",\"a\":\"x\"}\n{\"b\":3}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, SKIP)) {
                assertThat(reader.featureNames()).containsExactly("a", "b");
                assertThat(reader.featureTypes()).containsExactly(FeatureType.INT, FeatureType.INT);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(scalars(batch.columns().get(1))).containsExactly(1L, 3L);
                assertThat(reader.skippedRecords()).isEqualTo(1);
            }
        }

        @Test
        void skipsTheSameLinesInBothPasses() throws IOException {
            // In the first pass, line 2 meets "a" with no type yet (its array conflicts within itself), and line 4
            // meets "b" as a list only; the final types must reject and accept exactly the same lines.
            Path file = write(String.join(
                            "\n",
                            "{\"a\":null,\"b\":[]}",
                            "{\"a\":[1,\"x\"]}",
                            "{\"a\":[\"y\"],\"b\":[null]}",
                            "{\"b\":[7],\"a\":\"z\"}",
                            "{\"a\":5}",
                            "{\"b\":\"w\"}")
                    + "\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, SKIP)) {
                assertThat(reader.featureNames()).containsExactly("a", "b");
                assertThat(reader.featureTypes()).containsExactly(FeatureType.STRING, FeatureType.INT);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(batch.rowCount()).isEqualTo(3);
                assertThat(rows(batch.columns().get(0))).containsExactly(null, List.of("y"), List.of("z"));
                assertThat(rows(batch.columns().get(1))).containsExactly(List.of(), List.of(), List.of(7L));
                assertThat(reader.skippedRecords()).isEqualTo(3);
            }
        }

        @Test
        void givesOneEmptyBatchWithoutFeaturesWhenEveryLineIsSkipped() throws IOException {
            try (JsonLinesReader reader = JsonLinesReader.open(write("[1]\n{\"a\":\n"), SKIP)) {
                assertThat(reader.featureNames()).isEmpty();
                RecordBatch batch = reader.next().orElseThrow();
                assertThat(batch.rowCount()).isZero();
                assertThat(batch.columns()).extracting(Column::name).isEmpty();
                assertThat(reader.next()).isEmpty();
                assertThat(reader.skippedRecords()).isEqualTo(2);
            }
        }
    }
}
