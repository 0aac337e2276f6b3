package dev.veracity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;

/** Validation in one call, and assertions on what it found. */
final class AnomalyAssertions {
    private AnomalyAssertions() {}

    static Anomalies validate(DatasetFeatureStatisticsList stats, String schema) {
        return Validator.validate(stats, Stats.schema(schema)).run();
    }

    static Anomalies validate(DatasetFeatureStatisticsList stats, Schema schema) {
        return Validator.validate(stats, schema).run();
    }

    /**
     * Asserts that the only finding is one ERROR anomaly at {@code key} with a single reason of {@code type} whose
     * description mentions every one of {@code mentions}; returns the reason.
     */
    static AnomalyInfo.Reason onlyReason(Anomalies anomalies, String key, AnomalyInfo.Type type, String... mentions) {
        assertThat(anomalies.getAnomalyInfoMap()).as("anomalies %s", anomalies).containsOnlyKeys(key);
        assertThat(anomalies.hasDatasetAnomalyInfo()).isFalse();
        AnomalyInfo info = anomalies.getAnomalyInfoMap().get(key);
        assertThat(info.getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .as("%s", info)
                .containsExactly(type);
        assertThat(info.getSeverity()).isEqualTo(AnomalyInfo.Severity.ERROR);
        assertThat(info.getPath().getStepList()).isNotEmpty();
        AnomalyInfo.Reason reason = info.getReason(0);
        if (mentions.length > 0) {
            assertThat(reason.getDescription()).contains(mentions);
        }
        assertThat(reason.getShortDescription()).isNotBlank();
        assertThat(info.getShortDescription()).isEqualTo(reason.getShortDescription());
        assertThat(info.getDescription()).isEqualTo(reason.getDescription());
        return reason;
    }

    /** Asserts an ERROR anomaly at {@code key} with a reason of {@code type} among others; returns the reason. */
    static AnomalyInfo.Reason someReason(Anomalies anomalies, String key, AnomalyInfo.Type type, String... mentions) {
        assertThat(anomalies.getAnomalyInfoMap()).as("anomalies %s", anomalies).containsKey(key);
        AnomalyInfo info = anomalies.getAnomalyInfoMap().get(key);
        assertThat(info.getSeverity()).isEqualTo(AnomalyInfo.Severity.ERROR);
        AnomalyInfo.Reason reason = info.getReasonList().stream()
                .filter(r -> r.getType() == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + type + " in " + info));
        if (mentions.length > 0) {
            assertThat(reason.getDescription()).contains(mentions);
        }
        return reason;
    }

    /** Asserts that validation found nothing at all. */
    static void assertClean(Anomalies anomalies) {
        assertThat(anomalies.getAnomalyInfoMap()).as("anomalies").isEmpty();
        assertThat(anomalies.hasDatasetAnomalyInfo())
                .as("dataset anomalies %s", anomalies.getDatasetAnomalyInfo())
                .isFalse();
        assertThat(anomalies.getDataMissing()).isFalse();
    }

    /** Asserts that no reason anywhere has {@code type}. */
    static void assertNoReason(Anomalies anomalies, AnomalyInfo.Type type) {
        anomalies
                .getAnomalyInfoMap()
                .values()
                .forEach(info -> assertThat(info.getReasonList())
                        .extracting(AnomalyInfo.Reason::getType)
                        .as("%s", info)
                        .doesNotContain(type));
        assertThat(anomalies.getDatasetAnomalyInfo().getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .doesNotContain(type);
    }
}
