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
        if (!options.score().isEmpty()) {
            return Task.CLASSIFICATION;
        }
        if (!options.detectTask()) {
            return options.task();
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (PredictionReader.Rows rows : all) {
            for (String label : rows.label) {
                if (Double.isNaN(PredictionReader.number(label))) {
                    return Task.CLASSIFICATION;
                }
                distinct.add(label);
            }
        }
        return distinct.size() > MAX_CLASSES ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /** {@return the classes of all rows in sklearn's order} */
    static List<String> classes(PerformanceOptions options, List<PredictionReader.Rows> all) {
        TreeSet<String> classes = new TreeSet<>(CLASS_ORDER);
        for (PredictionReader.Rows rows : all) {
            classes.addAll(rows.label);
            if (options.score().isEmpty()) {
                classes.addAll(rows.output);
            }
        }
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

    /** {@return the rows as predictions over the given classes} */
    static Predictions build(PerformanceOptions options, Task task, List<String> classes, PredictionReader.Rows rows) {
        int n = rows.label.size();
        if (task == Task.REGRESSION) {
            double[] target = new double[n];
            double[] estimate = new double[n];
            for (int i = 0; i < n; i++) {
                target[i] = finite(rows.label.get(i), rows.place.get(i), options.label());
                estimate[i] = finite(rows.output.get(i), rows.place.get(i), options.prediction());
            }
            return Predictions.regression(target, estimate);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = index.get(rows.label.get(i));
        }
        if (options.score().isEmpty()) {
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                predicted[i] = index.get(rows.output.get(i));
            }
            return Predictions.classes(classes, label, predicted);
        }
        String positiveName = options.positive().isEmpty() ? positiveOf(classes) : options.positive();
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = PredictionReader.number(rows.output.get(i));
        }
        return Predictions.binary(classes, classes.indexOf(positiveName), label, score, options.threshold());
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

    private static double finite(String text, String place, String column) {
        double value = PredictionReader.number(text);
        if (!Double.isFinite(value)) {
            throw PredictionReader.invalid(place, column, "a finite number (regression)", text);
        }
        return value;
    }
}
