package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The softmax regression against scikit-learn's {@code LogisticRegression(multi_class='multinomial')} fitted to
 * convergence on iris and wine (golden.py): same penalized objective, so the same class probabilities on held-out rows
 * within 1e-6.
 */
class MultinomialModelTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void probabilitiesAgreeWithScikitLearn() throws IOException {
        List<Map<String, Object>> cases = Golden.cases("multinomial.json");
        assertThat(cases).hasSize(4);
        for (Map<String, Object> golden : cases) {
            double[][] x = Golden.matrix(golden, "train_x");
            int[] y = Golden.ints(golden, "train_y");
            int classes = (int) (double) (Double) golden.get("classes");
            double ridge = (Double) golden.get("ridge");
            MultinomialModel model = MultinomialModel.fit(x, y, classes, ridge);
            double[][] test = Golden.matrix(golden, "test_x");
            double[][] expected = Golden.matrix(golden, "probabilities");
            for (int i = 0; i < test.length; i++) {
                double[] p = model.probabilities(test[i]);
                for (int c = 0; c < classes; c++) {
                    assertThat(p[c])
                            .as("%s row %d class %d", golden.get("name"), i, c)
                            .isCloseTo(expected[i][c], within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void sameRowsGiveTheSameModel() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[300][2];
        int[] y = new int[300];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble() * 4 - 2;
            x[i][1] = random.nextDouble() * 4 - 2;
            y[i] = x[i][0] + 0.3 * random.nextDouble() > 0.5 ? 2 : x[i][1] > 0 ? 1 : 0;
        }
        double[] a = MultinomialModel.fit(x, y, 3, 1e-3).probabilities(new double[] {0.2, -0.4});
        double[] b = MultinomialModel.fit(x, y, 3, 1e-3).probabilities(new double[] {0.2, -0.4});
        assertThat(a).containsExactly(b);
        assertThat(a[0] + a[1] + a[2]).isCloseTo(1, within(1e-12));
    }
}
