package dev.veracity.labeling.weak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The YAML file of labeling functions: every matcher applied to a real file, and errors at file:line:column. */
class LabelingFunctionFileTest {
    @TempDir
    Path dir;

    private static final String FUNCTIONS = """
            labels: [negative, positive]
            functions:
              - name: kw_great
                column: text
                label: positive
                keywords: [great, "love it"]
              - name: re_refund
                column: text
                label: negative
                regex: "(?i)refund(ed)?"
              - name: low_stars
                column: stars
                label: negative
                range: {max: 2}
              - name: vip
                column: tier
                label: positive
                values: [gold, "007"]
              - name: recalled
                column: product
                label: negative
                lookup: recalled.txt
              - name: old_model
                column: model
                from_column: {pos: positive, neg: negative}
            """;

    @Test
    void everyMatcherVotesOrAbstainsRowByRow() throws IOException {
        Files.writeString(dir.resolve("recalled.txt"), "# recalled products\nP-7\n\nP-9\n");
        Path lfs = Files.writeString(dir.resolve("lfs.yaml"), FUNCTIONS);
        Path data = Files.writeString(dir.resolve("data.csv"), """
                id,text,stars,tier,product,model
                1,Great phone,5,gold,P-1,pos
                2,greatest phone ever,1,silver,P-7,neg
                3,I love it. Refunded anyway,2.5,007,P-2,
                4,,,7,P-9,maybe
                """);
        LabelingFunctions functions = LabelingFunctionFile.read(lfs);
        assertThat(functions.labels()).containsExactly("negative", "positive");
        assertThat(functions.origin("vip")).isEqualTo("labeling function vip at " + lfs + ":15:5");
        LabelMatrix matrix = LabelMatrix.apply(List.of(data), TableOptions.DEFAULT, functions, "id");
        int[][] expected = {
            {1, -1, -1, 1, -1, 1}, // "Great" is a whole word; 5 stars; gold
            {-1, -1, 0, -1, 0, 0}, // "greatest" is not "great"; 1 star; P-7 recalled
            {1, 0, -1, 1, -1, -1}, // phrase "love it", "Refunded", 2.5 > 2; "007" as written; empty model
            {-1, -1, -1, -1, 0, -1} // missing text and stars; "7" is not "007"; "maybe" not in the map
        };
        assertThat(matrix.rows()).isEqualTo(4);
        assertThat(matrix.ids()).containsExactly("1", "2", "3", "4");
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(matrix.vote(i, j))
                        .as("row %d, %s", i, functions.functions().get(j).name())
                        .isEqualTo(expected[i][j]);
            }
        }
    }

    @Test
    void aFunctionOnAMissingColumnNamesTheFunctionAndWhereItWasDeclared() throws IOException {
        Path lfs = Files.writeString(
                dir.resolve("lfs.yaml"),
                "labels: [a, b]\nfunctions:\n" + "  - {name: f, column: body, label: a, values: [x]}\n");
        Path data = Files.writeString(dir.resolve("data.csv"), "text\nx\n");
        assertThatThrownBy(() -> LabelMatrix.apply(List.of(data), TableOptions.DEFAULT, LabelingFunctionFile.read(lfs)))
                .isInstanceOf(InputException.class)
                .hasMessage(data + ": expected a column body (labeling function f at " + lfs + ":3:5), found only "
                        + "[text]");
    }

    @Test
    void aRepeatedRowIdIsRefusedWithBothRecords() throws IOException {
        Path lfs = Files.writeString(
                dir.resolve("lfs.yaml"),
                "labels: [a, b]\nfunctions:\n" + "  - {name: f, column: text, label: a, values: [x]}\n");
        Path data = Files.writeString(dir.resolve("data.csv"), "id,text\n1,x\n2,y\n1,z\n");
        assertThatThrownBy(() ->
                        LabelMatrix.apply(List.of(data), TableOptions.DEFAULT, LabelingFunctionFile.read(lfs), "id"))
                .hasMessage(data + ": record 3: column id: expected a unique row id, found '1' again (first at " + data
                        + ": record 1)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "labels: [a, b]\\nfunctions:\\n  - {name: f, colum: t, label: a, values: [x]}"
                        + "=>3:15: expected a known key, found \"colum\"; did you mean column, from_column?",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: c, values: [x]}"
                        + "=>3:33: expected one of the labels [a, b], found \"c\"",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, values: [x], regex: y}"
                        + "=>3:5: expected one matcher of keywords, regex, range, values, lookup, from_column, found 2 "
                        + "(regex, values)",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a}"
                        + "=>3:5: expected one matcher of keywords, regex, range, values, lookup, from_column, found none",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, regex: '(x'}"
                        + "=>3:43: expected a regular expression, found \"(x\" (Unclosed group at index 2)",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, range: {min: 3, max: 1}}"
                        + "=>3:43: expected min <= max, found min 3.0, max 1.0",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, lookup: nope.txt}"
                        + "=>3:44: expected a file of values, found no file ",
                "labels: [a]\\nfunctions:\\n  - {name: f, column: t, label: a, values: [x]}"
                        + "=>1:9: expected 2 to 127 labels, found 1 labels",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, values: [x]}\\n"
                        + "  - {name: f, column: t, label: b, values: [y]}"
                        + "=>4:12: expected a name not used before, found \"f\" (first at ",
                "labels: [a, b]\\nfunctions:\\n  - {name: 'f|g', column: t, label: a, values: [x]}"
                        + "=>3:12: expected a name of letters, digits, _, . and -, found \"f|g\"",
                "labels: [a, b]\\nfunctions:\\n  - {name: f, column: t, label: a, from_column: {x: a}}"
                        + "=>3:33: expected no label with from_column (its map gives the labels), found one",
                "labels: [a, b]\\nfuncs: []=>2:1: expected one of functions, labels, found \"funcs\"",
            })
    void errorsNameFileLineAndColumn(String yaml, String message) throws IOException {
        Path lfs = Files.writeString(dir.resolve("lfs.yaml"), yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> LabelingFunctionFile.read(lfs))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(lfs + ":" + message);
    }
}
