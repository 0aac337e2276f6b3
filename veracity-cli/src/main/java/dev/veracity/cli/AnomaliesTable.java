package dev.veracity.cli;

import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anomalies as people read them: a summary line, then per feature its severity and each reason's type, short and
 * long description. Features in name order, the dataset's own findings first.
 */
final class AnomaliesTable {
    String render(Anomalies anomalies, Path statistics, Path schema) {
        StringBuilder text = new StringBuilder();
        if (anomalies.getDataMissing()) {
            return text.append(statistics).append(": no examples (data_missing): nothing else was checked against ")
                    .append(schema).append('\n').toString();
        }
        Map<String, AnomalyInfo> entries = new TreeMap<>(anomalies.getAnomalyInfoMap());
        List<Map.Entry<String, AnomalyInfo>> all = new ArrayList<>();
        if (anomalies.hasDatasetAnomalyInfo()) {
            all.add(Map.entry("(dataset)", anomalies.getDatasetAnomalyInfo()));
        }
        all.addAll(entries.entrySet());
        if (all.isEmpty()) {
            return text.append("No anomalies: ").append(statistics).append(" conforms to ").append(schema)
                    .append('\n').toString();
        }
        long errors = all.stream().filter(e -> e.getValue().getSeverity() == AnomalyInfo.Severity.ERROR).count();
        text.append(all.size()).append(all.size() == 1 ? " anomaly" : " anomalies").append(" (").append(errors)
                .append(errors == 1 ? " error, " : " errors, ").append(all.size() - errors)
                .append(all.size() - errors == 1 ? " warning" : " warnings").append(") in ").append(statistics)
                .append(", checked against ").append(schema).append("\n\n");
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
