package dev.veracity.labeling.propagate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPropagationTest {
    @TempDir
    Path dir;

    /** Two clusters far apart, one labeled row in each, and a categorical feature. */
    private Path clusters() throws IOException {
        return write(
                "data.csv",
                "x,y,color,kind",
                "0,0,red,cat",
                "0.1,0,red,",
                "0,0.2,red,",
                "0.2,0.1,red,",
                "10,10,blue,dog",
                "10.1,10,blue,",
                "10,10.2,blue,",
                "10.2,10.1,blue,");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static PropagationRequest request() {
        return PropagationRequest.of("kind")
                .withOptions(
                        PropagationOptions.defaults(PropagationMethod.SPREADING).withNeighbors(3));
    }

    @Test
    void labelsEachClusterAndWritesEveryColumnPlusTheLabel() throws IOException {
        PropagatedLabels labels = LabelPropagation.run(List.of(clusters()), TableOptions.DEFAULT, request());
        assertThat(labels.classes()).containsExactly("cat", "dog");
        assertThat(labels.givenCount()).isEqualTo(2);
        assertThat(labels.propagatedCount()).isEqualTo(6);
        Path out = dir.resolve("labeled.csv");
        labels.write(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("x,y,color,kind,label,label_confidence,label_source");
        assertThat(lines.get(1)).startsWith("0,0,red,cat,cat,").endsWith(",given");
        assertThat(lines.get(2)).startsWith("0.1,0,red,,cat,").endsWith(",propagated");
        assertThat(lines.get(6)).startsWith("10.1,10,blue,,dog,").endsWith(",propagated");
        assertThat(lines).hasSize(9);
    }

    @Test
    void minConfidenceLeavesALabelEmptyAndSameInputGivesSameBytes() throws IOException {
        Path data = write("mixed.csv", "x,kind", "0,a", "1,", "2,b", "3,", "4,");
        PropagatedLabels labels = LabelPropagation.run(
                List.of(data), TableOptions.DEFAULT, request().withMinConfidence(0.99));
        assertThat(labels.label(1)).isEmpty(); // between a and b: about half each
        assertThat(labels.source(1)).isEmpty();
        assertThat(labels.confidence(1)).isCloseTo(0.5, within(0.2));
        Path first = dir.resolve("1.csv");
        Path second = dir.resolve("2.csv");
        labels.write(first);
        LabelPropagation.run(List.of(data), TableOptions.DEFAULT, request().withMinConfidence(0.99))
                .write(second);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void aLabelColumnNamedLabelIsFilledInPlace() throws IOException {
        Path data = write("l.csv", "label,x", "a,0", ",0.1", "b,5", ",5.1");
        PropagatedLabels labels = LabelPropagation.run(
                List.of(data),
                TableOptions.DEFAULT,
                PropagationRequest.of("label")
                        .withOptions(PropagationOptions.defaults(PropagationMethod.PROPAGATION)
                                .withNeighbors(2)));
        Path out = dir.resolve("out.csv");
        labels.write(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("label,x,label_confidence,label_source");
        assertThat(lines.get(2)).isEqualTo("a,0.1,1,propagated");
        assertThat(lines.get(4)).isEqualTo("b,5.1,1,propagated");
    }

    @Test
    void aRowNoLabelReachesKeepsAnEmptyLabel() throws IOException {
        Path data = write("apart.csv", "x,kind", "0,a", "0.1,", "100,", "100.1,");
        PropagatedLabels labels = LabelPropagation.run(
                List.of(data),
                TableOptions.DEFAULT,
                PropagationRequest.of("kind")
                        .withOptions(PropagationOptions.defaults(PropagationMethod.PROPAGATION)
                                .withNeighbors(2)));
        assertThat(labels.label(1)).isEqualTo("a");
        assertThat(labels.label(2)).isEmpty();
        assertThat(labels.source(3)).isEmpty();
        assertThat(labels.confidence(3)).isZero();
        assertThat(labels.propagation().transduction(3)).isZero(); // scikit-learn's answer: the first class
    }

    @Test
    void badInputNamesTheRowOrTheColumn() throws IOException {
        Path text = write("t.csv", "x,kind", "1,a", "2,", "abc,b");
        assertThatThrownBy(() -> LabelPropagation.run(
                        List.of(text), TableOptions.DEFAULT, request().withFeatures(List.of("x"), List.of())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t.csv:4:x: expected a number")
                .hasMessageContaining("found 'abc'")
                .extracting(e -> ((InputException) e).errorCode())
                .isEqualTo(ErrorCode.FEATURE_TYPE_CONFLICT);
        Path empty = write("e.csv", "x,kind", "1,a", ",", "3,b");
        assertThatThrownBy(() -> LabelPropagation.run(
                        List.of(empty), TableOptions.DEFAULT, request().withFeatures(List.of("x"), List.of())))
                .hasMessageContaining("e.csv:3:x: expected a number")
                .hasMessageContaining("found an empty value");
        Path unlabeled = write("u.csv", "x,kind", "1,", "2,", "3,");
        assertThatThrownBy(() -> LabelPropagation.run(List.of(unlabeled), TableOptions.DEFAULT, request()))
                .hasMessageContaining("expected some rows with a label in column kind, found 3 rows, all unlabeled");
        assertThatThrownBy(() ->
                        LabelPropagation.run(List.of(clusters()), TableOptions.DEFAULT, PropagationRequest.of("nope")))
                .hasMessageContaining("expected a column nope (--label)");
        Path few = write("f.csv", "x,kind", "1,a", "2,");
        assertThatThrownBy(() -> LabelPropagation.run(List.of(few), TableOptions.DEFAULT, request()))
                .hasMessageContaining("--neighbors: expected at most the number of rows, 2, found 3");
        Path other = write("o.csv", "x,y,kind", "1,2,a");
        assertThatThrownBy(() -> LabelPropagation.run(List.of(clusters(), other), TableOptions.DEFAULT, request()))
                .hasMessageContaining("o.csv: expected the columns of");
    }

    @Test
    void classesSortNumericallyWhenEveryLabelIsANumber() {
        assertThat(LabelPropagation.classes(List.of("10", "", "9", "2.5"))).containsExactly("2.5", "9", "10");
        assertThat(LabelPropagation.classes(List.of("b", "10", "a"))).containsExactly("10", "a", "b");
    }
}
