package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.pipeline.Parameters;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.schema.Validator;
import dev.veracity.stats.PiiProtection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DriftCheck's thresholds and TFDV's drift comparators: the default and per-feature thresholds from the parameters,
 * put into a schema as TFDV's {@code drift_comparator} of each feature (L-infinity for a feature with string
 * statistics, Jensen-Shannon divergence for a numeric one; none for a feature the schema marks PII), and the drift
 * reasons of a validation with it.
 *
 * @param threshold  the threshold of every feature not named
 * @param perFeature the thresholds of named features
 */
record DriftThresholds(double threshold, Map<String, Double> perFeature) {
    /** The anomaly types of TFDV's drift comparators. */
    static final Set<AnomalyInfo.Type> DRIFT_TYPES = Set.of(
            AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH,
            AnomalyInfo.Type.COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH,
            AnomalyInfo.Type.COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH);

    DriftThresholds {
        perFeature = Map.copyOf(perFeature);
    }

    /**
     * {@return the thresholds the parameters {@code threshold} and {@code thresholds} set}
     *
     * @throws ConfigException naming the parameter if a threshold is not a number in [0, 1]
     */
    static DriftThresholds of(Parameters parameters) {
        double threshold = parameters.decimal("threshold").orElse(DriftCheck.DEFAULT_THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ConfigException("parameter threshold: expected a number in [0, 1], found " + threshold);
        }
        Map<String, Double> perFeature = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : parameters.map("thresholds").entrySet()) {
            double value;
            try {
                value = Double.parseDouble(entry.getValue().strip());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!(value >= 0 && value <= 1)) {
                throw new ConfigException("parameter thresholds: " + entry.getKey()
                        + ": expected a number in [0, 1], found " + entry.getValue());
            }
            perFeature.put(entry.getKey(), value);
        }
        return new DriftThresholds(threshold, perFeature);
    }

    /**
     * {@return the schema with a drift comparator on every feature the statistics describe}: a comparator the schema
     * already has is kept unless {@code thresholds} names the feature
     */
    Schema apply(Schema schema, DatasetFeatureStatisticsList current) {
        Set<String> pii = PiiProtection.features(schema);
        Schema.Builder builder = schema.toBuilder();
        for (Feature.Builder feature : builder.getFeatureBuilderList()) {
            String name = feature.getName();
            if (pii.contains(name)) {
                // TFDV's L-infinity anomaly names the value that moved most: never one of a PII feature.
                feature.clearDriftComparator();
                continue;
            }
            Double named = perFeature.get(name);
            if (feature.hasDriftComparator() && named == null) {
                continue;
            }
            Optional<FeatureNameStatistics> statistics = statistics(current, name);
            if (statistics.isEmpty()) {
                continue;
            }
            double value = named == null ? threshold : named;
            feature.clearDriftComparator();
            if (statistics.get().hasStringStats()) {
                feature.getDriftComparatorBuilder().getInfinityNormBuilder().setThreshold(value);
            } else if (statistics.get().hasNumStats()) {
                feature.getDriftComparatorBuilder()
                        .getJensenShannonDivergenceBuilder()
                        .setThreshold(value);
            }
        }
        return builder.build();
    }

    /** {@return the drift reasons of validating {@code current} against {@code previous} with the comparators} */
    static Anomalies driftOnly(
            Schema schema, DatasetFeatureStatisticsList current, DatasetFeatureStatisticsList previous) {
        Anomalies all = Validator.validate(current, schema).previous(previous).run();
        Anomalies.Builder drift =
                all.toBuilder().clearAnomalyInfo().clearDatasetAnomalyInfo().clearDataMissing();
        for (Map.Entry<String, AnomalyInfo> entry : all.getAnomalyInfoMap().entrySet()) {
            List<AnomalyInfo.Reason> reasons = entry.getValue().getReasonList().stream()
                    .filter(r -> DRIFT_TYPES.contains(r.getType()))
                    .toList();
            if (reasons.isEmpty()) {
                continue;
            }
            drift.putAnomalyInfo(
                    entry.getKey(),
                    entry.getValue().toBuilder()
                            .clearReason()
                            .addAllReason(reasons)
                            .setShortDescription(
                                    reasons.size() == 1 ? reasons.get(0).getShortDescription() : "Multiple errors")
                            .setDescription(reasons.stream()
                                    .map(AnomalyInfo.Reason::getDescription)
                                    .collect(Collectors.joining(" ")))
                            .build());
        }
        return drift.build();
    }

    private static Optional<FeatureNameStatistics> statistics(DatasetFeatureStatisticsList list, String name) {
        if (list.getDatasetsCount() == 0) {
            return Optional.empty();
        }
        return list.getDatasets(0).getFeaturesList().stream()
                .filter(f -> f.getName().equals(name)
                        || (f.getPath().getStepCount() == 1
                                && f.getPath().getStep(0).equals(name)))
                .findFirst();
    }
}
