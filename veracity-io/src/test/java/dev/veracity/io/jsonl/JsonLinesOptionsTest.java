package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.io.BadRecords;
import org.junit.jupiter.api.Test;

class JsonLinesOptionsTest {
    @Test
    void failsOnBadRecordsWithBatchesOf4096ByDefault() {
        assertThat(JsonLinesOptions.DEFAULT.badRecords()).isEqualTo(BadRecords.FAIL);
        assertThat(JsonLinesOptions.DEFAULT.batchSize()).isEqualTo(4096);
    }

    @Test
    void withersChangeOneField() {
        JsonLinesOptions options =
                JsonLinesOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withBatchSize(7);
        assertThat(options).isEqualTo(new JsonLinesOptions(BadRecords.SKIP, 7));
        assertThat(options.withBatchSize(1).badRecords()).isEqualTo(BadRecords.SKIP);
    }

    @Test
    void rejectsABatchSizeBelowOneAndNoPolicy() {
        assertThatThrownBy(() -> JsonLinesOptions.DEFAULT.withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1: 0");
        assertThatThrownBy(() -> JsonLinesOptions.DEFAULT.withBadRecords(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("badRecords is null");
    }
}
