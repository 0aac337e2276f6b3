package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.io.SchemaFiles;
import dev.veracity.proto.Feature;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {
    private static final String TAXI = """
            feature { name: "tips" type: FLOAT presence { min_fraction: 1.0 min_count: 1 } }
            feature { name: "payment_type" type: BYTES domain: "payment_type" presence { min_fraction: 1.0 } }
            feature { name: "trip_seconds" type: INT }
            feature {
              name: "address"
              type: STRUCT
              struct_domain { feature { name: "city" type: BYTES } }
            }
            string_domain { name: "payment_type" value: "Credit Card" value: "Cash" }
            default_environment: "TRAINING"
            default_environment: "SERVING"
            """;

    @TempDir
    Path dir;

    Path schema;

    @BeforeEach
    void writeSchema() throws IOException {
        schema = dir.resolve("schema.pbtxt");
        SchemaFiles.write(TextFormat.parse(TAXI, Schema.class), schema);
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("schema"));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private Feature feature(Path file, String name) throws IOException {
        return SchemaFiles.read(file).getFeatureList().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void assertUserError(CommandRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
    }

    @Nested
    class Domains {
        @Test
        void extendDomainAppendsValuesInPlaceAndSaysWhat() throws IOException {
            CommandRun run = run("extend-domain", "--schema", schema.toString(), "payment_type", "Prcard", "Cash");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(SchemaFiles.read(schema).getStringDomain(0).getValueList())
                    .containsExactly("Credit Card", "Cash", "Prcard");
            assertThat(run.err())
                    .contains("wrote " + schema)
                    .contains("payment_type string_domain.value: - -> \"Prcard\" (compatible)");
        }

        @Test
        void setDomainWritesToTheOutputAndLeavesTheInputAlone() throws IOException {
            Path out = dir.resolve("curated.pbtxt");
            String original = Files.readString(schema);
            CommandRun run = run(
                    "set-domain",
                    "--schema",
                    schema.toString(),
                    "address.city",
                    "Chicago",
                    "Evanston",
                    "-o",
                    out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(schema)).isEqualTo(original);
            assertThat(feature(out, "address")
                            .getStructDomain()
                            .getFeature(0)
                            .getStringDomain()
                            .getValueList())
                    .containsExactly("Chicago", "Evanston");
        }

        @Test
        void setDomainSetsIntAndFloatRanges() throws IOException {
            assertThat(run("set-domain", "--schema", schema.toString(), "trip_seconds", "--min", "0", "--max", "86400")
                            .exitCode())
                    .isZero();
            assertThat(run("set-domain", "--schema", schema.toString(), "tips", "--min", "0")
                            .exitCode())
                    .isZero();
            assertThat(feature(schema, "trip_seconds").getIntDomain().getMax()).isEqualTo(86_400);
            assertThat(feature(schema, "tips").getFloatDomain().getMin()).isZero();
            assertThat(feature(schema, "tips").getFloatDomain().hasMax()).isFalse();
        }

        @Test
        void badDomainsAreOneLineErrors() {
            assertUserError(
                    run("set-domain", "--schema", schema.toString(), "trip_seconds", "--min", "1.5"),
                    "expected an integer for an int_domain, found '1.5'");
            assertUserError(
                    run("set-domain", "--schema", schema.toString(), "trip_seconds"),
                    "expected either string VALUEs or --min/--max, found neither");
            assertUserError(
                    run("extend-domain", "--schema", schema.toString(), "trip_seconds", "7"),
                    "expected a string domain to extend, found no domain");
        }
    }

    @Test
    void setPresenceSetsEitherOrBoth() throws IOException {
        CommandRun run = run("set-presence", "--schema", schema.toString(), "tips", "--min-fraction", "0.9");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(feature(schema, "tips").getPresence().getMinFraction()).isEqualTo(0.9);
        assertThat(feature(schema, "tips").getPresence().getMinCount()).isEqualTo(1);
        assertThat(run.err()).contains("tips presence.min_fraction: 1.0 -> 0.9 (compatible)");
        assertUserError(
                run("set-presence", "--schema", schema.toString(), "tips", "--min-fraction", "2"),
                "feature \"tips\": expected a presence min_fraction in [0, 1], found 2.0");
        assertUserError(run("set-presence", "--schema", schema.toString(), "tips"), "Missing required argument");
    }

    @Test
    void environmentTakesAFeatureOutAndListsDefaults() throws IOException {
        CommandRun run = run("environment", "--schema", schema.toString(), "tips", "--not-in", "SERVING");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(feature(schema, "tips").getNotInEnvironmentList()).containsExactly("SERVING");
        assertThat(run("environment", "--schema", schema.toString(), "--default", "EVAL")
                        .exitCode())
                .isZero();
        assertThat(SchemaFiles.read(schema).getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING", "EVAL");
        assertUserError(
                run("environment", "--schema", schema.toString(), "tips"), "expected --in or --not-in for a FEATURE");
        assertUserError(
                run("environment", "--schema", schema.toString(), "--in", "SERVING"),
                "expected a FEATURE for --in or --not-in");
    }

    @Test
    void deprecateTakesSeveralFeatures() throws IOException {
        CommandRun run = run("deprecate", "--schema", schema.toString(), "tips", "address.city");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(feature(schema, "tips").getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
        assertThat(feature(schema, "address").getStructDomain().getFeature(0).getLifecycleStage())
                .isEqualTo(LifecycleStage.DEPRECATED);
    }

    @Test
    void setComparatorSetsDriftOrSkew() throws IOException {
        CommandRun run = run(
                "set-comparator",
                "--schema",
                schema.toString(),
                "payment_type",
                "--skew",
                "--infinity-norm",
                "0.01",
                "--jensen-shannon",
                "0.05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run(
                                "set-comparator",
                                "--schema",
                                schema.toString(),
                                "tips",
                                "--drift",
                                "--normalized-abs-difference",
                                "0.2")
                        .exitCode())
                .isZero();
        Feature payment = feature(schema, "payment_type");
        assertThat(payment.getSkewComparator().getInfinityNorm().getThreshold()).isEqualTo(0.01);
        assertThat(payment.getSkewComparator().getJensenShannonDivergence().getThreshold())
                .isEqualTo(0.05);
        assertThat(feature(schema, "tips")
                        .getDriftComparator()
                        .getNormalizedAbsDifference()
                        .getThreshold())
                .isEqualTo(0.2);
        assertUserError(
                run(
                        "set-comparator",
                        "--schema",
                        schema.toString(),
                        "tips",
                        "--drift",
                        "--skew",
                        "--infinity-norm",
                        "0.1"),
                "mutually exclusive");
        assertUserError(
                run("set-comparator", "--schema", schema.toString(), "tips", "--drift", "--infinity-norm", "3"),
                "expected a drift threshold in [0, 1]");
    }

    @Test
    void aMissingFeatureNamesCloseOnesWithoutAStackTrace() {
        assertUserError(
                run("deprecate", "--schema", schema.toString(), "tip"),
                "feature \"tip\": expected a feature of the schema, found none; did you mean tips");
        assertUserError(
                run("deprecate", "--schema", dir.resolve("none.pbtxt").toString(), "tips"), "none.pbtxt: no such file");
    }

    @Test
    void editsWriteCanonicalOrder() throws IOException {
        run("deprecate", "--schema", schema.toString(), "tips");
        assertThat(SchemaFiles.read(schema).getFeatureList())
                .extracting(Feature::getName)
                .containsExactly("address", "payment_type", "tips", "trip_seconds");
    }

    @Nested
    class Canonicalize {
        @Test
        void rewritesInCanonicalOrderAndChecks() throws IOException {
            CommandRun check = run("canonicalize", "--schema", schema.toString(), "--check");
            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.err()).contains("is not in canonical form");
            assertThat(run("canonicalize", "--schema", schema.toString()).exitCode())
                    .isZero();
            String canonical = Files.readString(schema);
            assertThat(canonical.indexOf("\"address\"")).isLessThan(canonical.indexOf("\"tips\""));
            assertThat(canonical.indexOf("\"Credit Card\"")).isLessThan(canonical.indexOf("\"Cash\""));
            CommandRun again = run("canonicalize", "--schema", schema.toString(), "--check");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(Files.readString(schema)).isEqualTo(canonical);
        }
    }

    @Nested
    class Diff {
        @Test
        void noChangeExitsZero() {
            CommandRun run = run("diff", schema.toString(), schema.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("No changes.\n");
        }

        @Test
        void aCompatibleChangeExitsZeroAndABreakingOneOne() throws IOException {
            Path relaxed = dir.resolve("relaxed.pbtxt");
            run(
                    "set-presence",
                    "--schema",
                    schema.toString(),
                    "tips",
                    "--min-fraction",
                    "0.5",
                    "-o",
                    relaxed.toString());
            CommandRun compatible = run("diff", schema.toString(), relaxed.toString());
            assertThat(compatible.exitCode()).as(compatible.err()).isZero();
            assertThat(compatible.out())
                    .contains("compatible  tips")
                    .contains("presence.min_fraction")
                    .contains("1.0 -> 0.5")
                    .contains("1 change: 1 compatible, 0 breaking");

            CommandRun breaking = run("diff", relaxed.toString(), schema.toString());
            assertThat(breaking.exitCode()).isEqualTo(1);
            assertThat(breaking.out()).contains("breaking    tips").contains("0.5 -> 1.0");
        }

        @Test
        void jsonListsEveryChangeForMachines() throws IOException {
            Path edited = dir.resolve("edited.json");
            run("extend-domain", "--schema", schema.toString(), "payment_type", "Prcard", "-o", edited.toString());
            run("deprecate", "--schema", edited.toString(), "trip_seconds");
            CommandRun run = run("diff", "--json", schema.toString(), edited.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("\"breaking\" : false")
                    .contains("\"feature\" : \"payment_type\"")
                    .contains("\"aspect\" : \"string_domain.value\"")
                    .contains("\"before\" : null")
                    .contains("\"after\" : \"\\\"Prcard\\\"\"")
                    .contains("\"compatibility\" : \"COMPATIBLE\"")
                    .contains("\"aspect\" : \"lifecycle_stage\"");
        }

        @Test
        void aMalformedSchemaIsAUserError() throws IOException {
            Path bad = dir.resolve("bad.pbtxt");
            Files.writeString(bad, "feature { nme: \"x\" }");
            assertUserError(run("diff", schema.toString(), bad.toString()), "bad.pbtxt");
        }
    }

    @Test
    void everySchemaCommandHasHelpWithAnExample() {
        for (String command : new String[] {
            "set-domain",
            "extend-domain",
            "set-presence",
            "environment",
            "deprecate",
            "set-comparator",
            "canonicalize",
            "diff"
        }) {
            CommandRun help = run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out())
                    .contains("Example")
                    .contains("veracity schema " + command)
                    .contains("Exit codes:");
        }
        CommandRun none = run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("expected a schema command: set-domain");
    }
}
