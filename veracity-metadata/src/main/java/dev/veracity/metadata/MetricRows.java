package dev.veracity.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric history's SQL: spans in the order they were first recorded ({@code veracity_span}), one value per span,
 * feature and metric ({@code veracity_metric}). Recording a span again replaces its values and keeps its place.
 */
final class MetricRows {
    private final Sql sql;

    MetricRows(Sql sql) {
        this.sql = sql;
    }

    Void record(String span, List<RecordedMetric> metrics) throws SQLException {
        long spanId = spanId(span);
        sql.update("DELETE FROM veracity_metric WHERE span_id = ?", spanId);
        try (PreparedStatement insert = sql.connection()
                .prepareStatement(
                        "INSERT INTO veracity_metric (span_id, feature, metric, value) VALUES (?, ?, ?, ?)")) {
            for (RecordedMetric metric : metrics) {
                insert.setLong(1, spanId);
                insert.setString(2, metric.feature());
                insert.setString(3, metric.metric());
                insert.setDouble(4, metric.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    private long spanId(String span) throws SQLException {
        try (PreparedStatement select = sql.prepare("SELECT id FROM veracity_span WHERE name = ?", span);
                ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
                return rows.getLong(1);
            }
        }
        return sql.insert(
                "INSERT INTO veracity_span (name, create_time) VALUES (?, ?)", span, System.currentTimeMillis());
    }

    List<MetricPoint> series(String feature, String metric) throws SQLException {
        List<MetricPoint> points = new ArrayList<>();
        try (PreparedStatement select = sql.prepare(
                        "SELECT s.name, m.value FROM veracity_metric m JOIN veracity_span s ON s.id = m.span_id "
                                + "WHERE m.feature = ? AND m.metric = ? ORDER BY s.id",
                        feature,
                        metric);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                points.add(new MetricPoint(rows.getString(1), rows.getDouble(2)));
            }
        }
        return points;
    }

    List<MetricSeries> names() throws SQLException {
        List<MetricSeries> names = new ArrayList<>();
        try (PreparedStatement select =
                        sql.prepare("SELECT DISTINCT feature, metric FROM veracity_metric ORDER BY feature, metric");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(new MetricSeries(rows.getString(1), rows.getString(2)));
            }
        }
        return names;
    }

    List<String> spans() throws SQLException {
        List<String> spans = new ArrayList<>();
        try (PreparedStatement select = sql.prepare("SELECT name FROM veracity_span ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                spans.add(rows.getString(1));
            }
        }
        return spans;
    }
}
