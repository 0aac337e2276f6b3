package dev.veracity.cli;

import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.privacy.PiiTags;
import dev.veracity.privacy.scan.EntityShare;
import dev.veracity.privacy.scan.FeatureVerdict;
import dev.veracity.privacy.scan.PiiScanJson;
import dev.veracity.privacy.scan.PiiScanReport;
import dev.veracity.privacy.scan.PiiScanner;
import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaCanonicalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pii scan}: which features hold personal data, by the share of values the recognizers flag. */
@Command(
        name = "scan",
        header = "Finds the features that hold personal data.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads a data file (any format stats reads) and runs the recognizers (e-mail, phone, credit card with",
            "Luhn, IBAN with mod-97, IPv4/IPv6, US SSN, dates of birth and names near context words) over a",
            "uniform sample of at most --sample-size values per feature. A feature is PII when one entity is",
            "found in at least --min-fraction of its scanned values. Prints a table (or JSON with --json);",
            "no value of the data is printed. With --schema and --write-schema, marks the PII features",
            "(tag veracity:pii=ENTITY); with --schema alone, exits 1 when a PII feature is not marked.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pii scan customers.csv",
            "  veracity pii scan customers.csv --json -o pii.json",
            "  veracity pii scan customers.csv --schema schema.pbtxt --write-schema schema.pbtxt",
            "  veracity pii scan new-span.csv --schema schema.pbtxt    # exit 1: PII in an unmarked feature"
        })
final class PiiScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DATA",
            description = "A data file: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    Path data;

    @Option(
            names = "--sample-size",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Values scanned per feature, a uniform sample (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(
            names = "--min-fraction",
            paramLabel = "F",
            defaultValue = "0.3",
            description = "Share of scanned values that makes a feature PII (default: ${DEFAULT-VALUE}).")
    double minFraction;

    @Option(
            names = "--threshold",
            paramLabel = "S",
            defaultValue = "0.5",
            description = "Least confidence of a finding that counts (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Mixin
    JsonReportOptions output;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "A schema: with --write-schema, mark its PII features; alone, a gate: exit 1 when a "
                    + "feature looks like PII but the schema does not mark it veracity:pii.")
    Path schema;

    @Option(
            names = "--write-schema",
            paramLabel = "FILE",
            description = "Write --schema with the PII features marked (may be the same file).")
    Path writeSchema;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(data), schema), Arrays.asList(output.file, writeSchema));
        if (sampleSize < 1) {
            throw new ParameterException(spec.commandLine(), "--sample-size: expected at least 1, found " + sampleSize);
        }
        if (!(minFraction > 0 && minFraction <= 1) || !(threshold > 0 && threshold <= 1)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--min-fraction and --threshold: expected numbers in " + "(0, 1], found " + minFraction + " and "
                            + threshold);
        }
        if (schema == null && writeSchema != null) {
            throw new ParameterException(spec.commandLine(), "--write-schema: expected --schema too");
        }
        // Read before anything is printed or written: a bad --schema leaves no report behind.
        Schema before = schema == null ? null : SchemaFiles.read(schema);
        PiiScanner scanner = PiiScanner.standard()
                .withSampleSize(sampleSize)
                .withMinFraction(minFraction)
                .withDetector(dev.veracity.privacy.detect.PiiDetector.standard().withThreshold(threshold))
                .withTableOptions(input.tableOptions());
        PiiScanReport report = scanner.scan(data);
        output.print(spec.commandLine().getOut(), stream -> PiiScanJson.write(report, stream), () -> table(report));
        if (before != null && writeSchema == null) {
            return gate(report, before);
        }
        if (before != null) {
            Schema marked = before;
            for (FeatureVerdict feature : report.piiFeatures()) {
                marked = PiiTags.mark(
                        marked,
                        feature.feature(),
                        Optional.of(feature.verdict().get().entity()));
            }
            SchemaFiles.write(SchemaCanonicalizer.canonicalize(marked), writeSchema);
            spec.commandLine()
                    .getErr()
                    .printf(
                            "veracity: marked %d PII feature(s) in %s%n",
                            report.piiFeatures().size(), writeSchema);
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    /** Exit 1 when the data holds PII in a feature the schema does not mark: a pipeline gate. */
    private int gate(PiiScanReport report, Schema marked) {
        java.util.Set<String> known = PiiTags.features(marked).keySet();
        List<FeatureVerdict> unmarked = report.piiFeatures().stream()
                .filter(f -> !known.contains(f.feature()))
                .toList();
        PrintWriter err = spec.commandLine().getErr();
        for (FeatureVerdict feature : unmarked) {
            err.printf(
                    Locale.ROOT,
                    "veracity: %s looks like %s in %.3f of its values but %s does not mark it %s%n",
                    feature.feature(),
                    feature.verdict().get().entity(),
                    feature.verdict().get().fraction(),
                    schema,
                    PiiTags.TAG);
        }
        err.flush();
        return unmarked.isEmpty() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    static String table(PiiScanReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%d PII feature(s) of %d in %s (%,d rows; up to %,d values scanned per "
                        + "feature; confidence >= %s)%n%n",
                report.piiFeatures().size(),
                report.features().size(),
                report.file(),
                report.rows(),
                report.sampleSize(),
                report.threshold()));
        text.append(String.format(
                Locale.ROOT,
                "  %-24s %-6s %-14s %9s %9s  %s%n",
                "feature",
                "pii",
                "entity",
                "scanned",
                "share",
                "entities found (share, mean confidence)"));
        for (FeatureVerdict feature : report.features()) {
            StringBuilder found = new StringBuilder();
            for (EntityShare share : feature.entities()) {
                found.append(found.length() > 0 ? ", " : "")
                        .append(String.format(
                                Locale.ROOT, "%s %.3f (%.2f)", share.entity(), share.fraction(), share.meanScore()));
            }
            text.append(String.format(
                    Locale.ROOT,
                    "  %-24s %-6s %-14s %9d %9.3f  %s%n",
                    feature.feature(),
                    feature.isPii() ? "yes" : "no",
                    feature.verdict().map(e -> e.entity().name()).orElse("-"),
                    feature.scanned(),
                    feature.verdict().map(EntityShare::fraction).orElse(feature.fractionWithPii()),
                    found.length() == 0 ? "-" : found));
        }
        return text.toString();
    }
}
