package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.format.Durations;
import dev.veracity.labeling.feedback.EpochUnit;
import dev.veracity.labeling.feedback.FeedbackSpec;
import dev.veracity.labeling.feedback.MissingOutcome;
import dev.veracity.labeling.feedback.OutcomeRule;
import dev.veracity.pipeline.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** The {@link FeedbackSpec} of a {@link LabelJoin} node's parameters, with the syntax of {@code veracity label join}. */
final class LabelJoinSpec {
    private LabelJoinSpec() {}

    /**
     * {@return the join's settings}
     *
     * @throws ConfigException naming the parameter whose value does not parse
     */
    static FeedbackSpec of(Parameters p) {
        String key = nonBlank(p, "key");
        FeedbackSpec spec = FeedbackSpec.of(
                        key,
                        nonBlank(p, "prediction_time"),
                        nonBlank(p, "outcome_time"),
                        duration("window", p.string("window").orElseThrow()))
                .withOutcomeKey(p.string("outcome_key").orElse(key))
                .withOutcomeArrival(p.string("arrival_time").orElse(""))
                .withOutcomeLabel(p.string("outcome_label").orElse(""))
                .withGrace(duration("grace", p.string("grace").orElse("0")))
                .withRule(choice("rule", OutcomeRule.values(), p.string("rule").orElse("first")))
                .withMissing(choice(
                        "missing", MissingOutcome.values(), p.string("missing").orElse("censored")))
                .withLabels(
                        p.string("positive").orElse("1"), p.string("negative").orElse("0"))
                .withDeduplicate(!p.bool("keep_duplicates", false))
                .withEpochUnit(choice(
                        "epoch_unit", EpochUnit.values(), p.string("epoch_unit").orElse("auto")))
                .withLabelColumn(p.string("label_column").orElse("label"));
        if (p.has("as_of")) {
            String text = p.string("as_of").orElseThrow();
            try {
                spec = spec.withAsOf(Instant.parse(text.strip()).toEpochMilli());
            } catch (DateTimeParseException e) {
                throw new ConfigException(
                        "parameter as_of: expected an ISO-8601 instant such as 2024-05-04T00:00:00Z, found '" + text
                                + "'");
            }
        }
        return spec;
    }

    private static String nonBlank(Parameters p, String name) {
        String value = p.string(name).orElse("");
        if (value.isBlank()) {
            throw new ConfigException("parameter " + name + ": expected a column name, found an empty one");
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(String parameter, E[] values, String text) {
        for (E value : values) {
            if (value.name().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        throw new ConfigException("parameter " + parameter + ": expected one of "
                + Arrays.toString(values).toLowerCase(Locale.ROOT) + ", found '" + text + "'");
    }

    /** Parses 90s, 30m, 24h, 7d, 2w, 500ms or ISO-8601 (PT1H), as {@code label join --window} does. */
    static Duration duration(String parameter, String text) {
        return Durations.parse(text)
                .orElseThrow(() -> new ConfigException(
                        "parameter " + parameter + ": expected " + Durations.EXPECTED + ", found '" + text + "'"));
    }
}
