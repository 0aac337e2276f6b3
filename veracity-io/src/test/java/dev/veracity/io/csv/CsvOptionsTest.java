package dev.veracity.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.io.BadRecords;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {
    @Test
    void defaultsToCommaDoubleQuoteFailAnd4096Rows() {
        assertThat(CsvOptions.DEFAULT).isEqualTo(new CsvOptions((byte) ',', (byte) '"', BadRecords.FAIL, 4096));
    }

    @Test
    void withersChangeOneComponent() {
        CsvOptions options = CsvOptions.DEFAULT
                .withDelimiter((byte) ';')
                .withQuote((byte) '\'')
                .withBadRecords(BadRecords.SKIP)
                .withBatchSize(7);
        assertThat(options).isEqualTo(new CsvOptions((byte) ';', (byte) '\'', BadRecords.SKIP, 7));
        assertThat(CsvOptions.DEFAULT.withBatchSize(1).batchSize()).isEqualTo(1);
    }

    @Test
    void rejectsADelimiterEqualToTheQuote() {
        assertThatThrownBy(() -> CsvOptions.DEFAULT.withDelimiter((byte) '"'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delimiter and quote must differ, both are '\"'");
    }

    @Test
    void rejectsLineEndsAsDelimiterOrQuote() {
        assertThatThrownBy(() -> CsvOptions.DEFAULT.withDelimiter((byte) '\n'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delimiter must not be CR or LF: LF");
        assertThatThrownBy(() -> CsvOptions.DEFAULT.withQuote((byte) '\r'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quote must not be CR or LF: CR");
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        assertThatThrownBy(() -> CsvOptions.DEFAULT.withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1: 0");
    }

    @Test
    void rejectsANullPolicy() {
        assertThatThrownBy(() -> CsvOptions.DEFAULT.withBadRecords(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("badRecords is null");
    }
}
