package dev.veracity.privacy.scan;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.privacy.detect.PiiDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scans a dataset for personal data in one pass: every value of every feature is counted and a uniform sample of at
 * most {@link #sampleSize()} values per feature (default {@value #DEFAULT_SAMPLE_SIZE}) is run through the
 * recognizers. A feature is PII when one entity is found in at least {@link #minFraction()} of its scanned values
 * (default {@value #DEFAULT_MIN_FRACTION}).
 *
 * <pre>{@code
 * PiiScanReport report = PiiScanner.standard().scan(Path.of("customers.csv"));
 * report.piiFeatures().forEach(f -> System.out.println(f.feature() + " " + f.verdict().get().entity()));
 * }</pre>
 *
 * @param detector    the recognizers and their threshold
 * @param sampleSize  the cap on values scanned per feature
 * @param minFraction the share of scanned values that makes a feature PII, in (0, 1]
 * @param seed        chooses the sample
 * @param tableOptions  how to read CSV files
 */
public record PiiScanner(
        PiiDetector detector, int sampleSize, double minFraction, long seed, TableOptions tableOptions) {
    /** Values scanned per feature unless told otherwise: enough for a share within about 0.01 (2 sigma). */
    public static final int DEFAULT_SAMPLE_SIZE = 10_000;
    /** The share of values that makes a feature PII unless told otherwise. */
    public static final double DEFAULT_MIN_FRACTION = 0.3;

    public PiiScanner {
        Objects.requireNonNull(detector, "detector is null");
        Objects.requireNonNull(tableOptions, "tableOptions is null");
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be at least 1: " + sampleSize);
        }
        if (!(minFraction > 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("minFraction must be in (0, 1]: " + minFraction);
        }
    }

    /** {@return a scanner with every recognizer and the defaults} */
    public static PiiScanner standard() {
        return new PiiScanner(
                PiiDetector.standard(), DEFAULT_SAMPLE_SIZE, DEFAULT_MIN_FRACTION, 0, TableOptions.DEFAULT);
    }

    /** {@return this scanner with another cap on values scanned per feature} */
    public PiiScanner withSampleSize(int newSampleSize) {
        return new PiiScanner(detector, newSampleSize, minFraction, seed, tableOptions);
    }

    /** {@return this scanner with another share that makes a verdict} */
    public PiiScanner withMinFraction(double newMinFraction) {
        return new PiiScanner(detector, sampleSize, newMinFraction, seed, tableOptions);
    }

    /** {@return this scanner with other recognizers} */
    public PiiScanner withDetector(PiiDetector newDetector) {
        return new PiiScanner(newDetector, sampleSize, minFraction, seed, tableOptions);
    }

    /** {@return this scanner reading CSV with other options} */
    public PiiScanner withTableOptions(TableOptions newTableOptions) {
        return new PiiScanner(detector, sampleSize, minFraction, seed, newTableOptions);
    }

    /**
     * {@return the verdict of every feature of a plain CSV or JSON Lines file}
     *
     * @throws dev.veracity.InputException if the file is missing or malformed
     */
    public PiiScanReport scan(Path file) throws IOException {
        try (Table table = Table.open(file, tableOptions.withCsvAsText(true))) {
            List<FeatureScan> scans = new ArrayList<>();
            for (String name : table.names()) {
                scans.add(new FeatureScan(name, sampleSize, seed));
            }
            long rows = 0;
            for (Optional<RecordBatch> batch = table.next(); batch.isPresent(); batch = table.next()) {
                List<Column> columns = batch.get().columns();
                for (int i = 0; i < columns.size(); i++) {
                    if (i >= scans.size()) {
                        scans.add(new FeatureScan(columns.get(i).name(), sampleSize, seed));
                    }
                    scans.get(i).add(columns.get(i));
                }
                rows += batch.get().rowCount();
            }
            List<FeatureVerdict> verdicts = new ArrayList<>();
            for (FeatureScan scan : scans) {
                verdicts.add(scan.result(detector, minFraction));
            }
            return new PiiScanReport(file, rows, sampleSize, detector.threshold(), verdicts);
        }
    }
}
