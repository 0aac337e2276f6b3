package dev.veracity.labeling.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitteeTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void alignsMembersByIdAndClassName() throws IOException {
        Path a = write("a.csv", "id,p_x,p_y\n1,0.2,0.8\n2,1,0\n");
        Path b = write("b.csv", "p_y,id,p_x\n0.5,2,0.5\n0.1,1,0.9\n");
        Committee c = Committee.read(List.of(a, b), "id", TableOptions.DEFAULT);
        assertThat(c.ids()).containsExactly("1", "2");
        assertThat(c.classes()).containsExactly("x", "y");
        assertThat(c.probability(1, 0, 0)).isEqualTo(0.9);
        assertThat(c.consensus(1, 1)).isEqualTo(0.25);
    }

    @Test
    void refusesBadSumsRepeatedIdsAndMismatchedFilesWithTheRow() throws IOException {
        Path sum = write("sum.csv", "id,p_x,p_y\n1,0.2,0.8\n2,0.5,0.4\n");
        assertThatThrownBy(() -> Committee.read(List.of(sum), "id", TableOptions.DEFAULT))
                .hasMessageContaining(
                        "sum.csv:3: expected probabilities summing to 1 (within 1e-6), found a sum of 0.9");
        Path repeated = write("rep.csv", "id,p_x,p_y\n1,0.2,0.8\n1,0.5,0.5\n");
        assertThatThrownBy(() -> Committee.read(List.of(repeated), "id", TableOptions.DEFAULT))
                .hasMessageContaining("rep.csv:3: expected unique item ids, found 1 again (first at ")
                .hasMessageContaining("rep.csv:2)");
        Path text = write("text.csv", "id,p_x,p_y\n1,high,0.8\n");
        assertThatThrownBy(() -> Committee.read(List.of(text), "id", TableOptions.DEFAULT))
                .hasMessageContaining("text.csv:2:p_x: expected a probability in [0, 1], found 'high'");
        Path ok = write("ok.csv", "id,p_x,p_y\n1,0.2,0.8\n2,0.5,0.5\n");
        Path fewer = write("fewer.csv", "id,p_x,p_y\n1,0.2,0.8\n");
        assertThatThrownBy(() -> Committee.read(List.of(ok, fewer), "id", TableOptions.DEFAULT))
                .hasMessageContaining(
                        "fewer.csv: expected the item ids of the first predictions file, found no row for 2");
        Path classes = write("classes.csv", "id,p_x,p_z\n1,0.2,0.8\n2,0.5,0.5\n");
        assertThatThrownBy(() -> Committee.read(List.of(ok, classes), "id", TableOptions.DEFAULT))
                .hasMessageContaining("expected the classes of");
        Path none = write("none.csv", "id,x\n1,2\n");
        assertThatThrownBy(() -> Committee.read(List.of(none), "id", TableOptions.DEFAULT))
                .hasMessageContaining("expected probability columns p_<class>");
    }

    @Test
    void featurePointsAreStandardizedAndABadValueNamesTheLine() throws IOException {
        Path data = write("points.csv", "id,x,y\na,1,5\nb,3,5\n");
        FeaturePoints points = FeaturePoints.read(data, "id", List.of("x", "y"), TableOptions.DEFAULT);
        assertThat(points.values()).containsExactly(-1, 0, 1, 0); // y is constant: centered, scale 1
        Path bad = write("bad.csv", "id,x\na,1\nb,zz\n");
        assertThatThrownBy(() -> FeaturePoints.read(bad, "id", List.of("x"), TableOptions.DEFAULT))
                .hasMessageContaining("bad.csv:3:x: expected a number, found 'zz'");
        Path repeated = write("rep.csv", "id,x\na,1\na,2\n");
        assertThatThrownBy(() -> FeaturePoints.read(repeated, "id", List.of("x"), TableOptions.DEFAULT))
                .hasMessageContaining("rep.csv:3: expected unique ids, found a again");
    }
}
