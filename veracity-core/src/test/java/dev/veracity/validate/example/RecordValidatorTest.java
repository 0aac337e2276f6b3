package dev.veracity.validate.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.TextFormat;
import dev.veracity.ConfigException;
import dev.veracity.proto.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final Schema SCHEMA = parse("""
            default_environment: "TRAINING"
            default_environment: "SERVING"
            feature { name: "clicks" type: INT int_domain { min: 0 max: 100 } presence { min_fraction: 1 min_count: 1 }
                      value_count { min: 1 max: 1 } }
            feature { name: "fare" type: FLOAT float_domain { min: 0 max: 500 disallow_nan: true disallow_inf: true } }
            feature { name: "company" type: BYTES string_domain { value: "Flash" value: "Blue" } }
            feature { name: "tags" type: BYTES value_count { min: 1 max: 3 } }
            feature { name: "label" type: INT not_in_environment: "SERVING" presence { min_fraction: 1 min_count: 1 } }
            """);

    private static Schema parse(String text) {
        try {
            return TextFormat.parse(text, Schema.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> clean() {
        Map<String, Object> record = new HashMap<>();
        record.put("clicks", 3L);
        record.put("fare", 12.5);
        record.put("company", "Flash");
        record.put("tags", List.of("a", "b"));
        record.put("label", 1L);
        return record;
    }

    private static Map<String, List<String>> check(Map<String, Object> record) {
        return RecordValidator.of(SCHEMA).check(record).typeNames();
    }

    @Test
    void cleanRecordHasNoReasons() {
        ExampleAnomalies found = RecordValidator.of(SCHEMA).check(clean());
        assertThat(found.isClean()).isTrue();
        assertThat(RecordValidator.of(SCHEMA).verify(clean()).isClean()).isTrue();
    }

    @Test
    void eachFaultGetsTfdvsReason() {
        Map<String, Object> record = clean();
        record.put("clicks", -1L);
        assertThat(check(record)).containsExactly(Map.entry("clicks", List.of("INT_TYPE_SMALL_INT")));
        record.put("clicks", 101L);
        assertThat(check(record)).containsExactly(Map.entry("clicks", List.of("INT_TYPE_BIG_INT")));
        record = clean();
        record.put("fare", -0.5);
        assertThat(check(record)).containsExactly(Map.entry("fare", List.of("FLOAT_TYPE_SMALL_FLOAT")));
        record.put("fare", 900.0);
        assertThat(check(record)).containsExactly(Map.entry("fare", List.of("FLOAT_TYPE_BIG_FLOAT")));
        record.put("fare", Double.NaN);
        assertThat(check(record).get("fare")).contains("FLOAT_TYPE_HAS_NAN");
        record.put("fare", Double.POSITIVE_INFINITY);
        assertThat(check(record).get("fare")).contains("FLOAT_TYPE_HAS_INF");
        record = clean();
        record.put("company", "Yellow");
        assertThat(check(record)).containsExactly(Map.entry("company", List.of("ENUM_TYPE_UNEXPECTED_STRING_VALUES")));
        record = clean();
        record.put("tags", List.of("a", "b", "c", "d"));
        assertThat(check(record)).containsExactly(Map.entry("tags", List.of("FEATURE_TYPE_HIGH_NUMBER_VALUES")));
        record.put("tags", List.of());
        assertThat(check(record)).containsExactly(Map.entry("tags", List.of("FEATURE_TYPE_LOW_NUMBER_VALUES")));
        record = clean();
        record.put("clicks", "many");
        assertThat(check(record)).containsExactly(Map.entry("clicks", List.of("UNEXPECTED_DATA_TYPE")));
        record = clean();
        record.remove("clicks");
        assertThat(check(record)).containsExactly(Map.entry("clicks", List.of("FEATURE_TYPE_NOT_PRESENT")));
        record = clean();
        record.put("surprise", "x");
        assertThat(check(record)).containsExactly(Map.entry("surprise", List.of("SCHEMA_NEW_COLUMN")));
    }

    @Test
    void environmentDecidesWhatIsRequiredAndWhatIsNew() {
        Map<String, Object> serving = clean();
        serving.remove("label");
        assertThat(RecordValidator.of(SCHEMA, "SERVING").check(serving).isClean())
                .isTrue();
        assertThat(RecordValidator.of(SCHEMA, "TRAINING").check(serving).typeNames())
                .containsExactly(Map.entry("label", List.of("FEATURE_TYPE_NOT_PRESENT")));
        assertThat(RecordValidator.of(SCHEMA, "SERVING").check(clean()).typeNames())
                .containsExactly(Map.entry("label", List.of("SCHEMA_NEW_COLUMN")));
        assertThatThrownBy(() -> RecordValidator.of(SCHEMA, "EVAL"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"EVAL\"");
    }

    @Test
    void nullIsMissingAndIntegersAreFloats() {
        Map<String, Object> record = clean();
        record.put("fare", 12L);
        record.put("company", null);
        assertThat(RecordValidator.of(SCHEMA).check(record).isClean()).isTrue();
    }

    @Test
    void sliceKeysAreTfdvs() {
        Map<String, Object> record = clean();
        record.put("clicks", -1L);
        record.put("company", "Yellow");
        assertThat(RecordValidator.of(SCHEMA).check(record).sliceKeys())
                .containsExactly("clicks_INT_TYPE_SMALL_INT", "company_ENUM_TYPE_UNEXPECTED_STRING_VALUES");
    }

    @Test
    void nestedListsAreRefused() {
        Map<String, Object> record = clean();
        record.put("tags", List.of(List.of("a")));
        assertThatThrownBy(() -> RecordValidator.of(SCHEMA).check(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flat List");
    }
}
