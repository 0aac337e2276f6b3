package dev.veracity.labeling.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingProjectTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final List<String> RATERS = List.of("ann", "bob", "cid", "dee", "eve");

    @TempDir
    Path dir;

    private static List<Task> tasks(int ordinary, int gold) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < ordinary; i++) {
            tasks.add(new Task("t" + i, Map.of("text", "review " + i), ""));
        }
        for (int i = 0; i < gold; i++) {
            tasks.add(new Task("g" + i, Map.of("text", "gold " + i), i % 2 == 0 ? "pos" : "neg"));
        }
        return tasks;
    }

    private LabelingProject project(AssignmentPolicy policy, boolean blind, double goldRate) throws IOException {
        LabelingProject p = LabelingProject.create(
                dir.resolve("p"),
                ProjectConfig.of("sentiment", List.of("neg", "pos"), 3)
                        .withPolicy(policy)
                        .withBlind(blind)
                        .withGold(goldRate, 7),
                CLOCK);
        p.addRaters(RATERS);
        p.addTasks(tasks(40, 10));
        return p;
    }

    @Test
    void everyTaskGetsOverlapDistinctRatersAndGoldAtTheRate() throws IOException {
        for (AssignmentPolicy policy : AssignmentPolicy.values()) {
            LabelingProject p = project(policy, true, 0.2);
            p.assign();
            Map<String, Set<String>> ratersOf = new HashMap<>();
            for (Assignment a : p.assignments()) {
                assertThat(ratersOf.computeIfAbsent(a.task(), t -> new HashSet<>())
                                .add(a.rater()))
                        .as("%s: %s twice on %s", policy, a.rater(), a.task())
                        .isTrue();
            }
            for (int i = 0; i < 40; i++) {
                assertThat(ratersOf.get("t" + i)).as(policy + " t" + i).hasSize(3);
            }
            Map<String, Long> perRater = p.assignments().stream()
                    .filter(a -> !a.gold())
                    .collect(Collectors.groupingBy(Assignment::rater, Collectors.counting()));
            assertThat(perRater.values()).as(policy.name()).containsOnly(24L); // 40 tasks x 3 / 5 raters
            Map<String, Long> gold = p.assignments().stream()
                    .filter(Assignment::gold)
                    .collect(Collectors.groupingBy(Assignment::rater, Collectors.counting()));
            assertThat(gold.values()).as(policy.name()).containsOnly(6L); // 6 / (24 + 6) = 0.2
            assertThat(p.assign()).isEmpty(); // nothing left to fill
            deleteProject();
        }
    }

    @Test
    void leastLoadedFavoursRatersWithFewerOpenTasks() throws IOException {
        LabelingProject p = LabelingProject.create(
                dir.resolve("p"),
                ProjectConfig.of("s", List.of("neg", "pos"), 1).withPolicy(AssignmentPolicy.LEAST_LOADED),
                CLOCK);
        p.addRaters(List.of("ann", "bob"));
        p.addTasks(tasks(2, 0));
        p.assign();
        assertThat(p.assignments()).extracting(Assignment::rater).containsExactly("ann", "bob");
        p.annotate("ann", "t0", "pos", 3);
        p.addTasks(List.of(new Task("t2", Map.of(), ""), new Task("t3", Map.of(), "")));
        p.assign();
        // ann has no open task, bob one: ann gets t2, then both have one open and ann has more in all: bob gets t3
        assertThat(p.assignments()).extracting(Assignment::rater).containsExactly("ann", "bob", "ann", "bob");
    }

    @Test
    void blindQueuesHideOtherAnswersAndGoldIsScored() throws IOException {
        LabelingProject p = project(AssignmentPolicy.ROUND_ROBIN, true, 0.2);
        p.assign();
        for (String rater : RATERS) {
            for (QueuedTask q : p.queue(rater)) {
                assertThat(q.otherLabels()).isEmpty();
                Task task = p.tasks().stream()
                        .filter(t -> t.id().equals(q.task()))
                        .findFirst()
                        .orElseThrow();
                String label = task.isGold() ? (rater.equals("eve") ? "neg" : task.gold()) : "pos";
                p.annotate(rater, q.task(), label, 10);
            }
        }
        assertThat(p.completeTasks()).isEqualTo(40);
        LabelingProject reopened = LabelingProject.open(dir.resolve("p"), CLOCK);
        List<RaterStatus> status = reopened.status();
        assertThat(status).extracting(RaterStatus::rater).containsExactlyElementsOf(RATERS);
        assertThat(status.get(0).accuracy()).isEqualTo(1.0);
        long eveRight = p.assignments().stream()
                .filter(a -> a.rater().equals("eve") && a.gold())
                .filter(a -> p.tasks().stream()
                        .anyMatch(t -> t.id().equals(a.task()) && t.gold().equals("neg")))
                .count();
        assertThat(status.get(4).goldAnswered()).isEqualTo(6);
        assertThat(status.get(4).goldCorrect()).isEqualTo((int) eveRight);
        assertThat(status.get(4).meanSeconds()).isEqualTo(10.0);
        assertThat(reopened.ratings())
                .hasSize(120)
                .allMatch(r -> r.instructionVersion().equals("v1"));
        assertThat(reopened.annotations()).isEqualTo(p.annotations());
        assertThat(reopened.assignments()).isEqualTo(p.assignments());
        assertThat(reopened.tasks()).isEqualTo(p.tasks());
    }

    @Test
    void openQueuesShowOtherAnswersAndInstructionsAreVersioned() throws IOException {
        LabelingProject p = project(AssignmentPolicy.ROUND_ROBIN, false, 0);
        p.assign();
        QueuedTask first = p.queue("ann").get(0);
        p.annotate("ann", first.task(), "neg", 4);
        assertThat(p.updateInstructions("Neutral reviews are neg.")).isEqualTo(2);
        String other = p.assignments().stream()
                .filter(a -> a.task().equals(first.task()) && !a.rater().equals("ann"))
                .findFirst()
                .orElseThrow()
                .rater();
        QueuedTask seen = p.queue(other).stream()
                .filter(q -> q.task().equals(first.task()))
                .findFirst()
                .orElseThrow();
        assertThat(seen.otherLabels()).containsExactly("neg");
        assertThat(seen.instructionVersion()).isEqualTo(2);
        assertThat(p.annotate(other, first.task(), "pos", 5).instructionVersion())
                .isEqualTo(2);
        assertThat(LabelingProject.open(dir.resolve("p")).config().instructions())
                .extracting(Instructions::text)
                .containsExactly("", "Neutral reviews are neg.");
    }

    @Test
    void lowConfidenceItemsGetAnotherRater() throws IOException {
        LabelingProject p = project(AssignmentPolicy.LEAST_LOADED, true, 0);
        p.assign();
        for (String rater : RATERS) {
            for (QueuedTask q : p.queue(rater)) {
                p.annotate(rater, q.task(), rater.equals("eve") ? "neg" : "pos", 1);
            }
        }
        var consensus = dev.veracity.labeling.consensus.Votes.majority(
                        dev.veracity.labeling.consensus.TiePolicy.ABSTAIN)
                .aggregate(dev.veracity.labeling.ratings.RatingTable.of(p.ratings()));
        List<String> unsure = consensus.adjudicationQueue(0.99).stream()
                .map(dev.veracity.labeling.consensus.ItemConsensus::item)
                .toList();
        assertThat(unsure).isNotEmpty().hasSizeLessThan(40); // tasks eve rated: 2 of 3 say pos
        List<Assignment> added = p.requestMoreRatings(unsure);
        assertThat(added).extracting(Assignment::task).containsExactlyElementsOf(unsure);
        for (Assignment a : added) {
            assertThat(p.assignments().stream()
                            .filter(b -> b.task().equals(a.task()))
                            .map(Assignment::rater)
                            .distinct()
                            .count())
                    .isEqualTo(4);
        }
        assertThatThrownBy(() -> p.requestMoreRatings(List.of("g0")))
                .hasMessage("task g0: expected an ordinary task of the project, found a gold question");
    }

    @Test
    void mistakesAreClearErrors() throws IOException {
        LabelingProject p = project(AssignmentPolicy.ROUND_ROBIN, true, 0);
        p.assign();
        String task = p.queue("ann").get(0).task();
        assertThatThrownBy(() -> p.annotate("ann", task, "maybe", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("label: expected one of [neg, pos], found 'maybe'");
        assertThatThrownBy(() -> p.annotate("zed", task, "pos", 1))
                .hasMessage("rater: expected one of [ann, bob, cid, dee, eve], found 'zed'");
        p.annotate("ann", task, "pos", 1);
        assertThatThrownBy(() -> p.annotate("ann", task, "pos", 1))
                .hasMessage("task " + task + ": expected an open assignment of ann, found one already annotated");
        assertThatThrownBy(() -> p.addTasks(List.of(new Task("x", Map.of(), "maybe"))))
                .hasMessage("task x: expected a gold label among [neg, pos], found 'maybe'");
        assertThatThrownBy(() -> LabelingProject.create(dir.resolve("p"), p.config()))
                .hasMessageContaining("expected no project here, found one");
        Files.writeString(dir.resolve("p").resolve("tasks.json"), "{\"format_version\": 9, \"tasks\": []}");
        assertThatThrownBy(() -> LabelingProject.open(dir.resolve("p")))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("p").resolve("tasks.json") + ": expected format_version 1, found 9");
    }

    @Test
    void labelStudioExportImportsIntoAnEqualProject() throws IOException {
        LabelingProject p = project(AssignmentPolicy.ROUND_ROBIN, true, 0.2);
        p.assign();
        for (String rater : RATERS) {
            int n = 0;
            for (QueuedTask q : p.queue(rater)) {
                p.annotate(rater, q.task(), n++ % 3 == 0 ? "neg" : "pos", 2.5);
            }
        }
        Path export = dir.resolve("ls.json");
        LabelStudio.export(p, export);
        LabelingProject copy = LabelingProject.create(dir.resolve("copy"), p.config(), CLOCK);
        assertThat(LabelStudio.importAnnotations(copy, export))
                .isEqualTo(p.annotations().size());
        assertThat(copy.tasks()).isEqualTo(p.tasks());
        assertThat(copy.annotations()).containsExactlyInAnyOrderElementsOf(p.annotations()); // grouped by task
        assertThat(copy.ratings()).containsExactlyInAnyOrderElementsOf(p.ratings());
        assertThat(copy.raters()).isEqualTo(p.raters());
        assertThat(LabelStudio.labelingConfig(p.config()))
                .contains("<Choice value=\"neg\"/>", "<Choices name=\"label\" toName=\"text\" choice=\"single\">");
    }

    @Test
    void importsWhatLabelStudioExports() throws IOException {
        // The shape of Label Studio's JSON export: completed_by as a user id, result items of type choices.
        Path export = Files.writeString(dir.resolve("export.json"), """
                [{"id": 7, "data": {"text": "great"}, "annotations": [
                   {"id": 1, "completed_by": 3, "lead_time": 4.2, "was_cancelled": false, "ground_truth": false,
                    "created_at": "2024-05-01T10:00:00Z",
                    "result": [{"from_name": "sentiment", "to_name": "text", "type": "choices",
                                "value": {"choices": ["pos"]}}]},
                   {"id": 2, "completed_by": {"id": 4, "email": "ann@example.com"}, "was_cancelled": true,
                    "result": [{"type": "choices", "value": {"choices": ["neg"]}}]},
                   {"id": 3, "completed_by": 1, "ground_truth": true,
                    "result": [{"type": "choices", "value": {"choices": ["pos"]}}]}],
                  "predictions": []}]
                """);
        LabelingProject p =
                LabelingProject.create(dir.resolve("p"), ProjectConfig.of("s", List.of("neg", "pos"), 2), CLOCK);
        assertThat(LabelStudio.importAnnotations(p, export)).isEqualTo(1);
        assertThat(p.tasks()).containsExactly(new Task("ls-7", Map.of("text", "great"), "pos"));
        assertThat(p.annotations())
                .containsExactly(new Annotation("ls-7", "ls-user-3", "pos", 1, 4.2, "2024-05-01T10:00:00Z"));
        assertThat(p.status().get(0).accuracy()).isEqualTo(1.0);
    }

    private void deleteProject() throws IOException {
        try (var files = Files.walk(dir.resolve("p"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
