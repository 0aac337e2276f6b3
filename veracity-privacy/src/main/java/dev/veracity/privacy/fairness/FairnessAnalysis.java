package dev.veracity.privacy.fairness;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Representation and label balance per group of a dataset, in one pass: group sizes and shares (against a reference
 * distribution if given), class imbalance, positive-label rate per group and the difference in positive proportions
 * (DPL), KL and Jensen-Shannon divergences and total variation distance between each group's label distribution and
 * the rest's, and missing-value rates per group and feature; then the thresholds they cross.
 *
 * <pre>{@code
 * FairnessReport r = FairnessAnalysis.of(List.of("sex"), "approved").withReference(Map.of("F", 0.5, "M", 0.5))
 *         .analyze(Path.of("loans.csv"));
 * }</pre>
 *
 * @param groupBy    the group-by features (crossed when several)
 * @param label      the label feature
 * @param positive   the positive label, if given; else 1, true or yes when the label has only those two values
 * @param reference  expected share per group (empty: compare groups with the largest)
 * @param thresholds when a finding is raised
 * @param tableOptions how to read CSV input
 */
public record FairnessAnalysis(
        List<String> groupBy,
        String label,
        Optional<String> positive,
        Map<String, Double> reference,
        FairnessThresholds thresholds,
        TableOptions tableOptions) {
    public FairnessAnalysis {
        groupBy = List.copyOf(groupBy);
        if (groupBy.isEmpty()) {
            throw new ConfigException("--group-by: expected at least one feature, found none");
        }
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(positive, "positive is null");
        reference = Map.copyOf(reference);
        for (Map.Entry<String, Double> entry : reference.entrySet()) {
            if (!(entry.getValue() > 0 && entry.getValue() <= 1)) {
                throw new ConfigException(
                        "--reference " + entry.getKey() + "=" + entry.getValue() + ": expected a share in (0, 1]");
            }
        }
        double sum =
                reference.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 + 1e-9) {
            throw new ConfigException("--reference: expected shares summing to at most 1, found " + sum);
        }
        Objects.requireNonNull(thresholds, "thresholds is null");
        Objects.requireNonNull(tableOptions, "tableOptions is null");
    }

    /** {@return an analysis with the default thresholds and no reference} */
    public static FairnessAnalysis of(List<String> groupBy, String label) {
        return new FairnessAnalysis(
                groupBy, label, Optional.empty(), Map.of(), FairnessThresholds.DEFAULT, TableOptions.DEFAULT);
    }

    /** {@return this analysis with a reference share per group} */
    public FairnessAnalysis withReference(Map<String, Double> newReference) {
        return new FairnessAnalysis(groupBy, label, positive, newReference, thresholds, tableOptions);
    }

    /** {@return this analysis with the positive label set} */
    public FairnessAnalysis withPositive(String newPositive) {
        return new FairnessAnalysis(groupBy, label, Optional.of(newPositive), reference, thresholds, tableOptions);
    }

    /** {@return this analysis with other thresholds} */
    public FairnessAnalysis withThresholds(FairnessThresholds newThresholds) {
        return new FairnessAnalysis(groupBy, label, positive, reference, newThresholds, tableOptions);
    }

    /** {@return this analysis reading CSV with other options} */
    public FairnessAnalysis withTableOptions(TableOptions newTableOptions) {
        return new FairnessAnalysis(groupBy, label, positive, reference, thresholds, newTableOptions);
    }

    /**
     * {@return the report of a plain CSV or JSON Lines file}
     *
     * @throws ConfigException if a feature is missing, or the label is not binary and no positive value is given
     *                         (only for what needs one: the positive rate and DPL are then NaN, not an error)
     */
    public FairnessReport analyze(Path file) throws IOException {
        GroupCounts counts = new GroupCounts(groupBy, label);
        long rows = 0;
        try (Table table = Table.open(file, tableOptions.withCsvAsText(true))) {
            int[] groupColumns = new int[groupBy.size()];
            for (int i = 0; i < groupBy.size(); i++) {
                groupColumns[i] = table.require(groupBy.get(i), "--group-by", ErrorCode.INVALID_OPTION);
            }
            counts.start(table.names(), groupColumns, table.require(label, "--label", ErrorCode.INVALID_OPTION));
            for (Optional<RecordBatch> batch = table.next(); batch.isPresent(); batch = table.next()) {
                counts.add(batch.get());
                rows += batch.get().rowCount();
            }
        }
        return report(file, rows, counts);
    }

    private FairnessReport report(Path file, long rows, GroupCounts counts) {
        Map<String, GroupCounts.Group> groups = counts.groups();
        Set<String> labels = new TreeSet<>();
        groups.values().forEach(g -> labels.addAll(g.labels.keySet()));
        Optional<String> positiveLabel = positive.isPresent() ? positive : binaryPositive(labels);
        long withGroup = rows - counts.rowsWithoutGroup();
        long largest = groups.values().stream().mapToLong(g -> g.rows).max().orElse(0);
        List<String> features = counts.features();
        Map<String, Long> allLabels = new HashMap<>();
        long allRows = 0;
        long[] allMissing = new long[features.size()];
        for (GroupCounts.Group g : groups.values()) {
            g.labels.forEach((l, n) -> allLabels.merge(l, n, Long::sum));
            allRows += g.rows;
            for (int f = 0; f < features.size(); f++) {
                allMissing[f] += g.missing[f];
            }
        }
        List<GroupMetrics> metrics = new ArrayList<>();
        List<FairnessFinding> findings = new ArrayList<>();
        for (Map.Entry<String, GroupCounts.Group> entry : groups.entrySet()) {
            String name = entry.getKey();
            GroupCounts.Group g = entry.getValue();
            Map<String, Long> rest = new HashMap<>(allLabels);
            g.labels.forEach((l, n) -> rest.merge(l, -n, Long::sum));
            rest.values().removeIf(n -> n == 0);
            long restRows = allRows - g.rows;
            double share = withGroup == 0 ? Double.NaN : (double) g.rows / withGroup;
            double referenceShare = reference.getOrDefault(name, Double.NaN);
            double imbalance = (double) (largest - g.rows) / (largest + g.rows);
            double rate = rate(g.labels, positiveLabel);
            double restRate = rate(rest, positiveLabel);
            boolean comparable = !g.labels.isEmpty() && !rest.isEmpty();
            double kl = comparable ? LabelDistances.kullbackLeibler(rest, g.labels) : Double.NaN;
            double js = comparable ? LabelDistances.jensenShannon(rest, g.labels) : Double.NaN;
            double tvd = comparable ? LabelDistances.totalVariation(rest, g.labels) : Double.NaN;
            Map<String, Double> missingRates = new LinkedHashMap<>();
            Map<String, Double> missingGaps = new LinkedHashMap<>();
            for (int f = 0; f < features.size(); f++) {
                double groupRate = (double) g.missing[f] / g.rows;
                missingRates.put(features.get(f), groupRate);
                if (restRows > 0) {
                    missingGaps.put(features.get(f), groupRate - (double) (allMissing[f] - g.missing[f]) / restRows);
                }
            }
            GroupMetrics m = new GroupMetrics(
                    name,
                    g.rows,
                    share,
                    referenceShare,
                    imbalance,
                    rate,
                    restRate - rate,
                    kl,
                    js,
                    tvd,
                    (double) g.labelMissing / g.rows,
                    g.labels,
                    missingRates,
                    missingGaps);
            metrics.add(m);
            findings.addAll(check(m, positiveLabel.isPresent(), labels.size()));
        }
        for (String expected : reference.keySet()) {
            if (!groups.containsKey(expected)) {
                findings.add(new FairnessFinding(
                        String.join("|", groupBy),
                        expected,
                        "Under-represented group",
                        "no rows, reference share " + format(reference.get(expected))));
            }
        }
        metrics.sort(Comparator.comparingLong(GroupMetrics::rows).reversed().thenComparing(GroupMetrics::group));
        return new FairnessReport(
                file, groupBy, label, positiveLabel, rows, counts.rowsWithoutGroup(), metrics, thresholds, findings);
    }

    private List<FairnessFinding> check(GroupMetrics m, boolean binary, int labelCount) {
        List<FairnessFinding> findings = new ArrayList<>();
        String grouping = String.join("|", groupBy);
        if (!Double.isNaN(m.referenceShare())) {
            double ratio = m.share() / m.referenceShare();
            if (ratio < thresholds.minShareRatio()) {
                findings.add(new FairnessFinding(
                        grouping,
                        m.group(),
                        "Under-represented group",
                        "share "
                                + format(m.share()) + " (" + m.rows() + " rows), reference "
                                + format(m.referenceShare())
                                + ": ratio " + format(ratio) + " below " + format(thresholds.minShareRatio())));
            }
        } else if (reference.isEmpty() && m.classImbalance() > thresholds.maxClassImbalance()) {
            findings.add(new FairnessFinding(
                    grouping,
                    m.group(),
                    "Under-represented group",
                    "class imbalance "
                            + format(m.classImbalance()) + " against the largest group (" + m.rows() + " rows), above "
                            + format(thresholds.maxClassImbalance())));
        }
        if (m.rows() < thresholds.minGroupSize()) {
            return findings;
        }
        if (binary && !Double.isNaN(m.dpl()) && m.dpl() > thresholds.maxDpl()) {
            findings.add(new FairnessFinding(
                    label,
                    m.group(),
                    "Label rate gap",
                    "positive rate "
                            + format(m.positiveRate()) + " against " + format(m.positiveRate() + m.dpl())
                            + " for the rest: difference in positive proportions " + format(m.dpl()) + ", above "
                            + format(thresholds.maxDpl())));
        } else if (!binary && labelCount > 1 && !Double.isNaN(m.tvd()) && m.tvd() > thresholds.maxTvd()) {
            findings.add(new FairnessFinding(
                    label,
                    m.group(),
                    "Label distribution gap",
                    "total variation distance "
                            + format(m.tvd()) + " from the rest's labels (JS " + format(m.js()) + "), above "
                            + format(thresholds.maxTvd())));
        }
        m.missingGaps().forEach((feature, gap) -> {
            if (gap > thresholds.maxMissingGap() && !groupBy.contains(feature)) {
                findings.add(new FairnessFinding(
                        feature,
                        m.group(),
                        "Missing values gap",
                        "missing in "
                                + format(m.missingRates().get(feature)) + " of the group's rows, "
                                + format(m.missingRates().get(feature) - gap) + " of the rest's: gap " + format(gap)
                                + " above " + format(thresholds.maxMissingGap())));
            }
        });
        return findings;
    }

    private static double rate(Map<String, Long> labels, Optional<String> positiveLabel) {
        long total = labels.values().stream().mapToLong(Long::longValue).sum();
        if (positiveLabel.isEmpty() || total == 0) {
            return Double.NaN;
        }
        return (double) labels.getOrDefault(positiveLabel.get(), 0L) / total;
    }

    /** The positive value of a label whose values are among {0, 1}, {false, true} or {no, yes}. */
    private static Optional<String> binaryPositive(Set<String> labels) {
        for (String[] pair :
                new String[][] {{"0", "1"}, {"false", "true"}, {"no", "yes"}, {"False", "True"}, {"N", "Y"}}) {
            if (!labels.isEmpty() && Set.of(pair).containsAll(labels)) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
