package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.io.jsonl.JsonField.Shape;
import org.junit.jupiter.api.Test;

class JsonFieldTest {
    @Test
    void shapesAreCompatibleWhenOneIsBelowTheOther() {
        // NONE < LIST < NUMBER, STRING; NONE < OBJECT
        String table = "NONE:NONE,LIST,NUMBER,STRING,OBJECT LIST:NONE,LIST,NUMBER,STRING NUMBER:NONE,LIST,NUMBER "
                + "STRING:NONE,LIST,STRING OBJECT:NONE,OBJECT";
        for (String row : table.split(" ")) {
            Shape shape = Shape.valueOf(row.substring(0, row.indexOf(':')));
            for (Shape other : Shape.values()) {
                boolean expected = ("," + row.substring(row.indexOf(':') + 1) + ",").contains("," + other + ",");
                assertThat(shape.accepts(other))
                        .as("%s accepts %s", shape, other)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void joinGivesTheHigherOfTwoCompatibleShapesInEitherOrder() {
        for (Shape a : Shape.values()) {
            for (Shape b : Shape.values()) {
                if (!a.accepts(b)) {
                    assertThatThrownBy(() -> a.join(b)).isInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                Shape joined = a.join(b);
                assertThat(joined).as("%s join %s", a, b).isEqualTo(b.join(a)).isIn(a, b);
                assertThat(joined.join(a)).isEqualTo(joined);
                assertThat(joined.join(b)).isEqualTo(joined);
            }
        }
    }

    @Test
    void quotesKeysForMessages() {
        assertThat(JsonLinesProblem.quote("a.b")).isEqualTo("\"a.b\"");
        assertThat(JsonLinesProblem.quote("say \"hi\"\\\n\u007F")).isEqualTo("\"say \\\"hi\\\"\\\\\\u000A\\u007F\"");
    }
}
