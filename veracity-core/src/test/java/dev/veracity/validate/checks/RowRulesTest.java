package dev.veracity.validate.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowRulesTest {
    private final RowRules rules = new RowRules(List.of(
            new RegexRule("email format", "email", Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]+")),
            new CompareRule("pickup <= dropoff", "pickup", CompareRule.Operator.LE, "dropoff"),
            new CompareRule("fare > 0", "fare", CompareRule.Operator.GT, "zero")));

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    @Test
    void aGoodRecordViolatesNothing() {
        assertThat(rules.check(record(
                        "email", "a@b.org",
                        "pickup", "2024-05-01T10:00:00",
                        "dropoff", "2024-05-01T10:30:00",
                        "fare", 12.5,
                        "zero", 0L)))
                .isEmpty();
    }

    @Test
    void eachViolatedRuleIsNamedInRuleOrder() {
        assertThat(rules.check(record(
                        "email", "not an email",
                        "pickup", "2024-05-01T11:00:00",
                        "dropoff", "2024-05-01T10:30:00",
                        "fare", -1,
                        "zero", 0)))
                .containsExactly("email format", "pickup <= dropoff", "fare > 0");
    }

    @Test
    void absentValuesSatisfyTheRules() {
        assertThat(rules.check(record())).isEmpty();
        assertThat(rules.check(record("email", null, "pickup", "x"))).isEmpty();
    }

    @Test
    void numbersCompareAsNumbersAndTextsThatAreNumbersToo() {
        CompareRule le = new CompareRule("a <= b", "a", CompareRule.Operator.LE, "b");
        assertThat(le.holds(record("a", 9, "b", 10))).isTrue();
        assertThat(le.holds(record("a", "9", "b", "10"))).isTrue(); // not "9" > "10" as strings
        assertThat(le.holds(record("a", 10.5, "b", 10L))).isFalse();
        assertThat(le.holds(record("a", 3, "b", "three"))).isFalse(); // cannot compare
        assertThat(le.holds(record("a", List.of(1L), "b", List.of(2L)))).isTrue();
        assertThat(le.holds(record("a", List.of(1L, 2L), "b", 5))).isFalse();
    }

    @Test
    void everyOperatorAgreesWithItsMeaning() {
        for (CompareRule.Operator op : CompareRule.Operator.values()) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    boolean expected = switch (op) {
                        case LT -> a < b;
                        case LE -> a <= b;
                        case GT -> a > b;
                        case GE -> a >= b;
                        case EQ -> a == b;
                        case NE -> a != b;
                    };
                    assertThat(new CompareRule("r", "a", op, "b").holds(record("a", a, "b", b)))
                            .as("%d %s %d", a, op.symbol(), b)
                            .isEqualTo(expected);
                }
            }
            assertThat(CompareRule.Operator.parse(op.symbol())).contains(op);
        }
    }

    @Test
    void aRegexMustMatchEveryValueOfAListInFull() {
        RegexRule digits = new RegexRule("digits", "code", Pattern.compile("[0-9]+"));
        assertThat(digits.holds(record("code", Arrays.asList("12", "345")))).isTrue();
        assertThat(digits.holds(record("code", List.of("12", "34a")))).isFalse();
        assertThat(digits.holds(record("code", "a12"))).isFalse();
        assertThat(digits.holds(record("code", 12L))).isTrue();
        assertThat(digits.holds(record("code", 2.0))).isTrue(); // written as 2
    }
}
