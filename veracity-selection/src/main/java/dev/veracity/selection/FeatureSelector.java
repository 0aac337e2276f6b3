package dev.veracity.selection;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Scores every feature of one or more tables against a label column in one pass (two when AUTO must count an INT
 * label's values), then ranks and selects them.
 *
 * <pre>{@code
 * SelectionReport report = new FeatureSelector(SelectionOptions.of("species"), TableOptions.DEFAULT)
 *         .select(List.of(Path.of("iris.csv")));
 * }</pre>
 */
public final class FeatureSelector {
    private final SelectionOptions options;
    private final TableOptions tableOptions;

    /** @param options what to select; @param tableOptions how to read the files */
    public FeatureSelector(SelectionOptions options, TableOptions tableOptions) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.tableOptions = Objects.requireNonNull(tableOptions, "tableOptions is null");
    }

    /**
     * {@return the ranking of the files' features against the label}
     *
     * @throws InputException INVALID_OPTION if a file lacks the label, the label is missing on every row or
     *                        constant, or the task does not fit its type; FEATURE_TYPE_CONFLICT if a feature is
     *                        numeric in one file and categorical in another; the readers' errors
     * @throws IOException    if reading fails
     */
    public SelectionReport select(List<Path> files) throws IOException {
        return run(files, null);
    }

    /**
     * {@return the ranking, as {@link #select(List)}, with TFDV's lift of every categorical feature against the
     * label counted into {@code lift} in the same pass}
     *
     * @throws InputException INVALID_OPTION if the label is numeric (regression): lift needs label values
     */
    public SelectionReport select(List<Path> files, LiftAccumulator lift) throws IOException {
        return run(files, Objects.requireNonNull(lift, "lift is null"));
    }

    private SelectionReport run(List<Path> files, LiftAccumulator lift) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files is empty");
        }
        FeatureType labelType;
        try (Table table = Table.open(files.get(0), tableOptions)) {
            labelType = table.types().get(table.require(options.label(), "--label", ErrorCode.INVALID_OPTION));
        }
        Task task = resolve(labelType, files);
        if (lift != null) {
            if (task != Task.CLASSIFICATION) {
                throw new InputException(
                        ErrorCode.INVALID_OPTION,
                        files.get(0) + ": --lift: expected a categorical label (classification), found "
                                + options.label() + " scored as regression");
            }
            lift.label(options.label(), labelType == FeatureType.INT);
        }
        LabelState label = new LabelState();
        Map<String, FeatureAccumulator> features = new LinkedHashMap<>();
        Redundancy redundancy = new Redundancy();
        for (Path file : files) {
            read(file, task, label, features, redundancy, null, lift);
        }
        label.check(files.get(0), options.label(), task);
        FeatureScoring scoring =
                new FeatureScoring(options.methods(), SelectionOptions.LEAKAGE_STRENGTH, options.serving());
        List<FeatureResult> results = new ArrayList<>();
        for (FeatureAccumulator feature : features.values()) {
            results.add(scoring.score(feature));
        }
        List<FeatureResult> ranked = options.ranking().rank(results, redundancy);
        Map<String, Double> stability = new TreeMap<>();
        if (options.bootstrap() > 0) {
            Map<String, Integer> counts = new HashMap<>();
            Set<String> blocked = new HashSet<>();
            for (FeatureResult f : results) {
                if (f.isBlocked()) {
                    blocked.add(f.name());
                }
            }
            for (int b = 0; b < options.bootstrap(); b++) {
                for (String name : resample(files, task, b, blocked)) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
            for (FeatureResult f : ranked) {
                stability.put(f.name(), counts.getOrDefault(f.name(), 0) / (double) options.bootstrap());
            }
        }
        return new SelectionReport(options.label(), task, label.rows(), ranked, List.of(), stability);
    }

    /**
     * {@return the features selected on resample b: every row weighted by a Poisson(1) draw (the row counted that many
     * times) from a stream seeded by the seed and b, in reading order; none when the resample's label is constant}
     * Features blocked on the whole data (constant, near-constant, ID-like, leakage) stay out: a resample repeats
     * rows, so its distinct counts say nothing about identifiers.
     */
    private List<String> resample(List<Path> files, Task task, int b, Set<String> blocked) throws IOException {
        SplittableRandom random = new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (b + 1L)));
        LabelState label = new LabelState();
        Map<String, FeatureAccumulator> features = new LinkedHashMap<>();
        Redundancy redundancy = new Redundancy();
        for (Path file : files) {
            read(file, task, label, features, redundancy, random, null);
        }
        if (!label.isUsable(task)) {
            return List.of();
        }
        FeatureScoring scoring =
                new FeatureScoring(options.methods(), SelectionOptions.LEAKAGE_STRENGTH, options.serving());
        List<FeatureResult> results = new ArrayList<>();
        for (FeatureAccumulator feature : features.values()) {
            if (!blocked.contains(feature.name())) {
                results.add(scoring.score(feature));
            }
        }
        List<String> selected = new ArrayList<>();
        for (FeatureResult f : options.ranking().rank(results, redundancy)) {
            if (f.selected()) {
                selected.add(f.name());
            }
        }
        return selected;
    }

    /** {@return a Poisson(1) draw by inversion} */
    private static int poisson(SplittableRandom random) {
        double u = random.nextDouble();
        double p = Math.exp(-1);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 100) {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
    }

    private Task resolve(FeatureType labelType, List<Path> files) throws IOException {
        boolean text = labelType == FeatureType.STRING;
        return switch (options.task()) {
            case CLASSIFICATION -> Task.CLASSIFICATION;
            case REGRESSION -> {
                if (text) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            files.get(0) + ": --task regression: expected" + " a numeric label " + options.label()
                                    + ", found STRING");
                }
                yield Task.REGRESSION;
            }
            case AUTO ->
                switch (labelType) {
                    case STRING -> Task.CLASSIFICATION;
                    case FLOAT -> Task.REGRESSION;
                    case INT ->
                        labelValues(files) <= SelectionOptions.MAX_AUTO_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
                };
        };
    }

    /** {@return the distinct values of the label, counted up to one more than MAX_AUTO_CLASSES} */
    private int labelValues(List<Path> files) throws IOException {
        Set<String> values = new HashSet<>();
        for (Path file : files) {
            try (Table table = Table.open(file, tableOptions)) {
                int index = table.require(options.label(), "--label", ErrorCode.INVALID_OPTION);
                for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                    Column column = b.get().columns().get(index);
                    for (int r = 0; r < column.rowCount(); r++) {
                        int v = single(column, r);
                        if (v >= 0
                                && values.add(ValueText.of(column, v))
                                && values.size() > SelectionOptions.MAX_AUTO_CLASSES) {
                            return values.size();
                        }
                    }
                }
            }
        }
        return values.size();
    }

    private void read(
            Path file,
            Task task,
            LabelState label,
            Map<String, FeatureAccumulator> features,
            Redundancy redundancy,
            SplittableRandom resample,
            LiftAccumulator lift)
            throws IOException {
        try (Table table = Table.open(file, tableOptions)) {
            int labelIndex = table.require(options.label(), "--label", ErrorCode.INVALID_OPTION);
            List<FeatureAccumulator> columns = new ArrayList<>();
            for (int c = 0; c < table.names().size(); c++) {
                columns.add(
                        c == labelIndex
                                ? null
                                : feature(
                                        file,
                                        table.names().get(c),
                                        table.types().get(c),
                                        task,
                                        features));
            }
            boolean classification = task == Task.CLASSIFICATION;
            for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                RecordBatch batch = b.get();
                Column labelColumn = batch.columns().get(labelIndex);
                int rows = batch.rowCount();
                String[] classes = new String[rows];
                double[] values = new double[rows];
                boolean[] labelled = new boolean[rows];
                int[] weights = new int[rows];
                for (int r = 0; r < rows; r++) {
                    weights[r] = resample == null ? 1 : poisson(resample);
                    int v = single(labelColumn, r);
                    if (v < 0 || weights[r] == 0) {
                        continue;
                    }
                    if (classification) {
                        classes[r] = label.canonical(ValueText.of(labelColumn, v));
                        labelled[r] = true;
                    } else {
                        values[r] = number(labelColumn, v);
                        labelled[r] = !Double.isNaN(values[r]);
                    }
                    for (int w = 0; labelled[r] && w < weights[r]; w++) {
                        if (classification) {
                            label.addClass(classes[r]);
                        } else {
                            label.addValue(values[r]);
                        }
                    }
                }
                for (int c = 0; c < columns.size(); c++) {
                    FeatureAccumulator feature = columns.get(c);
                    if (feature != null) {
                        add(feature, batch.columns().get(c), classes, values, labelled, weights);
                    }
                }
                redundancy.addBatch(batch, columns, labelled, weights);
                if (lift != null) {
                    lift.addBatch(batch, columns, classes, labelled);
                }
            }
        }
    }

    private FeatureAccumulator feature(
            Path file, String name, FeatureType type, Task task, Map<String, FeatureAccumulator> features) {
        Kind kind = type == FeatureType.STRING || options.categoricalInts().contains(name)
                ? Kind.CATEGORICAL
                : Kind.NUMERIC;
        FeatureAccumulator existing = features.get(name);
        if (existing == null) {
            existing = new FeatureAccumulator(
                    name, kind, task, options.spearmanRows(), options.miSample(), options.seed());
            features.put(name, existing);
        } else if (existing.kind() != kind) {
            throw new InputException(
                    ErrorCode.FEATURE_TYPE_CONFLICT,
                    file + ": expected feature " + name + " to be " + existing.kind()
                            + " as in the earlier files, found " + type);
        }
        return existing;
    }

    private static void add(
            FeatureAccumulator feature,
            Column column,
            String[] classes,
            double[] values,
            boolean[] labelled,
            int[] weights) {
        boolean numeric = feature.kind() == Kind.NUMERIC;
        boolean classification = feature.task() == Task.CLASSIFICATION;
        for (int r = 0; r < labelled.length; r++) {
            for (int w = 0; labelled[r] && w < weights[r]; w++) {
                addRow(feature, column, r, classes, values, numeric, classification);
            }
        }
    }

    private static void addRow(
            FeatureAccumulator feature,
            Column column,
            int r,
            String[] classes,
            double[] values,
            boolean numeric,
            boolean classification) {
        int v = single(column, r);
        feature.addRow(column.present()[r]);
        if (v < 0) {
            return;
        }
        if (numeric) {
            double x = number(column, v);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return;
            }
            if (column instanceof IntColumn ints) {
                feature.addIntValue(ints.values()[v]);
            }
            if (classification) {
                feature.addNumericClass(x, classes[r]);
            } else {
                feature.addNumericValue(x, values[r]);
            }
        } else if (classification) {
            feature.addCategoricalClass(ValueText.of(column, v), classes[r]);
        } else {
            feature.addCategoricalValue(ValueText.of(column, v), values[r]);
        }
    }

    /** {@return the index of row r's only value, or -1 if the row is missing or has several values} */
    static int single(Column column, int r) {
        int start = column.rowOffsets()[r];
        return column.present()[r] && column.rowOffsets()[r + 1] - start == 1 ? start : -1;
    }

    static double number(Column column, int v) {
        if (column instanceof IntColumn ints) {
            return ints.values()[v];
        }
        if (column instanceof FloatColumn floats) {
            return floats.values()[v];
        }
        throw new IllegalArgumentException("not a numeric column: " + column.name() + " "
                + (column instanceof StringColumn ? "STRING" : column.type()));
    }
}
