package dev.veracity.privacy.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorTest {
    private static final Optional<Secret> SECRET =
            Optional.of(Secret.of("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8)));

    static String apply(String operator, String value) {
        return Operator.parse(operator).apply(value, Optional.of(PiiEntity.EMAIL_ADDRESS), SECRET);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mask|4111 1111 1111 1111|**** **** **** 1111",
                "mask:2|jane@example.com|****@*******.*om",
                "mask:0|ab-12|**-**",
                "tag|jane@example.com|<EMAIL_ADDRESS>",
                "generalize|1985-03-12|1985-03",
                "generalize|12 March 1985|1985-03",
                "generalize|34|[30, 40)",
                "generalize|-3.5|[-10, 0)",
                "generalize|02139|021**",
                "month|03/25/1985|1985-03",
                "year|1985-03-12|1985",
                "range:25|60|[50, 75)",
                "prefix:2|SW1A 1AA|SW******",
                "prefix:9|abc|abc",
                "range|not a number|************",
                "keep|x@y.org|x@y.org"
            })
    void operators(String operator, String value, String expected) {
        assertThat(apply(operator, value)).isEqualTo(expected);
    }

    @Test
    void hashIsKeyedAndDeterministic() {
        String a = apply("hash", "jane@example.com");
        assertThat(a)
                .hasSize(64)
                .isEqualTo(apply("hash", "jane@example.com"))
                .isNotEqualTo(apply("hash", "jane@example.org"));
        Secret other = Secret.of("another-secret-of-16+bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(new Operator.Hash().apply("jane@example.com", Optional.empty(), Optional.of(other)))
                .isNotEqualTo(a);
    }

    @Test
    void hashWithoutSecretIsAConfigError() {
        assertThatThrownBy(() -> new Operator.Hash().apply("x", Optional.empty(), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void unknownOperatorsAndCountsAreConfigErrors() {
        assertThatThrownBy(() -> Operator.parse("scramble"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected one of mask");
        assertThatThrownBy(() -> Operator.parse("tag:3"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("only mask, range and prefix take a count");
        assertThatThrownBy(() -> Operator.parse("range:0")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Secret.of(new byte[5]))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 16 bytes");
    }
}
