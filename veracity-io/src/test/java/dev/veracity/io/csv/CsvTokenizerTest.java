package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTokenizerTest {
    private static final CsvOptions OPTIONS = CsvOptions.DEFAULT;

    /** The bytes of a string, one byte per char, so that "\u00FF" is the byte 0xFF. */
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    private static Transcript read(String latin1) {
        return Transcript.of(bytes(latin1), OPTIONS, CsvTokenizer.DEFAULT_BUFFER_SIZE);
    }

    @Nested
    class LineEnds {
        @Test
        void splitsRecordsAtLf() {
            Transcript t = read("a,b\nc,d\n");
            assertThat(t.fields()).containsExactly(List.of("a", "b"), List.of("c", "d"));
            assertThat(t.lines()).containsExactly(1L, 2L);
        }

        @Test
        void acceptsCrlfAndLoneCrAndMixes() {
            Transcript t = read("a,b\r\nc,d\re,f\ng,h");
            assertThat(t.fields())
                    .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
            assertThat(t.lines()).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void endsTheLastRecordAtTheEndOfTheFile() {
            assertThat(read("a,b\nc").fields()).containsExactly(List.of("a", "b"), List.of("c"));
        }

        @Test
        void keepsAnEmptyFieldAfterATrailingDelimiter() {
            assertThat(read("a,\n,\n,").fields()).containsExactly(List.of("a", ""), List.of("", ""), List.of("", ""));
        }

        @Test
        void skipsBlankLinesButCountsThem() {
            Transcript t = read("\n\r\na\n\n\r\rb\r\n\r\n\nc\n\n");
            assertThat(t.fields()).containsExactly(List.of("a"), List.of("b"), List.of("c"));
            assertThat(t.lines()).containsExactly(3L, 7L, 10L);
        }

        @Test
        void readsAQuotedEmptyLineAsOneEmptyField() {
            assertThat(read("a\n\"\"\nb").fields()).containsExactly(List.of("a"), List.of(""), List.of("b"));
        }

        @Test
        void readsOnlyLineEndsAsNoRecords() {
            assertThat(read("\r\n\n\r").records()).isEmpty();
            assertThat(read("").records()).isEmpty();
        }

        @Test
        void keepsASpaceOnlyLineAsARecord() {
            assertThat(read("a\n \nb").fields()).containsExactly(List.of("a"), List.of(" "), List.of("b"));
        }
    }

    @Nested
    class Quotes {
        @Test
        void unescapesDoubledQuotesAndKeepsDelimitersAndLineEnds() {
            Transcript t = read("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\r\nz\"\nnext,\"\"\"\"\n");
            assertThat(t.fields()).containsExactly(List.of("a,b", "say \"hi\"", "x\ny\r\nz"), List.of("next", "\""));
        }

        @Test
        void countsPhysicalLinesInsideQuotes() {
            Transcript t = read("h\n\"one\ntwo\r\nthree\rfour\"\nafter\n\"\r\r\n\n\"\nlast");
            assertThat(t.lines()).containsExactly(1L, 2L, 6L, 7L, 11L);
        }

        @Test
        void readsAQuoteInsideAnUnquotedFieldAsALiteralByte() {
            assertThat(read("ab\"c,d\"\n 'x' \"y\",z").fields())
                    .containsExactly(List.of("ab\"c", "d\""), List.of(" 'x' \"y\"", "z"));
        }

        @Test
        void acceptsAClosingQuoteAtTheEndOfTheFileOrBeforeCrlf() {
            assertThat(read("\"a\",\"b\"").fields()).containsExactly(List.of("a", "b"));
            assertThat(read("\"a\"\r\n\"b\"\r\n").fields()).containsExactly(List.of("a"), List.of("b"));
        }

        @Test
        void reportsAnUnterminatedQuoteWhereItOpened() throws IOException {
            CsvTokenizer tokenizer = tokenizer("a,b,c\n1,2,3\nx,\"open\n\nmore,stuff\n");
            assertThat(tokenizer.next()).isTrue();
            tokenizer.nameColumns(List.of("a", "route", "c"));
            assertThat(tokenizer.next()).isTrue();
            assertThat(tokenizer.problem()).isEmpty();
            assertThat(tokenizer.next()).isTrue();
            assertThat(Transcript.fields(tokenizer)).containsExactly("x", "open\n\nmore,stuff\n");
            assertThat(tokenizer.problem()).hasValueSatisfying(p -> {
                assertThat(p.code()).isEqualTo(dev.veracity.ErrorCode.CSV_UNTERMINATED_QUOTE);
                assertThat(p.message())
                        .isEqualTo(
                                "t.csv:3:2 (route): expected a closing quote (\") before the end of the file, found none");
            });
            assertThat(tokenizer.next()).isFalse();
        }

        @Test
        void reportsTextAfterAClosingQuoteAndReadsTheRestOfTheField() {
            Transcript t = read("\"abc\"x\"y,d\nnext\n");
            assertThat(t.fields()).containsExactly(List.of("abcx\"y", "d"), List.of("next"));
            assertThat(t.records().get(0).problem())
                    .isEqualTo("CSV_TEXT_AFTER_CLOSING_QUOTE t.csv:1:1: expected a "
                            + "delimiter (,) or a line end after the closing quote, found 'x'");
            assertThat(t.records().get(1).problem()).isEmpty();
        }

        @Test
        void namesTheLineOfTheTextAfterAClosingQuote() {
            Transcript t = read("a,\"two\nlines\" \n");
            assertThat(t.records().get(0).problem())
                    .isEqualTo("CSV_TEXT_AFTER_CLOSING_QUOTE t.csv:2:2: expected a "
                            + "delimiter (,) or a line end after the closing quote, found ' '");
        }
    }

    @Nested
    class ByteOrderMark {
        private static final String BOM = "\u00EF\u00BB\u00BF";

        @Test
        void dropsAByteOrderMarkAtTheStartOfTheFile() {
            assertThat(read(BOM + "a,b\n").fields()).containsExactly(List.of("a", "b"));
            assertThat(read(BOM + "\"a\",b\n").fields()).containsExactly(List.of("a", "b"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void dropsItWithAnyBufferSize(int bufferSize) {
            assertThat(Transcript.of(bytes(BOM + "ab\n"), OPTIONS, bufferSize).fields())
                    .containsExactly(List.of("ab"));
            assertThat(Transcript.of(bytes("\u00EF\u00BB"), OPTIONS, bufferSize).fields())
                    .containsExactly(List.of("\u00EF\u00BB"));
        }

        @Test
        void readsAFileOfOnlyAByteOrderMarkAsNoRecords() {
            assertThat(read(BOM).records()).isEmpty();
            assertThat(read(BOM + "\r\n\n").records()).isEmpty();
        }

        @Test
        void keepsAByteOrderMarkAnywhereElseOrInAChunk() {
            assertThat(read("a\n" + BOM + "b\n").fields()).containsExactly(List.of("a"), List.of(BOM + "b"));
            Transcript chunk = Transcript.of(bytes(BOM + "b\n"), OPTIONS, 1, false, 16, 1024);
            assertThat(chunk.fields()).containsExactly(List.of(BOM + "b"));
        }
    }

    @Nested
    class Bytes {
        @Test
        void keepsNonAsciiTextBytes() throws IOException {
            byte[] input = "城市,Zürich\n\"naïve, “quoted”\",😀\n".getBytes(UTF_8);
            CsvTokenizer tokenizer =
                    new CsvTokenizer(new ByteArrayInputStream(input), "t.csv", OPTIONS, 1, true, 3, 1024);
            assertThat(tokenizer.next()).isTrue();
            assertThat(field(tokenizer, 1)).isEqualTo("Zürich".getBytes(UTF_8));
            assertThat(tokenizer.next()).isTrue();
            assertThat(field(tokenizer, 0)).isEqualTo("naïve, “quoted”".getBytes(UTF_8));
            assertThat(field(tokenizer, 1)).isEqualTo("😀".getBytes(UTF_8));
        }

        @Test
        void keepsInvalidUtf8Bytes() {
            assertThat(read("\u00FF\u00C3,\"\u00C0\u0080\"\n").fields())
                    .containsExactly(List.of("\u00FF\u00C3", "\u00C0\u0080"));
        }

        private byte[] field(CsvTokenizer tokenizer, int index) {
            return Arrays.copyOfRange(tokenizer.bytes(), tokenizer.fieldStart(index), tokenizer.fieldEnd(index));
        }
    }

    @Nested
    class Options {
        @Test
        void usesTheConfiguredDelimiterAndQuote() {
            CsvOptions options = CsvOptions.DEFAULT.withDelimiter((byte) '\t').withQuote((byte) '\'');
            Transcript t = Transcript.of(bytes("a\t'b\tc'\t\"d\"\n'it''s'\tx,y\n"), options, 4);
            assertThat(t.fields()).containsExactly(List.of("a", "b\tc", "\"d\""), List.of("it's", "x,y"));
        }

        @Test
        void startsCountingAtTheGivenLine() {
            Transcript t = Transcript.of(bytes("a\n\"b\nc\"\nd\n"), OPTIONS, 100, false, 2, 1024);
            assertThat(t.lines()).containsExactly(100L, 101L, 103L);
        }
    }

    @Nested
    class Buffers {
        private static final String CSV =
                "id,\"long field, with \"\"quotes\"\"\",end\r\n" + "\"multi\r\nline\nfield\",x\ry\n\n\"\",last";

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 5, 7, 16})
        void readsRecordsThatSpanBufferRefills(int bufferSize) {
            Transcript large = read(CSV);
            Transcript small = Transcript.of(bytes(CSV), OPTIONS, bufferSize);
            assertThat(small).isEqualTo(large);
            assertThat(large.fields())
                    .containsExactly(
                            List.of("id", "long field, with \"quotes\"", "end"),
                            List.of("multi\r\nline\nfield", "x"),
                            List.of("y"),
                            List.of("", "last"));
            assertThat(large.lines()).containsExactly(1L, 2L, 5L, 7L);
        }

        @Test
        void acceptsARecordOfExactlyTheLimit() {
            Transcript t = Transcript.of(bytes("abcd,fghij\nk"), OPTIONS, 1, true, 3, 10);
            assertThat(t.error()).isEmpty();
            assertThat(t.fields()).containsExactly(List.of("abcd", "fghij"), List.of("k"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 3, 64})
        void rejectsARecordLongerThanTheLimit(int bufferSize) {
            Transcript t = Transcript.of(bytes("ok\nabcd,fghijk\nnext"), OPTIONS, 1, true, bufferSize, 10);
            assertThat(t.fields()).containsExactly(List.of("ok"));
            assertThat(t.error())
                    .isEqualTo(
                            "CSV_RECORD_TOO_LONG t.csv:2:2: expected a record of at most 10 bytes, found a longer one");
        }

        @Test
        void hintsAtAnOpenQuoteInATooLongRecord() {
            Transcript t = Transcript.of(bytes("a\n\"open\n" + "x".repeat(40)), OPTIONS, 1, true, 4, 20);
            assertThat(t.error())
                    .isEqualTo("CSV_RECORD_TOO_LONG t.csv:2:1: expected a record of at most 20 bytes, "
                            + "found a longer one (the quote opened on line 2 may be unclosed)");
        }
    }

    private static CsvTokenizer tokenizer(String latin1) {
        return new CsvTokenizer(new ByteArrayInputStream(bytes(latin1)), "t.csv", OPTIONS, 1, true);
    }
}
