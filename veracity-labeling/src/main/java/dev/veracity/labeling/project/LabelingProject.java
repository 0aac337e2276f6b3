package dev.veracity.labeling.project;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.labeling.ratings.Rating;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A human labeling project kept in a directory of JSON files: every change is written through at once (atomically),
 * so several short-lived processes (the CLI) can work on it one after another. Not for concurrent writers.
 *
 * <pre>{@code
 * LabelingProject p = LabelingProject.create(Path.of("proj"), ProjectConfig.of("sentiment", List.of("neg", "pos"), 2));
 * p.addRaters(List.of("ann", "bob")); p.addTasks(tasks); p.assign();
 * p.annotate("ann", "t1", "pos", 12.5);
 * }</pre>
 */
public final class LabelingProject {
    private final ProjectFiles files;
    private final Clock clock;
    private ProjectConfig config;
    private final List<String> raters;
    private final LinkedHashMap<String, Task> tasks = new LinkedHashMap<>();
    private List<Assignment> assignments;
    private long nextRater;
    private final List<Annotation> annotations;

    private LabelingProject(ProjectFiles files, Clock clock) throws IOException {
        this.files = files;
        this.clock = clock;
        this.config = files.readConfig();
        this.raters = new ArrayList<>(files.readList(ProjectFiles.RATERS, "raters", String.class));
        for (Task task : files.readList(ProjectFiles.TASKS, "tasks", Task.class)) {
            tasks.put(task.id(), task);
        }
        this.assignments = new ArrayList<>(files.readList(ProjectFiles.ASSIGNMENTS, "assignments", Assignment.class));
        this.nextRater = files.readLong(ProjectFiles.ASSIGNMENTS, "next_rater");
        this.annotations = new ArrayList<>(files.readList(ProjectFiles.ANNOTATIONS, "annotations", Annotation.class));
    }

    /**
     * {@return a new project in {@code directory} (created if absent)}
     *
     * @throws ConfigException if the directory already holds a project
     */
    public static LabelingProject create(Path directory, ProjectConfig config) throws IOException {
        return create(directory, config, Clock.systemUTC());
    }

    static LabelingProject create(Path directory, ProjectConfig config, Clock clock) throws IOException {
        ProjectFiles files = new ProjectFiles(directory);
        if (files.exists()) {
            throw new ConfigException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    directory.resolve(ProjectFiles.CONFIG) + ": expected no project here, found one (open it instead)");
        }
        Files.createDirectories(directory);
        files.writeConfig(config);
        return new LabelingProject(files, clock);
    }

    /** @throws InputException LABEL_PROJECT_INVALID if the directory holds no project or a damaged file */
    public static LabelingProject open(Path directory) throws IOException {
        return open(directory, Clock.systemUTC());
    }

    static LabelingProject open(Path directory, Clock clock) throws IOException {
        ProjectFiles files = new ProjectFiles(directory);
        if (!files.exists()) {
            throw new InputException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    directory.resolve(ProjectFiles.CONFIG)
                            + ": expected a labeling project (veracity label project init), found no such file");
        }
        return new LabelingProject(files, clock);
    }

    public ProjectConfig config() {
        return config;
    }

    public List<String> raters() {
        return List.copyOf(raters);
    }

    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    public List<Assignment> assignments() {
        return List.copyOf(assignments);
    }

    public List<Annotation> annotations() {
        return List.copyOf(annotations);
    }

    /** Adds a new version of the instructions; later annotations record it. {@return its version number} */
    public int updateInstructions(String text) throws IOException {
        List<Instructions> versions = new ArrayList<>(config.instructions());
        int version = config.currentInstructions().version() + 1;
        versions.add(new Instructions(
                version, requireNonNull(text, "text is null"), clock.instant().toString()));
        config = config.withInstructions(versions);
        files.writeConfig(config);
        return version;
    }

    /** Adds raters not yet in the project. {@return how many were new} */
    public int addRaters(List<String> names) throws IOException {
        int added = 0;
        for (String name : names) {
            if (name.isBlank()) {
                throw new ConfigException("rater: expected a non-empty id, found '" + name + "'");
            }
            if (!raters.contains(name)) {
                raters.add(name);
                added++;
            }
        }
        files.writeList(ProjectFiles.RATERS, "raters", raters, null, 0);
        return added;
    }

    /**
     * Adds tasks; a task whose id exists already is replaced only if it has no assignment yet.
     *
     * @throws ConfigException if a gold label is not one of the project's labels, or an assigned task would change
     */
    public int addTasks(List<Task> newTasks) throws IOException {
        int added = 0;
        for (Task task : newTasks) {
            if (task.isGold() && !config.labels().contains(task.gold())) {
                throw new ConfigException("task " + task.id() + ": expected a gold label among " + config.labels()
                        + ", found '" + task.gold() + "'");
            }
            Task old = tasks.get(task.id());
            if (old != null
                    && !old.equals(task)
                    && assignments.stream().anyMatch(a -> a.task().equals(task.id()))) {
                throw new ConfigException("task " + task.id() + ": expected the same content as the assigned task "
                        + "of that id, found a different one");
            }
            if (old == null) {
                added++;
            }
            tasks.put(task.id(), task);
        }
        files.writeList(ProjectFiles.TASKS, "tasks", List.copyOf(tasks.values()), null, 0);
        return added;
    }

    /** Fills open slots per the policy and mixes in gold questions. {@return the new assignments} */
    public List<Assignment> assign() throws IOException {
        int before = assignments.size();
        Assignor assignor = new Assignor(config, raters, assignments, nextRater);
        assignments = new ArrayList<>(assignor.assign(List.copyOf(tasks.values())));
        nextRater = assignor.nextRater();
        files.writeList(ProjectFiles.ASSIGNMENTS, "assignments", assignments, "next_rater", nextRater);
        return List.copyOf(assignments.subList(before, assignments.size()));
    }

    /**
     * Fills the open slots of these tasks only, in this order (an active-learning queue), then mixes in gold
     * questions as {@link #assign()} does. {@return the new assignments}
     *
     * @throws ConfigException if a task id is unknown or names a gold question
     */
    public List<Assignment> assign(List<String> taskIds) throws IOException {
        List<Task> chosen = new ArrayList<>();
        for (String id : taskIds) {
            Task task = tasks.get(id);
            if (task == null || task.isGold()) {
                throw new ConfigException("task " + id + ": expected an ordinary task of the project, found "
                        + (task == null ? "none (add it with add-tasks first)" : "a gold question"));
            }
            chosen.add(task);
        }
        tasks.values().stream().filter(Task::isGold).forEach(chosen::add);
        int before = assignments.size();
        Assignor assignor = new Assignor(config, raters, assignments, nextRater);
        assignments = new ArrayList<>(assignor.assign(chosen));
        nextRater = assignor.nextRater();
        files.writeList(ProjectFiles.ASSIGNMENTS, "assignments", assignments, "next_rater", nextRater);
        return List.copyOf(assignments.subList(before, assignments.size()));
    }

    /**
     * Asks for one more rating of each task (a rater not yet on it, by the policy), as for items a consensus left
     * below its confidence target. {@return the new assignments}
     *
     * @throws ConfigException if a task id is unknown or names a gold question
     */
    public List<Assignment> requestMoreRatings(List<String> taskIds) throws IOException {
        for (String id : taskIds) {
            Task task = tasks.get(id);
            if (task == null || task.isGold()) {
                throw new ConfigException("task " + id + ": expected an ordinary task of the project, found "
                        + (task == null ? "none" : "a gold question"));
            }
        }
        int before = assignments.size();
        Assignor assignor = new Assignor(config, raters, assignments, nextRater);
        assignments = new ArrayList<>(assignor.another(taskIds));
        nextRater = assignor.nextRater();
        files.writeList(ProjectFiles.ASSIGNMENTS, "assignments", assignments, "next_rater", nextRater);
        return List.copyOf(assignments.subList(before, assignments.size()));
    }

    /** {@return a rater's open assignments in queue order, as the rater may see them} */
    public List<QueuedTask> queue(String rater) {
        requireRater(rater);
        List<QueuedTask> queue = new ArrayList<>();
        assignments.stream()
                .filter(a -> a.rater().equals(rater) && !a.done())
                .sorted(Comparator.comparingLong(Assignment::order).thenComparing(Assignment::task))
                .forEach(a -> queue.add(new QueuedTask(
                        a.task(),
                        tasks.get(a.task()).data(),
                        config.currentInstructions().version(),
                        config.blind()
                                ? List.of()
                                : annotations.stream()
                                        .filter(n -> n.task().equals(a.task()))
                                        .map(Annotation::label)
                                        .toList())));
        return queue;
    }

    /**
     * Records a rater's label for an assigned task, under the current instructions.
     *
     * @throws ConfigException if the task is not assigned to the rater, already done, or the label is unknown
     */
    public Annotation annotate(String rater, String task, String label, double seconds) throws IOException {
        requireRater(rater);
        int index = -1;
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).rater().equals(rater)
                    && assignments.get(i).task().equals(task)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new ConfigException(
                    "task " + task + ": expected a task assigned to " + rater + ", found none " + "(see its queue)");
        }
        if (assignments.get(index).done()) {
            throw new ConfigException(
                    "task " + task + ": expected an open assignment of " + rater + ", found one already annotated");
        }
        if (!config.labels().contains(label)) {
            throw new ConfigException("label: expected one of " + config.labels() + ", found '" + label + "'");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new ConfigException("seconds: expected a time of 0 or more, found " + seconds);
        }
        Annotation annotation = new Annotation(
                task,
                rater,
                label,
                config.currentInstructions().version(),
                seconds,
                clock.instant().toString());
        annotations.add(annotation);
        assignments.set(index, assignments.get(index).completed());
        files.writeList(ProjectFiles.ANNOTATIONS, "annotations", annotations, null, 0);
        files.writeList(ProjectFiles.ASSIGNMENTS, "assignments", assignments, "next_rater", nextRater);
        return annotation;
    }

    /**
     * Adds annotations made elsewhere (Label Studio), with their tasks and raters, without assignments; an annotation
     * equal to one already present is skipped. {@return how many were added}
     */
    int importAnnotations(List<Task> newTasks, List<Annotation> imported) throws IOException {
        addTasks(newTasks);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        imported.forEach(a -> names.add(a.rater()));
        addRaters(List.copyOf(names));
        java.util.Set<Annotation> present = new java.util.HashSet<>(annotations);
        int added = 0;
        for (Annotation a : imported) {
            if (present.add(a)) {
                annotations.add(a);
                added++;
            }
        }
        files.writeList(ProjectFiles.ANNOTATIONS, "annotations", annotations, null, 0);
        return added;
    }

    /** {@return per rater: assignments, annotations, gold accuracy and time spent} */
    public List<RaterStatus> status() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        for (String rater : raters) {
            counts.put(rater, new int[4]);
        }
        for (Assignment a : assignments) {
            counts.computeIfAbsent(a.rater(), r -> new int[4])[0]++;
        }
        for (Annotation a : annotations) {
            int[] c = counts.computeIfAbsent(a.rater(), r -> new int[4]);
            c[1]++;
            seconds.merge(a.rater(), a.seconds(), Double::sum);
            Task task = tasks.get(a.task());
            if (task != null && task.isGold()) {
                c[2]++;
                c[3] += task.gold().equals(a.label()) ? 1 : 0;
            }
        }
        List<RaterStatus> status = new ArrayList<>();
        counts.forEach((rater, c) -> status.add(new RaterStatus(
                rater, c[0], c[1], c[2], c[3], c[1] == 0 ? 0 : seconds.getOrDefault(rater, 0.0) / c[1])));
        return status;
    }

    /**
     * {@return per rater, a vote weight: the rater's accuracy on gold questions; raters who answered none get the
     * mean accuracy of those who did (1 when nobody did)}, for {@code Votes.weighted}
     */
    public Map<String, Double> goldWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        int known = 0;
        for (RaterStatus s : status()) {
            if (!Double.isNaN(s.accuracy())) {
                sum += s.accuracy();
                known++;
            }
        }
        double fallback = known == 0 ? 1 : sum / known;
        for (RaterStatus s : status()) {
            weights.put(s.rater(), Double.isNaN(s.accuracy()) ? fallback : s.accuracy());
        }
        return weights;
    }

    /** {@return the annotations of ordinary (non-gold) tasks as ratings, for consensus and agreement} */
    public List<Rating> ratings() {
        return annotations.stream()
                .filter(a ->
                        !tasks.containsKey(a.task()) || !tasks.get(a.task()).isGold())
                .map(a -> new Rating(a.task(), a.rater(), a.label(), "v" + a.instructionVersion()))
                .toList();
    }

    /** {@return how many ordinary tasks have {@code overlap} annotations} */
    public long completeTasks() {
        Map<String, Integer> perTask = new HashMap<>();
        annotations.forEach(a -> perTask.merge(a.task(), 1, Integer::sum));
        return tasks.values().stream()
                .filter(t -> !t.isGold())
                .filter(t -> perTask.getOrDefault(t.id(), 0) >= config.overlap())
                .count();
    }

    Path directory() {
        return files.directory();
    }

    private void requireRater(String rater) {
        if (!raters.contains(rater)) {
            throw new ConfigException("rater: expected one of " + raters + ", found '" + rater + "'");
        }
    }
}
