package dev.veracity.monitoring;

import dev.veracity.drift.ChiSquareDistribution;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells covariate shift (P(x) moved) from concept shift (P(y|x) moved) between a baseline and a current labeled
 * dataset, with prior shift (P(y)) beside: per feature a marginal test (KS or chi-squared) and a conditional test
 * within shared bins, and a logistic model of y on all features (standardized numbers and bin indicators; a softmax
 * model, {@link MulticlassCheck}, for three or more classes): trained on the baseline, its calibration and accuracy on held-out baseline rows and on the current rows, and a
 * likelihood-ratio test of one model for both datasets against one for each. All p-values are Holm-adjusted as one
 * family. Concept shift is decided by the likelihood-ratio test when the model is calibrated on held-out baseline rows
 * (Hosmer-Lemeshow p >= alpha), else by the per-bin tests.
 *
 * <pre>{@code
 * ShiftReport report = new ShiftDiagnosis(ShiftOptions.of("completed"), TableOptions.DEFAULT).diagnose(before, after);
 * }</pre>
 */
public final class ShiftDiagnosis {
    private static final double HELD_OUT = 0.3;
    /** Just enough ridge to keep Newton's steps finite on separable bins; small against the log-likelihood. */
    private static final double RIDGE = 1e-3;
    /**
     * The softmax model has a weight vector per class, twice the binary model's parameters for three classes, and
     * overfits the bin indicators with the binary model's ridge: on 3,000 fresh rows of the training distribution its
     * Hosmer-Lemeshow p-values fell below 1e-4 with ridge 1e-3 and 1, not with 10 (C = 0.1).
     */
    private static final double MULTICLASS_RIDGE = 10;

    private final ShiftOptions options;
    private final TableOptions tableOptions;

    /** A diagnosis with these options, reading files with these table options. */
    public ShiftDiagnosis(ShiftOptions options, TableOptions tableOptions) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.tableOptions = Objects.requireNonNull(tableOptions, "tableOptions is null");
    }

    /** {@return the diagnosis of the two files} @throws dev.veracity.InputException for a missing column or label */
    public ShiftReport diagnose(Path baselineFile, Path currentFile) throws IOException {
        List<String> features = ShiftData.features(baselineFile, tableOptions, options.label(), options.features());
        ShiftData.features(currentFile, tableOptions, options.label(), features);
        List<Boolean> a = ShiftData.numericTypes(baselineFile, tableOptions, features);
        List<Boolean> b = ShiftData.numericTypes(currentFile, tableOptions, features);
        List<Boolean> numeric = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            numeric.add(a.get(f) && b.get(f));
        }
        ShiftData base = ShiftData.read(baselineFile, tableOptions, options.label(), features, numeric);
        ShiftData cur = ShiftData.read(currentFile, tableOptions, options.label(), features, numeric);
        return diagnose(base, cur);
    }

    private ShiftReport diagnose(ShiftData base, ShiftData cur) {
        TreeSet<String> classSet = new TreeSet<>(PredictionBuilder.CLASS_ORDER);
        classSet.addAll(base.label);
        classSet.addAll(cur.label);
        List<String> classes = new ArrayList<>(classSet);
        List<ShiftTests.Outcome> outcomes = new ArrayList<>();
        outcomes.add(ShiftTests.chiSquare(classCounts(base, classes), classCounts(cur, classes)));
        List<String> features = base.featureNames;
        for (int f = 0; f < features.size(); f++) {
            outcomes.add(
                    base.numeric.get(f)
                            ? ShiftTests.kolmogorovSmirnov(base.numbers.get(f), cur.numbers.get(f))
                            : ShiftTests.categorical(base.texts.get(f), cur.texts.get(f)));
        }
        List<FeatureBins> bins = new ArrayList<>();
        List<List<ShiftReport.Bin>> binRows = new ArrayList<>();
        long[] dropped = new long[features.size()];
        int rateClass = classes.size() == 2 ? positive(classes) : 0;
        for (int f = 0; f < features.size(); f++) {
            FeatureBins fb = FeatureBins.of(base, cur, f, options.minRows());
            bins.add(fb);
            double[][][] counts = new double[fb.count()][2][classes.size()];
            dropped[f] = count(base, f, fb, classes, counts, 0) + count(cur, f, fb, classes, counts, 1);
            double statistic = 0;
            double dof = 0;
            List<ShiftReport.Bin> rows = new ArrayList<>();
            for (int k = 0; k < fb.count(); k++) {
                ShiftTests.Outcome within = ShiftTests.chiSquare(counts[k][0], counts[k][1]);
                statistic += within.statistic();
                dof += within.dof();
                double nA = Arrays.stream(counts[k][0]).sum();
                double nB = Arrays.stream(counts[k][1]).sum();
                rows.add(new ShiftReport.Bin(
                        fb.names().get(k),
                        (long) nA,
                        (long) nB,
                        nA == 0 ? 0 : counts[k][0][rateClass] / nA,
                        nB == 0 ? 0 : counts[k][1][rateClass] / nB));
            }
            binRows.add(rows);
            outcomes.add(new ShiftTests.Outcome(
                    "chi2", statistic, dof, dof == 0 ? 1 : ChiSquareDistribution.survival(statistic, dof)));
        }
        ModelRun model = classes.size() >= 2 ? model(base, cur, bins, classes) : null;
        if (model != null) {
            outcomes.add(model.likelihoodRatio());
        }
        double[] p = outcomes.stream().mapToDouble(ShiftTests.Outcome::pValue).toArray();
        double[] adjusted = MultipleTesting.holm(p);
        int at = 0;
        ShiftReport.Test priorTest = test(outcomes.get(at), adjusted[at++]);
        Map<String, ShiftReport.Test> marginal = new TreeMap<>();
        boolean covariate = false;
        for (String feature : features) {
            ShiftReport.Test t = test(outcomes.get(at), adjusted[at++]);
            marginal.put(feature, t);
            covariate |= t.drift();
        }
        Map<String, ShiftReport.Conditional> conditional = new TreeMap<>();
        boolean binsSayConcept = false;
        for (int f = 0; f < features.size(); f++) {
            ShiftReport.Test t = test(outcomes.get(at), adjusted[at++]);
            conditional.put(features.get(f), new ShiftReport.Conditional(t, binRows.get(f), dropped[f]));
            binsSayConcept |= t.drift();
        }
        ShiftReport.ModelCheck check;
        boolean concept;
        String decidedBy;
        if (model != null) {
            ShiftReport.Test t = test(outcomes.get(at), adjusted[at]);
            boolean conclusive = model.heldOut.pValue() >= options.alpha();
            check = new ShiftReport.ModelCheck("", model.heldOut, model.current, conclusive, t);
            concept = conclusive ? t.drift() : binsSayConcept;
            decidedBy = conclusive ? "model" : "bins";
        } else {
            ShiftReport.Evaluation none = new ShiftReport.Evaluation(0, 0, 0, 0, 0, 0, 0, 1);
            check = new ShiftReport.ModelCheck(
                    "the model check needs two or more classes, found " + classes.size(),
                    none,
                    none,
                    false,
                    new ShiftReport.Test("likelihood_ratio", 0, 0, 1, 1, false));
            concept = binsSayConcept;
            decidedBy = "bins";
        }
        Map<String, Double> priorBase = shares(base, classes);
        Map<String, Double> priorCur = shares(cur, classes);
        return new ShiftReport(
                options,
                ShiftReport.Verdict.of(covariate, concept),
                decidedBy,
                base.rows(),
                cur.rows(),
                new ShiftReport.Prior(priorTest, priorBase, priorCur),
                marginal,
                conditional,
                check);
    }

    private ShiftReport.Test test(ShiftTests.Outcome outcome, double adjusted) {
        return new ShiftReport.Test(
                outcome.test(),
                outcome.statistic(),
                outcome.dof(),
                outcome.pValue(),
                adjusted,
                adjusted < options.alpha());
    }

    private static int positive(List<String> classes) {
        for (String candidate : List.of("1", "true", "True", "TRUE")) {
            if (classes.contains(candidate)) {
                return classes.indexOf(candidate);
            }
        }
        return 1;
    }

    private static double[] classCounts(ShiftData data, List<String> classes) {
        double[] counts = new double[classes.size()];
        for (String y : data.label) {
            counts[classes.indexOf(y)]++;
        }
        return counts;
    }

    private static Map<String, Double> shares(ShiftData data, List<String> classes) {
        double[] counts = classCounts(data, classes);
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            shares.put(classes.get(c), counts[c] / data.rows());
        }
        return shares;
    }

    /** Adds each row's class to its bin's counts; {@return the rows left out} */
    private static long count(
            ShiftData data, int feature, FeatureBins bins, List<String> classes, double[][][] counts, int side) {
        long dropped = 0;
        Map<String, Integer> index = new TreeMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        for (int r = 0; r < data.rows(); r++) {
            int bin = bins.binOf(data, feature, r);
            if (bin < 0) {
                dropped++;
            } else {
                counts[bin][side][index.get(data.label.get(r))]++;
            }
        }
        return dropped;
    }

    /** The model check's evaluations and its likelihood-ratio test. */
    record ModelRun(
            ShiftReport.Evaluation heldOut, ShiftReport.Evaluation current, ShiftTests.Outcome likelihoodRatio) {}

    private ModelRun model(ShiftData base, ShiftData cur, List<FeatureBins> bins, List<String> classes) {
        ModelDesign design = new ModelDesign(base, bins);
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int r = 0; r < base.rows(); r++) {
            (random.nextDouble() < HELD_OUT ? held : train).add(r);
        }
        if (classes.size() > 2) {
            return MulticlassCheck.run(design, base, cur, classes, train, held, MULTICLASS_RIDGE);
        }
        String positive = classes.get(positive(classes));
        double[][] x = new double[train.size()][];
        int[] y = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            x[i] = design.row(base, train.get(i));
            y[i] = base.label.get(train.get(i)).equals(positive) ? 1 : 0;
        }
        LogisticModel model = LogisticModel.fit(x, y, RIDGE);
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < cur.rows(); r++) {
            all.add(r);
        }
        return new ModelRun(
                evaluate(model, design, base, held, positive),
                evaluate(model, design, cur, all, positive),
                likelihoodRatio(design, base, cur, positive));
    }

    /**
     * {@return the likelihood-ratio (Chow) test of one model for both datasets against a model for each: 2 (LL_base +
     * LL_current - LL_pooled), chi-squared with as many degrees of freedom as the model has parameters. It compares
     * P(y|x) where the datasets' x are (the fits see each dataset's own rows), so it is blind to P(x)}
     */
    private static ShiftTests.Outcome likelihoodRatio(
            ModelDesign design, ShiftData base, ShiftData cur, String positive) {
        double[][] xb = new double[base.rows()][];
        int[] yb = new int[base.rows()];
        for (int r = 0; r < base.rows(); r++) {
            xb[r] = design.row(base, r);
            yb[r] = base.label.get(r).equals(positive) ? 1 : 0;
        }
        double[][] xc = new double[cur.rows()][];
        int[] yc = new int[cur.rows()];
        for (int r = 0; r < cur.rows(); r++) {
            xc[r] = design.row(cur, r);
            yc[r] = cur.label.get(r).equals(positive) ? 1 : 0;
        }
        double[][] xp = new double[xb.length + xc.length][];
        int[] yp = new int[xp.length];
        System.arraycopy(xb, 0, xp, 0, xb.length);
        System.arraycopy(xc, 0, xp, xb.length, xc.length);
        System.arraycopy(yb, 0, yp, 0, yb.length);
        System.arraycopy(yc, 0, yp, yb.length, yc.length);
        LogisticModel pooled = LogisticModel.fit(xp, yp, RIDGE);
        LogisticModel alone = LogisticModel.fit(xb, yb, RIDGE);
        LogisticModel now = LogisticModel.fit(xc, yc, RIDGE);
        double statistic = Math.max(
                0, 2 * (alone.logLikelihood(xb, yb) + now.logLikelihood(xc, yc) - pooled.logLikelihood(xp, yp)));
        int dof = pooled.parameters();
        return new ShiftTests.Outcome(
                "likelihood_ratio", statistic, dof, ChiSquareDistribution.survival(statistic, dof));
    }

    private static ShiftReport.Evaluation evaluate(
            LogisticModel model, ModelDesign design, ShiftData data, List<Integer> rows, String positive) {
        int n = rows.size();
        if (n == 0) {
            return new ShiftReport.Evaluation(0, 0, 0, 0, 0, 0, 0, 1);
        }
        double[][] pairs = new double[n][2];
        double correct = 0;
        double logLoss = 0;
        double meanP = 0;
        double rate = 0;
        for (int i = 0; i < n; i++) {
            int r = rows.get(i);
            double p = model.probability(design.row(data, r));
            int y = data.label.get(r).equals(positive) ? 1 : 0;
            pairs[i][0] = p;
            pairs[i][1] = y;
            correct += (p >= 0.5) == (y == 1) ? 1 : 0;
            double q = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
            logLoss -= y == 1 ? Math.log(q) : Math.log(1 - q);
            meanP += p;
            rate += y;
        }
        Arrays.sort(pairs, (u, v) -> Double.compare(u[0], v[0]));
        double[] hl = Calibration.hosmerLemeshow(pairs);
        return new ShiftReport.Evaluation(n, correct / n, logLoss / n, meanP / n, rate / n, hl[0], hl[1], hl[2]);
    }
}
