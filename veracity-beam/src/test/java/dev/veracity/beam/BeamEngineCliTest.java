package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.cli.Main;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code veracity stats --engine beam} through the CLI, in-process, on the DirectRunner. */
class BeamEngineCliTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), err.toString());
    }

    @Test
    void statsWithTheBeamEngineWritesTheLocalStatistics() throws IOException {
        List<Path> files = TestTables.write(directory, 5, 500, 2);
        Path output = directory.resolve("beam.pbtxt");
        Run run = run("stats", directory.resolve("part-*.csv").toString(), "-o", output.toString(),
                "--engine", "beam", "--runner", "DirectRunner", "--slice-by", "device", "--weight", "w");
        assertThat(run.exitCode()).as(run.err()).isZero();
        DatasetFeatureStatisticsList local = Veracity.statistics(files).sliceBy("device")
                .withOptions(dev.veracity.stats.StatisticsOptions.DEFAULT.withWeightFeature("w")).compute().statistics();
        SameStatisticsTest.assertSameStatistics(StatisticsFiles.read(output), local, files);
    }

    @Test
    void aRaggedRowIsOneLineNamingTheSourceTheRecordAndTheFieldWithExitCode2() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5\n7,8,9\n");
        Run run = run("stats", file.toString(), "-o", directory.resolve("out.pb").toString(),
                "--engine", "beam", "--runner", "DirectRunner");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("veracity: error: " + file + " record \"4,5\":1:3: expected 3 fields "
                + "as in the header, found 2");
        assertThat(Files.exists(directory.resolve("out.pb"))).isFalse();
    }

    @Test
    void anEngineNotOnTheClassPathIsAUsageError() {
        Run run = run("stats", "x.csv", "-o", directory.resolve("out.pb").toString(), "--engine", "spark");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("veracity: error: --engine spark: expected one of local, beam, found no "
                + "engine named \"spark\"");
    }
}
