package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stats --engine NAME} finds engines on the class path; the CLI's tests run without veracity-beam. */
class StatisticsEnginesTest {
    @TempDir
    Path directory;

    @Test
    void anEngineNotOnTheClassPathIsAUsageErrorNamingTheEnginesThatAre() throws Exception {
        Path input = directory.resolve("x.csv");
        Files.writeString(input, "a\n1\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(
                "stats", input.toString(), "-o", directory.resolve("out.pb").toString(), "--engine", "spark");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("veracity: error: --engine spark: expected one of local, found no "
                        + "engine named \"spark\" on the class path");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(directory.resolve("out.pb")).doesNotExist();
    }
}
