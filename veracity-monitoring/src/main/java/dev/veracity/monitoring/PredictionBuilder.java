package dev.veracity.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the text columns of {@link PredictionReader} into {@link Predictions}: classes sorted as numpy sorts them
 * (numbers by value, otherwise text by code point), the positive class of a scored label, numbers for regression.
 */
final class PredictionBuilder {
    /** Labels with more distinct numbers than this are a regression target when the task is detected. */
    static final int MAX_CLASSES = 20;

    /** numpy's order: numbers by value when both are numbers, else text. */
    static final Comparator<String> CLASS_ORDER = (a, b) -> {
        double x = PredictionReader.number(a);
        double y = PredictionReader.number(b);
        if (!Double.isNaN(x) && !Double.isNaN(y) && x != y) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    };

    private PredictionBuilder() {}

    /** {@return the task: the option's, or detected from the labels} */
    static Task task(PerformanceOptions options, List<PredictionReader.Rows> all) {
        if (!options.score().isEmpty() || !options.probabilities().isEmpty()) {
            return Task.CLASSIFICATION;
        }
        if (!options.detectTask()) {
            return options.task();
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (PredictionReader.Rows rows : all) {
            if (rows.nonNumericLabel) {
                return Task.CLASSIFICATION;
            }
            distinct.addAll(rows.labels);
        }
        return distinct.size() > MAX_CLASSES ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /** {@return the classes of all rows in sklearn's order} */
    static List<String> classes(PerformanceOptions options, List<PredictionReader.Rows> all) {
        TreeSet<String> classes = new TreeSet<>(CLASS_ORDER);
        for (PredictionReader.Rows rows : all) {
            if (rows.tooMany) {
                throw new dev.veracity.InputException(
                        dev.veracity.ErrorCode.PREDICTION_VALUE_INVALID,
                        "--label " + options.label() + ": expected at most " + PredictionReader.MAX_DISTINCT
                                + " classes, found more (--task regression for a number)");
            }
            classes.addAll(rows.labels);
            if (options.score().isEmpty()) {
                classes.addAll(rows.outputs);
            }
        }
        classes.addAll(options.probabilities().keySet()); // labels and predictions are among them (checked on reading)
        if (options.score().isEmpty()) {
            return new ArrayList<>(classes);
        }
        String positive = positive(options, classes);
        classes.add(positive);
        if (classes.size() > 2) {
            throw new dev.veracity.InputException(
                    dev.veracity.ErrorCode.PREDICTION_VALUE_INVALID,
                    "--label " + options.label() + ": expected two classes with --score, found " + classes.size() + " "
                            + classes);
        }
        if (classes.size() == 1) {
            classes.add(positive.equals("1") ? "0" : positive.equalsIgnoreCase("true") ? "false" : "not " + positive);
        }
        return new ArrayList<>(classes);
    }

    private static String positive(PerformanceOptions options, TreeSet<String> labels) {
        if (!options.positive().isEmpty()) {
            return options.positive();
        }
        for (String candidate : List.of("1", "true", "True", "TRUE")) {
            if (labels.contains(candidate)) {
                return candidate;
            }
        }
        if (labels.size() == 2) {
            return labels.last();
        }
        if (labels.size() == 1 && labels.first().equals("0")) {
            return "1";
        }
        if (labels.size() == 1 && labels.first().equalsIgnoreCase("false")) {
            return labels.first().equals("false") ? "true" : labels.first().equals("FALSE") ? "TRUE" : "True";
        }
        throw new dev.veracity.ConfigException(
                dev.veracity.ErrorCode.INVALID_OPTION,
                "--positive: expected the positive class of " + labels + " (no 1 or true among the labels)");
    }

    /** {@return a decoder of n spilled rows into predictions over the given classes} */
    static Decoder decoder(PerformanceOptions options, Task task, List<String> classes, int n) {
        return new Decoder(options, task, classes, n);
    }

    /** Turns spilled rows' text into {@link Predictions}, as the in-memory reader did. */
    static final class Decoder implements SpanSpill.Decoder {
        private final PerformanceOptions options;
        private final Task task;
        private final List<String> classes;
        private final Map<String, Integer> index = new HashMap<>();
        private final int[] label;
        private final int[] predicted;
        private final double[] values;
        private final double[] target;
        /** Per class, per row, its probability; empty without class probabilities. */
        private final double[][] probabilities;
        /** Per probability column in the spill (the options' class order), its class index. */
        private final int[] probabilityClass;

        private Decoder(PerformanceOptions options, Task task, List<String> classes, int n) {
            this.options = options;
            this.task = task;
            this.classes = classes;
            for (int c = 0; c < classes.size(); c++) {
                index.put(classes.get(c), c);
            }
            boolean regression = task == Task.REGRESSION;
            boolean scored = !options.score().isEmpty();
            label = new int[regression ? 0 : n];
            predicted = new int[regression || scored ? 0 : n];
            values = new double[regression || scored ? n : 0];
            target = new double[regression ? n : 0];
            probabilities = new double[options.probabilities().isEmpty() ? 0 : classes.size()][n];
            probabilityClass = options.probabilities().keySet().stream()
                    .mapToInt(index::get)
                    .toArray();
        }

        @Override
        public void add(
                int i,
                String labelText,
                String output,
                double[] probability,
                java.util.function.Supplier<String> place) {
            if (task == Task.REGRESSION) {
                target[i] = finite(labelText, place, options.label());
                values[i] = finite(output, place, options.prediction());
                return;
            }
            label[i] = index.get(labelText);
            for (int j = 0; j < probability.length; j++) {
                probabilities[probabilityClass[j]][i] = probability[j];
            }
            if (options.score().isEmpty()) {
                predicted[i] = index.get(output);
            } else {
                values[i] = PredictionReader.number(output);
            }
        }

        /** {@return the rows decoded} */
        Predictions predictions() {
            if (task == Task.REGRESSION) {
                return Predictions.regression(target, values);
            }
            if (options.score().isEmpty()) {
                return Predictions.classes(classes, label, predicted, probabilities);
            }
            String positiveName = options.positive().isEmpty() ? positiveOf(classes) : options.positive();
            return Predictions.binary(classes, classes.indexOf(positiveName), label, values, options.threshold());
        }
    }

    /** {@return the positive class of two classes without --positive: 1 or true if there, else the greater} */
    private static String positiveOf(List<String> classes) {
        for (String candidate : List.of("1", "true", "True", "TRUE")) {
            if (classes.contains(candidate)) {
                return candidate;
            }
        }
        return classes.get(classes.size() - 1);
    }

    private static double finite(String text, java.util.function.Supplier<String> place, String column) {
        double value = PredictionReader.number(text);
        if (!Double.isFinite(value)) {
            throw PredictionReader.invalid(place.get(), column, "a finite number (regression)", text);
        }
        return value;
    }
}
