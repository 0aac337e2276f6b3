package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code contract of skew, labeling and privacy commands on inputs that used to slip through. */
class TableCommandsContractTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void skewWithNoMatchingPairSaysSoAndExitsOne() throws IOException {
        Path training = write("t.csv", "id,x\n1,a\n2,b\n");
        Path serving = write("s.csv", "id,x\n3,a\n4,b\n");
        CommandRun run = CommandRun.of(
                "skew", "--training", training.toString(), "--serving", serving.toString(), "--key", "id");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains("veracity: skew: no matching pairs: no id of --key id has exactly one "
                        + "example on each side (training 2, serving 2 examples with an id), so nothing was compared");
    }

    @Test
    void agreementRefusesARaterRatingAnItemTwiceNamingTheRecords() throws IOException {
        Path ratings = write("r.csv", "item,rater,label\nq1,ann,pos\nq1,bob,pos\nq2,ann,neg\nq1,ann,neg\n");
        CommandRun run = CommandRun.of("label", "agreement", ratings.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly("veracity: error: " + ratings + ": record 4: expected one "
                        + "rating per rater and item, found rater ann rating item q1 again (first at " + ratings
                        + ": record 1); agreement would pair the rater with themself");
        CommandRun consensus = CommandRun.of("label", "consensus", ratings.toString());
        assertThat(consensus.exitCode()).as(consensus.err()).isNotEqualTo(2); // consensus counts each rating
    }

    @Test
    void addTasksRefusesADuplicateIdNamingIdAndRecords() throws IOException {
        String project = dir.resolve("proj").toString();
        assertThat(CommandRun.of("label", "project", "init", project, "--labels", "neg,pos")
                        .exitCode())
                .isZero();
        Path tasks = write("tasks.csv", "id,text\nr1,great\nr2,awful\nr1,fine\n");
        CommandRun run = CommandRun.of("label", "project", "add-tasks", project, tasks.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly("veracity: error: " + tasks + ": record 3: expected a new "
                        + "task id, found r1 again (first at record 1); a task id names one task");
        assertThat(CommandRun.of("label", "project", "status", project).out()).doesNotContain("r2");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void redactWithAnEndlessSecretFileIsAUsageError() throws IOException {
        Path data = write("d.csv", "email\na@example.com\n");
        Path out = dir.resolve("out.csv");
        CommandRun run = CommandRun.of(
                "pii",
                "redact",
                data.toString(),
                "-o",
                out.toString(),
                "--feature",
                "email=hash",
                "--secret-file",
                "/dev/zero");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "veracity: error: /dev/zero: expected a secret of at most " + "1024 bytes, found more");
        assertThat(out).doesNotExist();
    }
}
