package dev.veracity.validate.checks;

import java.util.Objects;

/**
 * A check proposed from statistics, with the evidence for it, for a person to keep, tighten or drop.
 *
 * <pre>{@code
 * for (SuggestedCheck s : CheckSuggestion.suggest(dataset)) System.out.println(s.evidence());
 * }</pre>
 *
 * @param check    the proposed check
 * @param rule     the suggestion rule that proposed it (Deequ's names: {@code complete}, {@code non_negative}, ...)
 * @param evidence what in the statistics supports it, one sentence
 */
public record SuggestedCheck(Check check, String rule, String evidence) {
    public SuggestedCheck {
        Objects.requireNonNull(check, "check is null");
        Objects.requireNonNull(rule, "rule is null");
        Objects.requireNonNull(evidence, "evidence is null");
    }
}
