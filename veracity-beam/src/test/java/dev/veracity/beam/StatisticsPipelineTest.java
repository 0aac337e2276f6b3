package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable pipeline's exit codes, classified by cause as the CLI's: input errors 2, anything else 3. */
class StatisticsPipelineTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String err) {}

    private static Run execute(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = StatisticsPipeline.execute(args, err);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Run report(Throwable failure) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = StatisticsPipeline.report(failure, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPipelineThatRunsExitsZeroAndWritesTheStatistics() throws IOException {
        Path input = directory.resolve("a.csv");
        Files.writeString(input, "a,b\n1,x\n2,y\n");
        Path output = directory.resolve("out.pbtxt");
        Run run = execute("--runner=DirectRunner", "--input=" + input, "--output=" + output);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(output).exists();
    }

    @Test
    void anUnwritableOutputRaisedInsideTheRunnerIsAnInputErrorWithExitCode2() throws IOException {
        Path input = directory.resolve("a.csv");
        Files.writeString(input, "a,b\n1,x\n");
        Path output = directory.resolve("no-such-directory/out.pb");
        Run run = execute("--runner=DirectRunner", "--input=" + input, "--output=" + output);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("veracity: error: ")
                .contains("no-such-directory");
    }

    @Test
    void aMalformedRecordIsExitCode2WithOneLine() throws IOException {
        Path input = directory.resolve("bad.csv");
        Files.writeString(input, "a,b,c\n1,2,3\n4,5\n");
        Run run = execute("--runner=DirectRunner", "--input=" + input, "--output=" + directory.resolve("o.pb"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("veracity: error: " + input + ":3:3: expected 3 " + "fields as in the header, found 2");
    }

    @Test
    void unknownAndMissingOptionsAreUsageErrors() {
        Run unknown = execute("--runner=DirectRunner", "--input=x.csv", "--output=o.pb", "--noSuchOption=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).singleElement().asString().startsWith("veracity: error: pipeline options:");
        Run missing = execute("--runner=DirectRunner", "--output=o.pb");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).singleElement().asString().contains("input");
    }

    @Test
    void anIllegalArgumentOrStateFromOurOwnCodeIsABugWithExitCode3() {
        Run argument = report(new IllegalArgumentException("index -1 out of range"));
        assertThat(argument.exitCode()).isEqualTo(3);
        assertThat(argument.err()).startsWith("veracity: internal error: ").contains("index -1 out of range");
        Run wrapped = report(new RuntimeException("runner failed", new IllegalStateException("bug")));
        assertThat(wrapped.exitCode()).isEqualTo(3);
    }

    @Test
    void inputErrorsWrappedByTheRunnerAreFoundByCause() {
        Run veracity = report(new RuntimeException(
                "worker failed",
                new RuntimeException(
                        new InputException(ErrorCode.CSV_RAGGED_ROW, "a.csv:3:2: expected 3 fields, found 2"))));
        assertThat(veracity.exitCode()).isEqualTo(2);
        assertThat(veracity.err())
                .isEqualTo("veracity: error: a.csv:3:2: expected 3 fields, found 2" + System.lineSeparator());
        Run io = report(new RuntimeException(new NoSuchFileException("/data/a.csv")));
        assertThat(io.exitCode()).isEqualTo(2);
        assertThat(io.err().strip()).isEqualTo("veracity: error: /data/a.csv: no such file");
    }

    @Test
    void withASchemaThePipelineWritesNoRawValueOfAPiiFeature() throws IOException {
        Path input = directory.resolve("people.csv");
        Files.writeString(input, "email,city\njane@example.com,Oslo\nbob@example.org,Rome\njane@example.com,Oslo\n");
        Path schema = directory.resolve("schema.pbtxt");
        Files.writeString(schema, "feature { name: \"email\" type: BYTES annotation { tag: \"veracity:pii\" } }\n");
        Path output = directory.resolve("out.pbtxt");
        Run run = execute("--runner=DirectRunner", "--input=" + input, "--output=" + output, "--schema=" + schema);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(output))
                .doesNotContain("jane@example.com", "bob@example.org")
                .contains("Oslo", "veracity:pii");
    }
}
