package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Beam's registry built for one runner holds that runner's options and not the other runners'. */
class RunnerRegistryTest {
    @AfterEach
    void restoreTheWholeRegistry() {
        PipelineOptionsFactory.resetCache();
    }

    private static Set<Class<?>> registered() {
        return PipelineOptionsFactory.getRegisteredOptions().stream().collect(Collectors.toSet());
    }

    @Test
    void aFlinkRegistryHasFlinksOptionsOnly() {
        RunnerRegistry.rebuild("FlinkRunner");

        assertThat(registered())
                .contains(FlinkPipelineOptions.class, PipelineOptions.class)
                .doesNotContain(SparkPipelineOptions.class, DirectOptions.class);
    }

    @Test
    void preparingAnotherRunnerBuildsItsRegistryAndItsOptionsParse() {
        RunnerRegistry.rebuild("FlinkRunner");
        RunnerRegistry.prepare("org.apache.beam.runners.spark.SparkRunner");

        assertThat(registered()).contains(SparkPipelineOptions.class).doesNotContain(FlinkPipelineOptions.class);
        PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=SparkRunner", "--sparkMaster=local[1]")
                .withValidation()
                .create();
        assertThat(options.as(SparkPipelineOptions.class).getSparkMaster()).isEqualTo("local[1]");
    }

    @Test
    void anotherRunnerKeepsTheRegistryAsItIs() {
        PipelineOptionsFactory.resetCache();
        RunnerRegistry.prepare("DataflowRunner");

        assertThat(registered()).contains(FlinkPipelineOptions.class, SparkPipelineOptions.class, DirectOptions.class);
    }
}
