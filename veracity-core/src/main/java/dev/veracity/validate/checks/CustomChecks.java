package dev.veracity.validate.checks;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ValueText;
import dev.veracity.format.CloseNames;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.schema.PathNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs custom {@link Check}s on a dataset's statistics (and the previous span's, for change bounds), and adds the
 * failed ones to anomalies as TFDV 1.17's {@code CUSTOM_VALIDATION}: on the feature's {@code anomaly_info}, or on
 * {@code dataset_anomaly_info} for a dataset metric. A metric the statistics cannot give fails its check with the
 * reason.
 *
 * <pre>{@code
 * List<CheckResult> results = CustomChecks.of(checks).previous(yesterday).evaluate(today);
 * Anomalies all = CustomChecks.addTo(schemaAnomalies, results);
 * }</pre>
 */
public final class CustomChecks {
    private final List<Check> checks;
    private DatasetFeatureStatistics previous;
    private java.time.Instant now;

    private CustomChecks(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** {@return a run of these checks} */
    public static CustomChecks of(List<Check> checks) {
        return new CustomChecks(Objects.requireNonNull(checks, "checks is null"));
    }

    /** {@return this run, with the previous span's statistics for the change bounds} */
    public CustomChecks previous(DatasetFeatureStatistics previousSpan) {
        this.previous = Objects.requireNonNull(previousSpan, "previousSpan is null");
        return this;
    }

    /** {@return this run, measuring freshness checks at {@code runTime}} (without it they cannot be computed) */
    public CustomChecks now(java.time.Instant runTime) {
        this.now = Objects.requireNonNull(runTime, "runTime is null");
        return this;
    }

    /**
     * {@return the result of each check, in order}
     *
     * @throws InputException at the check if it names a feature the statistics lack (naming the close ones), or
     *     bounds a change and no previous statistics were given
     */
    public List<CheckResult> evaluate(DatasetFeatureStatistics current) {
        StatisticsMetrics now = this.now == null
                ? StatisticsMetrics.of(current)
                : StatisticsMetrics.of(current).at(this.now);
        StatisticsMetrics before = previous == null ? null : StatisticsMetrics.of(previous);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            if (!check.feature().isEmpty() && now.feature(check.feature()).isEmpty()) {
                throw new InputException(
                        ErrorCode.CONFIG_FILE_INVALID,
                        prefix(check) + "expected a feature of the statistics, found \"" + check.feature() + "\""
                                + CloseNames.hint(check.feature(), now.featureNames()));
            }
            if (check.change().isBounded() && before == null) {
                throw new InputException(
                        ErrorCode.CONFIG_FILE_INVALID,
                        prefix(check) + "expected previous statistics (--previous) for the change of "
                                + check.measured() + ", found none");
            }
            results.add(evaluate(check, now, before));
        }
        return results;
    }

    private static CheckResult evaluate(Check check, StatisticsMetrics now, StatisticsMetrics before) {
        MetricValue value = now.value(check.feature(), check.metric(), check.q());
        MetricValue old = check.change().isBounded()
                ? before.value(check.feature(), check.metric(), check.q())
                : MetricValue.unavailable("no change bounded");
        List<String> failures = new ArrayList<>();
        if (!value.isAvailable()) {
            failures.add("could not be computed: " + value.unavailable());
        } else {
            double v = value.value();
            if (check.hasBounds() && !(v >= check.min() && v <= check.max())) {
                failures.add("expected " + check.bounds() + ", found " + ValueText.of(v));
            }
            if (check.change().isBounded()) {
                if (!old.isAvailable()) {
                    failures.add("change could not be computed: previous " + old.unavailable());
                } else {
                    double moved = check.change().measure(old.value(), v);
                    if (!(moved <= check.change().limit())) {
                        failures.add("expected a " + kind(check.change()) + " change of at most "
                                + ValueText.of(check.change().limit()) + " from the previous "
                                + ValueText.of(old.value()) + ", found " + ValueText.of(v) + " (a change of "
                                + ValueText.of(moved) + ")");
                    }
                }
            }
        }
        String description = failures.isEmpty()
                ? ""
                : "Check " + check.measured() + " " + constraint(check)
                        + (check.where().isEmpty() ? "" : " (" + check.where() + ")") + " failed: "
                        + String.join("; ", failures) + ".";
        return new CheckResult(check, value, old, failures.isEmpty(), description);
    }

    private static String constraint(Check check) {
        List<String> parts = new ArrayList<>();
        if (check.hasBounds()) {
            parts.add(check.bounds());
        }
        if (check.change().isBounded()) {
            parts.add(kind(check.change()) + " change <= "
                    + ValueText.of(check.change().limit()));
        }
        return String.join(", ", parts);
    }

    private static String kind(Change change) {
        return switch (change.kind()) {
            case NONE, ABSOLUTE -> "absolute";
            case RELATIVE -> "relative";
        };
    }

    private static String prefix(Check check) {
        return check.where().isEmpty() ? "" : check.where() + ": ";
    }

    /**
     * {@return {@code anomalies} with a {@code CUSTOM_VALIDATION} reason for each failed check}: added to the
     * feature's anomaly info (created if absent; its severity raised to the check's), or to the dataset's
     */
    public static Anomalies addTo(Anomalies anomalies, List<CheckResult> results) {
        Anomalies.Builder builder = anomalies.toBuilder();
        if (!anomalies.hasAnomalyNameFormat()) {
            builder.setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH);
        }
        for (CheckResult result : results) {
            if (result.passed()) {
                continue;
            }
            Check check = result.check();
            AnomalyInfo.Reason reason = AnomalyInfo.Reason.newBuilder()
                    .setType(AnomalyInfo.Type.CUSTOM_VALIDATION)
                    .setShortDescription("Custom check failed: " + check.measured())
                    .setDescription(result.description())
                    .build();
            if (check.feature().isEmpty()) {
                builder.setDatasetAnomalyInfo(add(
                        builder.hasDatasetAnomalyInfo() ? builder.getDatasetAnomalyInfo() : null,
                        reason,
                        check.severity()));
            } else {
                AnomalyInfo existing = builder.getAnomalyInfoMap().get(check.feature());
                AnomalyInfo info = add(existing, reason, check.severity());
                if (existing == null) {
                    info = info.toBuilder()
                            .setPath(PathNames.of(
                                    PathNames.parse(check.feature()).toArray(String[]::new)))
                            .build();
                }
                builder.putAnomalyInfo(check.feature(), info);
            }
        }
        return builder.build();
    }

    private static AnomalyInfo add(AnomalyInfo existing, AnomalyInfo.Reason reason, AnomalyInfo.Severity severity) {
        if (existing == null) {
            return AnomalyInfo.newBuilder()
                    .setSeverity(severity)
                    .setShortDescription(reason.getShortDescription())
                    .setDescription(reason.getDescription())
                    .addReason(reason)
                    .build();
        }
        AnomalyInfo.Severity raised =
                existing.getSeverity().getNumber() >= severity.getNumber() ? existing.getSeverity() : severity;
        return existing.toBuilder()
                .setSeverity(raised)
                .setShortDescription("Multiple errors")
                .setDescription(existing.getDescription() + " " + reason.getDescription())
                .addReason(reason)
                .build();
    }
}
