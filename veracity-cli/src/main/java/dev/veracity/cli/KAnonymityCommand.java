package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.table.TableOptions;
import dev.veracity.privacy.kanon.KAnonymity;
import dev.veracity.privacy.kanon.KAnonymityResult;
import dev.veracity.privacy.kanon.QuasiIdentifiers;
import dev.veracity.privacy.redact.Operator;
import dev.veracity.privacy.redact.RedactionPlan;
import dev.veracity.privacy.redact.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pii kanon}: k-anonymity of quasi-identifiers, and generalization until it holds. */
@Command(
        name = "kanon",
        header = "Checks k-anonymity of quasi-identifiers; generalizes until it holds.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Groups the rows by their values of the quasi-identifiers and reports the smallest group, how many",
            "rows are in groups smaller than k, and which (data row numbers, header not counted). Exit code 1",
            "when k-anonymity does not hold. With -o, generalizes the quasi-identifiers (dates to month, year,",
            "decade; numbers to ranges of 5 ... 1000; text such as zip codes loses trailing characters) one",
            "level at a time, greedily, until k holds with at most --max-suppression of the rows left out, and",
            "writes that dataset (CSV, or JSON Lines for .jsonl) atomically; exit 0 when k then holds.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pii kanon customers.csv --quasi zip,birth_date,sex --k 5",
            "  veracity pii kanon customers.csv --quasi zip,birth_date,sex --k 5 --max-suppression 0.02 \\",
            "      -o customers-k5.csv"
        })
final class KAnonymityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DATA",
            description = "A data file: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    Path data;

    @Option(
            names = "--quasi",
            required = true,
            split = ",",
            paramLabel = "F[,G...]",
            description = "The quasi-identifiers.")
    List<String> quasi;

    @Option(names = "--k", required = true, paramLabel = "K", description = "The least group size, at least 2.")
    int k;

    @Option(
            names = "--max-suppression",
            paramLabel = "F",
            defaultValue = "0",
            description = "Share of rows that may be left out when generalizing (default: ${DEFAULT-VALUE}).")
    double maxSuppression;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "Generalize until k holds and write the result here.")
    Path output;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(data)), Arrays.asList(output));
        if (k < 2) {
            throw new ConfigException("--k: expected at least 2, found " + k);
        }
        if (!(maxSuppression >= 0 && maxSuppression < 1)) {
            throw new ConfigException("--max-suppression: expected a share in [0, 1), found " + maxSuppression);
        }
        TableOptions table = input.tableOptions();
        QuasiIdentifiers qi = QuasiIdentifiers.read(data, quasi, table);
        KAnonymity kanon = new KAnonymity(qi, qi.hierarchies(), k);
        PrintWriter out = spec.commandLine().getOut();
        KAnonymityResult before = kanon.check();
        out.print(describe("As is", before));
        if (output == null) {
            out.flush();
            return before.holds() ? ExitCodes.OK : ExitCodes.ANOMALIES;
        }
        KAnonymityResult after = kanon.generalize(maxSuppression);
        out.print(describe("Generalized", after));
        out.flush();
        RedactionPlan plan = RedactionPlan.none().withDroppedRows(kanon.suppressedRows(after));
        List<Map<String, String>> recoding = kanon.recoding(after);
        for (int q = 0; q < quasi.size(); q++) {
            if (after.levels().get(q) > 0) {
                plan = plan.withFeature(quasi.get(q), new Operator.Recode(recoding.get(q)));
            }
        }
        new Redactor(plan, table).redact(data, output);
        spec.commandLine().getErr().printf("veracity: %,d rows -> %s%n", after.rows() - after.suppressed(), output);
        spec.commandLine().getErr().flush();
        return after.holds() ? ExitCodes.OK : ExitCodes.ANOMALIES;
    }

    static String describe(String title, KAnonymityResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%s: %d-anonymity %s. %,d rows, %,d suppressed, %,d groups, smallest "
                        + "%,d; %,d rows in %,d groups smaller than %d%n",
                title,
                result.k(),
                result.holds() ? "holds" : "does not hold",
                result.rows(),
                result.suppressed(),
                result.classes(),
                result.smallestClass(),
                result.rowsBelowK(),
                result.classesBelowK(),
                result.k()));
        for (int q = 0; q < result.quasiIdentifiers().size(); q++) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-24s level %d: %s%n",
                    result.quasiIdentifiers().get(q),
                    result.levels().get(q),
                    result.levelNames().get(q)));
        }
        if (!result.exampleRows().isEmpty()) {
            text.append("  rows below k: ")
                    .append(String.join(
                            ", ",
                            result.exampleRows().stream().map(String::valueOf).toList()))
                    .append(result.rowsBelowK() > result.exampleRows().size() ? ", ..." : "")
                    .append('\n');
        }
        text.append(String.format(Locale.ROOT, "  information loss %.3f%n", result.informationLoss()));
        return text.toString();
    }
}
