package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.io.Veracity;
import dev.veracity.io.table.TableOptions;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringStatistics;
import dev.veracity.schema.SchemaEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingCheckTest {
    private static final Path RUNS = Path.of("..", "examples", "runs");

    @TempDir
    Path dir;

    private static FeatureNameStatistics numeric(String name, long present) {
        return FeatureNameStatistics.newBuilder()
                .setName(name)
                .setType(FeatureNameStatistics.Type.FLOAT)
                .setNumStats(NumericStatistics.newBuilder()
                        .setCommonStats(CommonStatistics.newBuilder().setNumNonMissing(present)))
                .build();
    }

    private static FeatureNameStatistics text(String name, long present) {
        return FeatureNameStatistics.newBuilder()
                .setName(name)
                .setType(FeatureNameStatistics.Type.STRING)
                .setStringStats(StringStatistics.newBuilder()
                        .setCommonStats(CommonStatistics.newBuilder().setNumNonMissing(present)))
                .build();
    }

    private static DatasetFeatureStatisticsList serving(long examples, FeatureNameStatistics... features) {
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(DatasetFeatureStatistics.newBuilder()
                        .setName("serving")
                        .setNumExamples(examples)
                        .addAllFeatures(List.of(features)))
                .build();
    }

    private static Schema schemaWithLabelOutOfServing() {
        return SchemaEditor.of(schema("x", "leak"))
                .defaultEnvironment("TRAINING")
                .feature("leak")
                .notInEnvironment("SERVING")
                .done()
                .build();
    }

    private static Schema schema(String... features) {
        Schema.Builder schema = Schema.newBuilder();
        for (String name : features) {
            schema.addFeature(Feature.newBuilder().setName(name));
        }
        return schema.build();
    }

    @Nested
    class FromServingStatistics {
        @Test
        void aFeatureMissingFromServingIsFlagged() {
            ServingCheck check = ServingCheck.none().withStatistics(serving(100, numeric("x", 100)), "serving.pb");
            assertThat(check.check("x", 1000, 1000)).isEmpty();
            assertThat(check.check("gone", 1000, 1000))
                    .hasValueSatisfying(w -> assertThat(w.text())
                            .startsWith("absent_in_serving: not in the serving statistics serving.pb (100 examples)"));
        }

        @Test
        void presentOnNoServingExampleIsAbsent() {
            ServingCheck check = ServingCheck.none().withStatistics(serving(100, text("t", 0)), "s.pb");
            assertThat(check.check("t", 10, 10)).isPresent();
        }

        @Test
        void mostlyMissingIsMeasuredAgainstTheTrainingPresence() {
            ServingCheck check = ServingCheck.none()
                    .withStatistics(
                            serving(100, numeric("rare", 10), numeric("halved", 45), numeric("kept", 50)), "s.pb");
            // rare: 10% in serving, 10% in training: as rare as ever, not flagged.
            assertThat(check.check("rare", 1000, 100)).isEmpty();
            // halved: 45% in serving against 100% in training: below half, flagged.
            assertThat(check.check("halved", 1000, 1000))
                    .hasValueSatisfying(w -> assertThat(w.message())
                            .contains(
                                    "present in 45.0% of the 100 serving examples (s.pb) but 100.0% of the labelled"));
            // kept: exactly half of the training presence is not below half.
            assertThat(check.check("kept", 1000, 1000)).isEmpty();
        }

        @Test
        void theAllExamplesDatasetIsUsedWhenSlicesFollow() {
            DatasetFeatureStatisticsList sliced = DatasetFeatureStatisticsList.newBuilder()
                    .addDatasets(DatasetFeatureStatistics.newBuilder()
                            .setName("country_DE")
                            .setNumExamples(5)
                            .addFeatures(numeric("x", 5)))
                    .addDatasets(DatasetFeatureStatistics.newBuilder()
                            .setName("All Examples")
                            .setNumExamples(50))
                    .build();
            assertThat(ServingCheck.none().withStatistics(sliced, "s.pb").check("x", 10, 10))
                    .isPresent();
        }

        @Test
        void statisticsWithoutExamplesAreRefused() {
            assertThatThrownBy(() -> ServingCheck.none().withStatistics(serving(0), "empty.pb"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("empty.pb: expected statistics of serving examples, found 0 examples");
            assertThatThrownBy(() -> ServingCheck.none()
                            .withStatistics(DatasetFeatureStatisticsList.getDefaultInstance(), "n.pb"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("found no dataset");
        }
    }

    @Nested
    class FromTheSchema {
        @Test
        void aFeatureNotInTheServingEnvironmentIsFlagged() {
            ServingCheck check = ServingCheck.none().withSchema(schemaWithLabelOutOfServing(), "SERVING", false);
            assertThat(check.check("x", 10, 10)).isEmpty();
            assertThat(check.check("leak", 10, 10))
                    .hasValueSatisfying(w -> assertThat(w.text())
                            .isEqualTo("absent_in_serving: the schema lists it not_in_environment SERVING: a model "
                                    + "cannot use it when serving"));
        }

        @Test
        void anEnvironmentTheSchemaDoesNotDeclareIsIgnoredByDefaultAndRefusedWhenNamed() {
            Schema schema = schema("x");
            assertThat(ServingCheck.none().withSchema(schema, "SERVING", false).check("x", 1, 1))
                    .isEmpty();
            assertThatThrownBy(() -> ServingCheck.none().withSchema(schemaWithLabelOutOfServing(), "ONLINE", true))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--serving-environment: expected an environment of the schema's "
                            + "default_environment [TRAINING, SERVING], found ONLINE");
        }

        @Test
        void inEnvironmentCannotTakeAFeatureOutOfADefaultEnvironment() {
            // TFDV: in_environment adds environments; a default environment still holds the feature.
            Schema schema = SchemaEditor.of(schemaWithLabelOutOfServing())
                    .feature("x")
                    .inEnvironment("TRAINING")
                    .done()
                    .build();
            assertThat(ServingCheck.none().withSchema(schema, "SERVING", false).check("x", 1, 1))
                    .isEmpty();
        }
    }

    @Nested
    class OnTheBundledRuns {
        private SelectionReport select(String label, ServingCheck serving) throws IOException {
            SelectionOptions defaults = SelectionOptions.of(label);
            SelectionOptions options = new SelectionOptions(
                    label,
                    Task.AUTO,
                    Set.of(Method.ANOVA_F, Method.CHI2),
                    Set.of(),
                    defaults.ranking(),
                    defaults.spearmanRows(),
                    defaults.miSample(),
                    defaults.seed(),
                    0,
                    serving);
            return new FeatureSelector(options, TableOptions.DEFAULT).select(List.of(RUNS.resolve("train.csv")));
        }

        private static List<String> absent(SelectionReport report) {
            List<String> names = new ArrayList<>();
            for (FeatureResult f : report.features()) {
                if (f.warnings().stream().anyMatch(w -> w.kind() == FeatureWarning.Kind.ABSENT_IN_SERVING)) {
                    assertThat(f.selected())
                            .as(f.name() + " absent in serving is not selected")
                            .isFalse();
                    assertThat(f.isBlocked()).isTrue();
                    names.add(f.name());
                }
            }
            return names;
        }

        @Test
        void servingDataLacksOnlyTheLabelSoATrainingOnlyColumnUsedAsAFeatureIsFlagged() throws IOException {
            Path servingCsv = RUNS.resolve("serving.csv");
            assertThat(Files.readAllLines(servingCsv).get(0)).doesNotContain("completed");
            DatasetFeatureStatisticsList stats =
                    Veracity.statistics(servingCsv).compute().statistics();
            ServingCheck check = ServingCheck.none().withStatistics(stats, "serving.pb");

            // The real label: every feature is served (notes is as rare in serving as in training, 10%).
            assertThat(absent(select("completed", check))).isEmpty();
            // Another label: completed, known only after the run, is a feature serving never has.
            SelectionReport report = select("suggested", check);
            assertThat(absent(report)).containsExactly("completed");
            assertThat(report.hasWarning(FeatureWarning.Kind.ABSENT_IN_SERVING)).isTrue();
        }

        @Test
        void theSchemaEnvironmentFlagsTheSameColumnWithoutServingData() throws IOException {
            Schema schema = SchemaEditor.of(schema("completed"))
                    .defaultEnvironment("TRAINING")
                    .defaultEnvironment("SERVING")
                    .feature("completed")
                    .notInEnvironment("SERVING")
                    .done()
                    .build();
            SelectionReport report = select("suggested", ServingCheck.none().withSchema(schema, "SERVING", false));
            assertThat(absent(report)).containsExactly("completed");
        }
    }
}
