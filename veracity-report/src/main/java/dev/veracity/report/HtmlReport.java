package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.io.AtomicFiles;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline HTML report: one self-contained page showing statistics side by side with their schema and anomalies.
 *
 * <pre>{@code
 * HtmlReport.builder().statistics("train", train).statistics("eval", eval).schema(schema).anomalies(anomalies)
 *         .build().write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    /** Values kept per categorical feature and dataset unless the builder says otherwise. */
    public static final int DEFAULT_MAX_TOP_VALUES = 50;

    private final ReportModel model;

    private HtmlReport(ReportModel model) {
        this.model = model;
    }

    /** {@return a builder of a report} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return what the page shows} */
    public ReportModel model() {
        return model;
    }

    /** Writes the page to a stream, as UTF-8. */
    public void writeTo(OutputStream out) throws IOException {
        HtmlPage.write(model, out);
    }

    /**
     * Writes the page to a file atomically (a failure leaves no partial file).
     *
     * @throws dev.veracity.InputException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, this::writeTo);
    }

    /** Collects the report's inputs; the first statistics added are the baseline of distances. */
    public static final class Builder {
        private final List<ReportDataset> datasets = new ArrayList<>();
        private Schema schema;
        private Anomalies anomalies;
        private String title = "Veracity report";
        private int maxTopValues = DEFAULT_MAX_TOP_VALUES;
        private final List<MetricHistory> history = new ArrayList<>();
        private ModelQuality quality;

        /** The history metrics that are values of the feature, left out for a feature its statistics mark PII. */
        private static final java.util.Set<String> VALUE_METRICS = java.util.Set.of("min", "max", "median");

        private Builder() {}

        /**
         * Adds the datasets of a statistics file: one column, or one per slice when the file has several datasets
         * (named {@code name / slice}).
         */
        public Builder statistics(String name, DatasetFeatureStatisticsList statistics) {
            requireNonNull(name, "name is null");
            requireNonNull(statistics, "statistics is null");
            if (statistics.getDatasetsCount() == 0) {
                throw new IllegalArgumentException("statistics \"" + name + "\" have no dataset");
            }
            boolean sliced = statistics.getDatasetsCount() > 1;
            for (DatasetFeatureStatistics dataset : statistics.getDatasetsList()) {
                String slice = sliced ? dataset.getName() : "";
                datasets.add(new ReportDataset(sliced ? name + " / " + slice : name, name, slice, dataset));
            }
            return this;
        }

        /** Shows each feature's schema (type, presence, valency, domain). */
        public Builder schema(Schema schema) {
            this.schema = requireNonNull(schema, "schema is null");
            return this;
        }

        /** Shows anomalies in their features' rows, dataset anomalies and drift/skew measurements at the top. */
        public Builder anomalies(Anomalies anomalies) {
            this.anomalies = requireNonNull(anomalies, "anomalies is null");
            return this;
        }

        /**
         * Adds metric histories (one value per span, e.g. from the metadata store's metric history), shown in a
         * "Metric history" section as a line chart per series with the flagged spans marked.
         */
        public Builder history(List<MetricHistory> series) {
            requireNonNull(series, "series is null").forEach(s -> history.add(requireNonNull(s, "a series is null")));
            return this;
        }

        /**
         * Shows the model's quality over spans (read from {@code perf.json} with {@link PerformanceFile#read}) in a
         * "Model quality over spans" section: per metric its series with the interval band, the baseline, the
         * alarms and the detectors' detection points.
         */
        public Builder quality(ModelQuality quality) {
            this.quality = requireNonNull(quality, "quality is null");
            return this;
        }

        /** Sets the page's title. */
        public Builder title(String title) {
            this.title = requireNonNull(title, "title is null");
            return this;
        }

        /** Sets the most values kept per categorical feature and dataset (default 50). */
        public Builder maxTopValues(int maxTopValues) {
            if (maxTopValues < 1) {
                throw new IllegalArgumentException("maxTopValues must be at least 1: " + maxTopValues);
            }
            this.maxTopValues = maxTopValues;
            return this;
        }

        /**
         * {@return the report}
         *
         * @throws IllegalStateException if no statistics were added
         */
        public HtmlReport build() {
            if (datasets.isEmpty()) {
                throw new IllegalStateException("a report needs statistics: call statistics(name, list)");
            }
            ReportModel model = ReportModel.of(
                    title, datasets, Optional.ofNullable(schema), Optional.ofNullable(anomalies), maxTopValues);
            // a PII feature's statistics hide its values: so does its history (min, max and median are values)
            java.util.Set<String> pii = model.features().stream()
                    .filter(f -> f.privacy().isPresent())
                    .map(FeatureRow::name)
                    .collect(java.util.stream.Collectors.toSet());
            List<MetricHistory> shown = history.stream()
                    .filter(h -> !(pii.contains(h.feature()) && VALUE_METRICS.contains(h.metric())))
                    .toList();
            return new HtmlReport(model.with(shown, Optional.ofNullable(quality)));
        }
    }
}
