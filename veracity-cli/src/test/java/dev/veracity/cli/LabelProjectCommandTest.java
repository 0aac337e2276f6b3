package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labeling project driven through the CLI: init to export, then consensus and agreement on the export. */
class LabelProjectCommandTest {
    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    @Test
    void fromInitToConsensus() throws IOException {
        String project = dir.resolve("proj").toString();
        Path tasks = Files.writeString(
                dir.resolve("reviews.csv"),
                "id,text,gold\nr1,great,\nr2,awful,\n" + "r3,fine,\nr4,love it,\ng1,best ever,pos\n");
        run(
                "label",
                "project",
                "init",
                project,
                "--labels",
                "neg,pos",
                "--overlap",
                "3",
                "--blind",
                "--gold-rate",
                "0.25");
        run("label", "project", "add-raters", project, "ann", "bob", "cid");
        assertThat(run("label", "project", "add-tasks", project, tasks.toString())
                        .out())
                .isEqualTo("5 tasks added (1 gold), 5 in all" + System.lineSeparator());
        assertThat(run("label", "project", "assign", project).out()).startsWith("15 new assignments");
        for (String rater : new String[] {"ann", "bob", "cid"}) {
            String queue =
                    run("label", "project", "queue", project, "--rater", rater).out();
            assertThat(queue).doesNotContain("gold", "other_labels");
            for (String line : queue.lines().toList()) {
                String task = line.replaceFirst("^\\{\"task\":\"([^\"]+)\".*", "$1");
                String label = task.equals("r2") || rater.equals("cid") && task.equals("g1") ? "neg" : "pos";
                run(
                        "label",
                        "project",
                        "annotate",
                        project,
                        "--rater",
                        rater,
                        "--task",
                        task,
                        "--label",
                        label,
                        "--seconds",
                        "3");
            }
        }
        String status = run("label", "project", "status", project).out();
        assertThat(status)
                .contains("4 complete with 3 ratings")
                .containsPattern("ann +5 +5 +1 +1.000")
                .containsPattern("cid +5 +5 +1 +0.000");
        Path csv = dir.resolve("annotations.csv");
        run(
                "label",
                "project",
                "export",
                project,
                "-o",
                csv.toString(),
                "--label-studio",
                dir.resolve("ls.json").toString());
        assertThat(Files.readAllLines(csv)).hasSize(13).contains("r2,bob,neg,v1,3.0,");
        assertThat(dir.resolve("ls.xml")).exists();
        CommandRun consensus = CommandRun.of(
                "label",
                "consensus",
                csv.toString(),
                "-o",
                dir.resolve("labels.csv").toString());
        assertThat(consensus.exitCode()).isZero();
        assertThat(Files.readAllLines(dir.resolve("labels.csv")))
                .contains("r2,neg,1.000000,3,accepted,1.000000," + "0.000000");
        assertThat(run("label", "agreement", csv.toString()).out()).contains("all");
        // cid missed its gold question: weight 0, so on r1 (ann, bob: pos; cid: pos) nothing changes, and the
        // weighted vote of every item is that of ann and bob
        Path weighted = dir.resolve("weighted.csv");
        CommandRun byGold = CommandRun.of(
                "label",
                "consensus",
                csv.toString(),
                "--method",
                "weighted",
                "--weights-from-project",
                project,
                "-o",
                weighted.toString());
        assertThat(byGold.exitCode()).as(byGold.err()).isZero();
        assertThat(byGold.out()).startsWith("weighted: 4 items");
        assertThat(Files.readAllLines(weighted)).contains("r2,neg,1.000000,3,accepted,1.000000,0.000000");

        String copy = dir.resolve("copy").toString();
        run("label", "project", "init", copy, "--labels", "neg,pos");
        assertThat(run(
                                "label",
                                "project",
                                "import",
                                copy,
                                dir.resolve("ls.json").toString())
                        .out())
                .startsWith("15 annotations imported");
        CommandRun bad =
                CommandRun.of("label", "project", "annotate", copy, "--rater", "zed", "--task", "r1", "--label", "pos");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .isEqualTo("veracity: error: rater: expected one of [ann, bob, cid], found 'zed'"
                        + System.lineSeparator());
    }
}
