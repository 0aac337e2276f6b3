import dev.veracity.labeling.active.ActiveQuery;
import dev.veracity.labeling.active.Committee;
import dev.veracity.labeling.active.FeaturePoints;
import dev.veracity.labeling.active.QueryOptions;
import dev.veracity.labeling.active.QueueItem;
import dev.veracity.labeling.active.Strategy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The active-learning simulation of bench/active-learning: scikit-learn's digits (1,797 8x8 images, 10 classes),
 * a seeded 70/30 pool/test split, 20 random labels to start, then rounds of BATCH queries per strategy (Veracity's
 * ActiveQuery, the library `veracity label query` runs) until BUDGET labels, a simulated oracle that answers with the
 * true digit, and a multinomial logistic regression trained by full-batch gradient descent after each round. The
 * committee strategies use three models trained on bootstrap resamples of the labeled set (query by bagging).
 * Prints test accuracy per strategy against the number of labels, averaged over SEEDS splits.
 *
 * Usage: java -cp "veracity-cli/target/veracity-cli.jar:veracity-cli/target/lib/*" Simulation.java DIGITS.csv.gz
 *        [BUDGET] [BATCH] [SEEDS]
 */
public class Simulation {
    static final int CLASSES = 10;
    static final int FEATURES = 64;
    static final int EPOCHS = 150;
    static final double RATE = 0.5;
    static final double L2 = 1e-3;
    static final int START = 20;

    public static void main(String[] args) throws Exception {
        Path digits = Path.of(args[0]);
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<double[]> rows = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(digits)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                double[] x = new double[FEATURES];
                for (int f = 0; f < FEATURES; f++) {
                    x[f] = Double.parseDouble(cells[f]) / 16.0;
                }
                rows.add(x);
                targets.add((int) Double.parseDouble(cells[FEATURES]));
            }
        }
        Strategy[] strategies = Strategy.values();
        int points = (budget - START) / batch + 1;
        double[][] accuracy = new double[strategies.length][points];
        for (int seed = 0; seed < seeds; seed++) {
            int[] order = shuffled(rows.size(), new SplittableRandom(1000 + seed));
            int test = rows.size() * 3 / 10;
            int[] testRows = java.util.Arrays.copyOfRange(order, 0, test);
            int[] pool = java.util.Arrays.copyOfRange(order, test, order.length);
            for (int s = 0; s < strategies.length; s++) {
                double[] curve = run(strategies[s], rows, targets, pool, testRows, budget, batch, seed);
                for (int p = 0; p < points; p++) {
                    accuracy[s][p] += curve[p] / seeds;
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-7s", "labels"));
        for (Strategy s : strategies) {
            out.append(String.format(Locale.ROOT, " %20s", name(s)));
        }
        out.append('\n');
        for (int p = 0; p < points; p++) {
            out.append(String.format(Locale.ROOT, "%-7d", START + p * batch));
            for (int s = 0; s < strategies.length; s++) {
                out.append(String.format(Locale.ROOT, " %20.4f", accuracy[s][p]));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-7s", "mean"));
        for (int s = 0; s < strategies.length; s++) {
            double mean = 0;
            for (double a : accuracy[s]) {
                mean += a / points;
            }
            out.append(String.format(Locale.ROOT, " %20.4f", mean));
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-7s", ">=0.90"));
        for (int s = 0; s < strategies.length; s++) {
            int reached = -1;
            for (int p = 0; p < points && reached < 0; p++) {
                reached = accuracy[s][p] >= 0.90 ? START + p * batch : -1;
            }
            out.append(String.format(Locale.ROOT, " %20s", reached < 0 ? "not reached" : reached + " labels"));
        }
        System.out.println(out);
    }

    static String name(Strategy s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static double[] run(
            Strategy strategy, List<double[]> rows, List<Integer> targets, int[] pool, int[] testRows, int budget,
            int batch, int seed) {
        List<Integer> labeled = new ArrayList<>();
        List<Integer> unlabeled = new ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            (i < START ? labeled : unlabeled).add(pool[i]);
        }
        List<Double> curve = new ArrayList<>();
        SplittableRandom bootstrap = new SplittableRandom(7 + seed);
        while (true) {
            double[] model = train(rows, targets, labeled, null);
            curve.add(accuracy(model, rows, targets, testRows));
            if (labeled.size() >= budget) {
                break;
            }
            List<double[]> members = new ArrayList<>();
            if (strategy.needsCommittee()) {
                for (int m = 0; m < 3; m++) {
                    members.add(predict(train(rows, targets, labeled, bootstrap), rows, unlabeled));
                }
            } else {
                members.add(predict(model, rows, unlabeled));
            }
            List<String> ids = new ArrayList<>();
            for (int row : unlabeled) {
                ids.add(String.format("%04d", row));
            }
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < CLASSES; c++) {
                classes.add(Integer.toString(c));
            }
            QueryOptions options = QueryOptions.DEFAULT.withSeed(seed * 31L + labeled.size());
            if (strategy.needsFeatures()) {
                List<String> all = new ArrayList<>(ids);
                double[] values = new double[(unlabeled.size() + labeled.size()) * FEATURES];
                int r = 0;
                for (int row : unlabeled) {
                    System.arraycopy(rows.get(row), 0, values, r++ * FEATURES, FEATURES);
                }
                for (int row : labeled) {
                    all.add("L" + row);
                    System.arraycopy(rows.get(row), 0, values, r++ * FEATURES, FEATURES);
                }
                options = options.withPoints(new FeaturePoints(all, FEATURES, values));
            }
            List<QueueItem> queue = ActiveQuery.select(
                    new Committee(ids, classes, members), strategy, Math.min(batch, budget - labeled.size()), options);
            for (QueueItem item : queue) { // the simulated oracle: the true digit becomes known
                Integer row = Integer.valueOf(item.id());
                labeled.add(row);
                unlabeled.remove(row);
            }
        }
        return curve.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Multinomial logistic regression, full-batch gradient descent from zero; a bootstrap resample if asked. */
    static double[] train(List<double[]> rows, List<Integer> targets, List<Integer> labeled, SplittableRandom resample) {
        List<Integer> sample = labeled;
        if (resample != null) {
            sample = new ArrayList<>();
            for (int i = 0; i < labeled.size(); i++) {
                sample.add(labeled.get(resample.nextInt(labeled.size())));
            }
        }
        int width = FEATURES + 1;
        double[] w = new double[CLASSES * width];
        double[] gradient = new double[w.length];
        double[] p = new double[CLASSES];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Arrays.fill(gradient, 0);
            for (int row : sample) {
                double[] x = rows.get(row);
                softmax(w, x, p);
                p[targets.get(row)] -= 1;
                for (int c = 0; c < CLASSES; c++) {
                    for (int f = 0; f < FEATURES; f++) {
                        gradient[c * width + f] += p[c] * x[f];
                    }
                    gradient[c * width + FEATURES] += p[c];
                }
            }
            for (int i = 0; i < w.length; i++) {
                w[i] -= RATE * (gradient[i] / sample.size() + L2 * w[i]);
            }
        }
        return w;
    }

    static void softmax(double[] w, double[] x, double[] p) {
        int width = FEATURES + 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double z = w[c * width + FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                z += w[c * width + f] * x[f];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            p[c] /= sum;
        }
    }

    static double[] predict(double[] w, List<double[]> rows, List<Integer> which) {
        double[] out = new double[which.size() * CLASSES];
        double[] p = new double[CLASSES];
        for (int i = 0; i < which.size(); i++) {
            softmax(w, rows.get(which.get(i)), p);
            System.arraycopy(p, 0, out, i * CLASSES, CLASSES);
        }
        return out;
    }

    static double accuracy(double[] w, List<double[]> rows, List<Integer> targets, int[] testRows) {
        double[] p = new double[CLASSES];
        int right = 0;
        for (int row : testRows) {
            softmax(w, rows.get(row), p);
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = p[c] > p[best] ? c : best;
            }
            right += best == targets.get(row) ? 1 : 0;
        }
        return (double) right / testRows.length;
    }

    static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
