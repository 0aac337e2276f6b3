package dev.veracity.io.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.validate.checks.Change;
import dev.veracity.validate.checks.Check;
import dev.veracity.validate.checks.CheckSet;
import dev.veracity.validate.checks.CompareRule;
import dev.veracity.validate.checks.Metric;
import dev.veracity.validate.checks.RegexRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksFileTest {
    private static final Path FILE = Path.of("checks.yaml");

    private static CheckSet parse(String text) {
        return ChecksFile.parse(FILE, text);
    }

    @Test
    void readsTheIssuesExample() {
        CheckSet set = parse("""
                checks:
                  - {feature: fare, metric: mean, min: 5, max: 50}
                  - {feature: tips, metric: missing_fraction, max: 0.1, severity: WARNING}
                  - {feature: company, metric: unique, max: 200}
                  - {metric: num_examples, min: 1000}
                  - {feature: trip_miles, metric: quantile, q: 0.99, max: 100}
                  - {feature: fare, metric: mean, change: {max_relative: 0.2}}   # against --previous statistics
                  - {feature: email, rule: regex, pattern: "[^@]+@[^@]+"}
                  - {rule: compare, left: pickup, op: "<=", right: dropoff}
                """);
        assertThat(set.checks()).hasSize(6);
        assertThat(set.checks().get(0))
                .isEqualTo(Check.of("fare", Metric.MEAN).withBounds(5, 50).at("checks.yaml:2:5"));
        assertThat(set.checks().get(1).severity()).isEqualTo(AnomalyInfo.Severity.WARNING);
        assertThat(set.checks().get(1).max()).isEqualTo(0.1);
        assertThat(set.checks().get(3).feature()).isEmpty();
        assertThat(set.checks().get(3).min()).isEqualTo(1000);
        assertThat(set.checks().get(4).q()).isEqualTo(0.99);
        assertThat(set.checks().get(5).change()).isEqualTo(new Change(Change.Kind.RELATIVE, 0.2));
        assertThat(set.rowRules()).hasSize(2);
        assertThat(((RegexRule) set.rowRules().get(0)).name()).isEqualTo("email matches [^@]+@[^@]+");
        assertThat(set.rowRules().get(1))
                .isEqualTo(new CompareRule("pickup <= dropoff", "pickup", CompareRule.Operator.LE, "dropoff"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            checks: [{feature: fare, metric: meen, min: 1}]           | checks.yaml:1:34: expected a metric, found "meen"; did you mean mean, min?
            checks: [{feature: fare, metric: mean, mni: 1}]           | checks.yaml:1:40: expected a known key, found "mni"; did you mean max, min?
            checks: [{metric: mean, min: 1}]                          | checks.yaml:1:10: expected the key "feature" for the metric mean, found none
            checks: [{feature: f, metric: num_examples, min: 1}]      | checks.yaml:1:20: expected no feature for the dataset metric num_examples, found "f"
            checks: [{feature: f, metric: quantile, max: 1}]          | checks.yaml:1:10: expected the key "q" (the quantile's rank, e.g. 0.99) for the metric quantile, found none
            checks: [{feature: f, metric: quantile, q: 1.5, max: 1}]  | checks.yaml:1:44: expected a rank from 0 to 1, found "1.5"
            checks: [{feature: f, metric: mean, min: 5, max: 1}]      | checks.yaml:1:50: expected a max of at least min 5, found "1"
            checks: [{feature: f, metric: mean}]                      | checks.yaml:1:10: expected min, max or change in the check of mean, found none of them
            checks: [{feature: f, metric: mean, min: x}]              | checks.yaml:1:42: expected a number, found "x"
            checks: [{feature: f, metric: mean, min: 1, severity: E}] | checks.yaml:1:55: expected a severity ERROR or WARNING, found "E"
            checks: [{feature: f, metric: mean, change: {}}]          | checks.yaml:1:45: expected one of max_relative or max_absolute, found none
            checks: [{feature: f, metric: mean, change: {max_relative: -1}}] | checks.yaml:1:60: expected a change limit of at least 0, found "-1"
            checks: [{rule: regexp, feature: f, pattern: a}]          | checks.yaml:1:17: expected a rule regex or compare, found "regexp"; did you mean regex?
            checks: [{rule: regex, feature: f, pattern: "("}]         | checks.yaml:1:45: expected a Java regular expression, found "(" (Unclosed group)
            checks: [{rule: compare, left: a, op: "=<", right: b}]    | checks.yaml:1:39: expected an operator <, <=, >, >=, == or !=, found "=<"
            rules: []                                                 | checks.yaml:1:1: expected one of checks, found "rules"
            """)
    void anErrorNamesTheLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void anEmptyListHasNoChecks() {
        assertThat(parse("checks:\n").checks()).isEmpty();
    }
}
