package dev.veracity.privacy.redact;

import dev.veracity.ConfigException;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.Secret;
import dev.veracity.privacy.detect.DateText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What redaction does to a value (a whole cell, or a span a recognizer found in it). Written on the command line as
 * {@code mask}, {@code mask:N}, {@code tag}, {@code hash}, {@code generalize}, {@code month}, {@code year},
 * {@code range:N}, {@code prefix:N}, {@code drop}, {@code keep}.
 *
 * <pre>{@code
 * Operator.parse("mask:4").apply("4111 1111 1111 1111", Optional.empty(), Optional.empty())  // **** **** **** 1111
 * }</pre>
 */
public sealed interface Operator {
    /** {@return the redacted value} @param entity what the value is, if known @param secret the key of hashing */
    String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret);

    /** {@return whether this operator needs a secret} */
    default boolean needsSecret() {
        return false;
    }

    /**
     * Every letter and digit but the last {@code keep} becomes {@code *}; separators stay, so the shape is kept.
     *
     * @param keep how many trailing letters and digits stay readable
     */
    record Mask(int keep) implements Operator {
        public Mask {
            if (keep < 0) {
                throw new ConfigException("mask:" + keep + ": expected a count >= 0 of characters to keep");
            }
        }

        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            int alphanumerics =
                    (int) value.codePoints().filter(Character::isLetterOrDigit).count();
            StringBuilder masked = new StringBuilder(value.length());
            int seen = 0;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetterOrDigit(c) && seen++ < alphanumerics - keep) {
                    masked.append('*');
                } else {
                    masked.appendCodePoint(c);
                }
            }
            return masked.toString();
        }
    }

    /** The value becomes its entity in angle brackets, {@code <EMAIL_ADDRESS>}, or {@code <PII>} if unknown. */
    record Tag() implements Operator {
        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            return "<" + entity.map(Enum::name).orElse("PII") + ">";
        }
    }

    /** The value becomes its HMAC-SHA256 under the secret (64 hex digits): equal values stay equal, so joins work. */
    record Hash() implements Operator {
        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            return secret.orElseThrow(() -> new ConfigException(
                            "hash: expected a secret (--secret-file or " + "--secret-env), found none"))
                    .hashHex(value);
        }

        @Override
        public boolean needsSecret() {
            return true;
        }
    }

    /**
     * A coarser value. {@code generalize} picks by the value: a date becomes its month ({@code 1985-03}), a number
     * (without a leading zero) the range of width 10 holding it ({@code [30, 40)}), other text its first 3
     * characters with the rest masked ({@code 02139} to {@code 021**}). {@code month}, {@code year},
     * {@code range:N} and {@code prefix:N} choose one rule; a value it does not fit is masked whole.
     *
     * @param rule      which rule
     * @param parameter the range width (RANGE) or prefix length (PREFIX); 1 and unused for the other rules
     */
    record Generalize(Rule rule, int parameter) implements Operator {
        /** The generalization rules. */
        public enum Rule {
            AUTO,
            MONTH,
            YEAR,
            RANGE,
            PREFIX
        }

        public Generalize {
            java.util.Objects.requireNonNull(rule, "rule is null");
            if (parameter < 1) {
                throw new ConfigException(rule.name().toLowerCase(Locale.ROOT) + ":" + parameter
                        + ": expected a width or prefix length >= 1");
            }
        }

        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            Optional<LocalDate> date = rule == Rule.AUTO || rule == Rule.MONTH || rule == Rule.YEAR
                    ? DateText.parse(value)
                    : Optional.empty();
            if (date.isPresent()) {
                return rule == Rule.YEAR
                        ? Integer.toString(date.get().getYear())
                        : String.format(
                                Locale.ROOT,
                                "%04d-%02d",
                                date.get().getYear(),
                                date.get().getMonthValue());
            }
            Optional<BigDecimal> number = rule == Rule.AUTO || rule == Rule.RANGE ? number(value) : Optional.empty();
            if (number.isPresent()) {
                BigDecimal width = BigDecimal.valueOf(rule == Rule.AUTO ? 10 : parameter);
                BigDecimal low =
                        number.get().divide(width, 0, RoundingMode.FLOOR).multiply(width);
                return "[" + low.toPlainString() + ", " + low.add(width).toPlainString() + ")";
            }
            int length = rule == Rule.AUTO ? 3 : rule == Rule.PREFIX ? parameter : 0;
            int prefix = Math.min(length, value.length());
            return value.substring(0, prefix) + "*".repeat(value.length() - prefix);
        }

        static Optional<BigDecimal> number(String value) {
            String stripped = value.strip();
            if (stripped.isEmpty()
                    || stripped.length() > 30
                    || stripped.startsWith("0") && stripped.length() > 1 && Character.isDigit(stripped.charAt(1))) {
                return Optional.empty(); // a leading zero means a code (a zip), not a quantity
            }
            try {
                return Optional.of(new BigDecimal(stripped));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The value is removed: a feature operator drops the column, a span operator cuts the span out. */
    record Drop() implements Operator {
        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            return "";
        }
    }

    /**
     * The value is looked up in a table of replacements (k-anonymity's recoding of a quasi-identifier); a value the
     * table lacks becomes {@code *}, so nothing unplanned passes.
     *
     * @param table replacement per value
     */
    record Recode(Map<String, String> table) implements Operator {
        public Recode {
            table = Map.copyOf(table);
        }

        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            return table.getOrDefault(value, "*");
        }
    }

    /** The value stays as it is (to exempt a feature from span redaction). */
    record Keep() implements Operator {
        @Override
        public String apply(String value, Optional<PiiEntity> entity, Optional<Secret> secret) {
            return value;
        }
    }

    /**
     * {@return the operator written as text}
     *
     * @throws ConfigException if the text names no operator
     */
    static Operator parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Optional<Integer> parameter = Optional.empty();
        if (colon >= 0) {
            try {
                parameter = Optional.of(Integer.parseInt(trimmed.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new ConfigException("operator " + text + ": expected NAME:COUNT, found \"" + text + "\"");
            }
        }
        Operator operator = switch (name) {
            case "mask" -> new Mask(parameter.orElse(4));
            case "tag" -> new Tag();
            case "hash" -> new Hash();
            case "generalize" -> new Generalize(Generalize.Rule.AUTO, 1);
            case "month" -> new Generalize(Generalize.Rule.MONTH, 1);
            case "year" -> new Generalize(Generalize.Rule.YEAR, 1);
            case "range" -> new Generalize(Generalize.Rule.RANGE, parameter.orElse(10));
            case "prefix" -> new Generalize(Generalize.Rule.PREFIX, parameter.orElse(3));
            case "drop" -> new Drop();
            case "keep" -> new Keep();
            default ->
                throw new ConfigException("operator \"" + text + "\": expected one of mask, mask:N, tag, "
                        + "hash, generalize, month, year, range:N, prefix:N, drop, keep");
        };
        if (parameter.isPresent() && !name.equals("mask") && !name.equals("range") && !name.equals("prefix")) {
            throw new ConfigException("operator \"" + text + "\": only mask, range and prefix take a count");
        }
        return operator;
    }
}
