package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.io.OutputPaths;
import dev.veracity.io.SchemaFiles;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.Secret;
import dev.veracity.privacy.redact.Operator;
import dev.veracity.privacy.redact.RedactionPlan;
import dev.veracity.privacy.redact.RedactionSummary;
import dev.veracity.privacy.redact.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity pii redact}: a copy of a dataset with personal data masked, tagged, hashed, generalized or dropped. */
@Command(
        name = "redact",
        header = "Writes a copy of a dataset with personal data redacted.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Operators, per feature (--feature F=OP) or per entity found inside other string features",
            "(--entity E=OP, E one of the entities or ALL):",
            "  mask[:N]        every letter and digit but the last N (default 4) becomes *",
            "  tag             the value becomes <ENTITY> (the schema's entity, or <PII>)",
            "  hash            HMAC-SHA256 under a secret (64 hex digits): equal values stay equal, joins work",
            "  generalize      by value: dates to their month, numbers to ranges of width 10,",
            "                  other text to its first 3 characters (zip 02139 -> 021**)",
            "  month, year     dates to their month or year",
            "  range[:N]       numbers to ranges of width N (default 10): 34 -> [30, 40)",
            "  prefix[:N]      text to its first N characters (default 3), the rest masked",
            "  drop            features: left out; spans: cut out",
            "  keep            unchanged",
            "With --schema, features marked veracity:pii get --pii-operator (default tag) unless --feature says",
            "otherwise. The secret comes from a file (--secret-file) or an environment variable (--secret-env),",
            "never from the command line. Output: CSV, or JSON Lines when OUT ends in .jsonl/.ndjson; written",
            "atomically. Untouched values are written as read.",
            ""
        },
        footer = {
            "%nExamples:",
            "  veracity pii redact customers.csv -o redacted.csv --schema schema.pbtxt --secret-file pii.key \\",
            "      --feature customer_id=hash --feature birth_date=generalize --feature zip=prefix:3",
            "  VERACITY_PII_SECRET=... veracity pii redact in.jsonl -o out.jsonl --feature email=hash \\",
            "      --entity ALL=tag --secret-env VERACITY_PII_SECRET"
        })
final class PiiRedactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DATA",
            description = "A data file: CSV (header row), JSON Lines, Parquet, Avro or TFRecord.")
    Path data;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT",
            description = "The redacted copy: CSV, or JSON Lines for .jsonl/.ndjson.")
    Path output;

    @Option(names = "--feature", paramLabel = "F=OP", description = "Operator of every value of feature F.")
    List<String> featureOperators = List.of();

    @Option(
            names = "--entity",
            paramLabel = "E=OP",
            description = "Operator of spans of entity E (or ALL) found in the other string features.")
    List<String> entityOperators = List.of();

    @Option(names = "--schema", paramLabel = "FILE", description = "Redact the features this schema marks PII.")
    Path schema;

    @Option(
            names = "--pii-operator",
            paramLabel = "OP",
            defaultValue = "tag",
            description = "Operator of schema-marked features without --feature (default: ${DEFAULT-VALUE}).")
    String piiOperator;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the secret of hash.")
    Path secretFile;

    @Option(names = "--secret-env", paramLabel = "NAME", description = "Environment variable holding the secret.")
    String secretEnv;

    @Mixin
    TableInputOptions input;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseOverwrite(Inputs.of(List.of(data), schema, secretFile), Arrays.asList(output));
        RedactionPlan plan = RedactionPlan.none();
        for (String argument : featureOperators) {
            String[] parts = split(argument, "--feature");
            plan = plan.withFeature(parts[0], Operator.parse(parts[1]));
        }
        for (String argument : entityOperators) {
            String[] parts = split(argument, "--entity");
            Operator operator = Operator.parse(parts[1]);
            if (parts[0].equalsIgnoreCase("ALL")) {
                for (PiiEntity entity : PiiEntity.values()) {
                    plan = plan.withEntity(entity, operator);
                }
            } else {
                plan = plan.withEntity(
                        PiiEntity.parse(parts[0])
                                .orElseThrow(() -> new ConfigException("--entity "
                                        + argument + ": expected ALL or one of " + PiiEntity.names() + ", found \""
                                        + parts[0]
                                        + "\"")),
                        operator);
            }
        }
        if (schema != null) {
            plan = plan.withSchema(SchemaFiles.read(schema), Operator.parse(piiOperator));
        }
        if (secretFile != null && secretEnv != null) {
            throw new ParameterException(spec.commandLine(), "--secret-file and --secret-env: expected one of them");
        }
        if (secretFile != null) {
            plan = plan.withSecret(Secret.fromFile(secretFile));
        } else if (secretEnv != null) {
            plan = plan.withSecret(Secret.fromEnvironment(secretEnv, System.getenv()));
        }
        RedactionSummary summary = new Redactor(plan, input.tableOptions()).redact(data, output);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("veracity: %,d rows -> %s%n", summary.rows(), output);
        summary.valuesChanged().forEach((feature, count) -> err.printf("  %-24s %,d values changed%n", feature, count));
        summary.spansRedacted()
                .forEach(
                        (entity, count) -> err.printf("  %-24s %,d spans redacted in other features%n", entity, count));
        summary.dropped().forEach(feature -> err.printf("  %-24s dropped%n", feature));
        err.flush();
        return ExitCodes.OK;
    }

    private static String[] split(String argument, String option) {
        int equals = argument.indexOf('=');
        if (equals <= 0 || equals == argument.length() - 1) {
            throw new ConfigException(option + " " + argument + ": expected NAME=OPERATOR");
        }
        return new String[] {argument.substring(0, equals), argument.substring(equals + 1)};
    }
}
