package dev.veracity.cli;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anomalies as people read them: a summary line, then per feature its severity and each reason's type, short and
 * long description. Features in name order, the dataset's own findings first.
 */
final class AnomaliesTable {
    /** {@return the anomalies as text; {@code source} says what was checked, e.g. "eval.pb, checked against s"} */
    String render(Anomalies anomalies, String source) {
        StringBuilder text = new StringBuilder();
        if (anomalies.getDataMissing()) {
            return text.append("No examples (data_missing) in ").append(source).append(": nothing else was checked\n")
                    .toString();
        }
        Map<String, AnomalyInfo> entries = new TreeMap<>(anomalies.getAnomalyInfoMap());
        List<Map.Entry<String, AnomalyInfo>> all = new ArrayList<>();
        if (anomalies.hasDatasetAnomalyInfo()) {
            all.add(Map.entry("(dataset)", anomalies.getDatasetAnomalyInfo()));
        }
        all.addAll(entries.entrySet());
        if (all.isEmpty()) {
            return text.append("No anomalies in ").append(source).append('\n').toString();
        }
        long errors = all.stream().filter(e -> e.getValue().getSeverity() == AnomalyInfo.Severity.ERROR).count();
        text.append(all.size()).append(all.size() == 1 ? " anomaly" : " anomalies").append(" (").append(errors)
                .append(errors == 1 ? " error, " : " errors, ").append(all.size() - errors)
                .append(all.size() - errors == 1 ? " warning" : " warnings").append(") in ").append(source)
                .append("\n\n");
        for (Map.Entry<String, AnomalyInfo> entry : all) {
            AnomalyInfo info = entry.getValue();
            text.append(entry.getKey()).append("  ").append(info.getSeverity()).append('\n');
            for (AnomalyInfo.Reason reason : info.getReasonList()) {
                text.append("  ").append(reason.getType()).append(": ").append(reason.getShortDescription())
                        .append('\n').append("    ").append(reason.getDescription()).append('\n');
            }
        }
        return text.toString();
    }
}
