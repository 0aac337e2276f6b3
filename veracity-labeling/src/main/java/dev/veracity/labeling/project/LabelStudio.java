package dev.veracity.labeling.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label Studio's JSON: tasks out (with their annotations, so a project can be reviewed in Label Studio) and in (its
 * JSON export: tasks with {@code annotations}, each with {@code completed_by}, {@code lead_time} and a
 * {@code result} of {@code choices}), and the labeling config of a single-choice project.
 *
 * <p>Label Studio identifies raters by user id: exports carry {@code veracity_rater} (and
 * {@code veracity_instruction_version}) beside {@code completed_by}; imports use them when present, else the user's
 * email, else {@code ls-user-<id>}. An annotation marked {@code ground_truth} makes its task a gold question.
 *
 * <pre>{@code
 * LabelStudio.export(project, Path.of("tasks.json"));
 * int imported = LabelStudio.importAnnotations(project, Path.of("export.json"));
 * }</pre>
 */
public final class LabelStudio {
    /** The {@code name} of the Choices control tag ({@code from_name} in results). */
    public static final String FROM_NAME = "label";
    /** The {@code name} of the object tag ({@code to_name} in results). */
    public static final String TO_NAME = "text";

    private LabelStudio() {}

    /** Writes every task with its annotations as a Label Studio JSON task list, atomically. */
    public static void export(LabelingProject project, Path file) throws IOException {
        ArrayNode tasks = ProjectFiles.MAPPER.createArrayNode();
        Map<String, List<Annotation>> byTask = new HashMap<>();
        project.annotations()
                .forEach(a ->
                        byTask.computeIfAbsent(a.task(), t -> new ArrayList<>()).add(a));
        List<String> raters = project.raters();
        int taskId = 0;
        int annotationId = 0;
        for (Task task : project.tasks()) {
            ObjectNode node = tasks.addObject();
            node.put("id", ++taskId);
            ObjectNode data = node.putObject("data");
            data.setAll((ObjectNode) ProjectFiles.MAPPER.valueToTree(task.data()));
            data.put("veracity_task_id", task.id());
            ArrayNode annotations = node.putArray("annotations");
            for (Annotation a : byTask.getOrDefault(task.id(), List.of())) {
                ObjectNode annotation = annotations.addObject();
                annotation.put("id", ++annotationId);
                annotation.put("completed_by", raters.indexOf(a.rater()) + 1);
                annotation.put("veracity_rater", a.rater());
                annotation.put("veracity_instruction_version", a.instructionVersion());
                annotation.put("lead_time", a.seconds());
                annotation.put("created_at", a.createdAt());
                annotation.put("was_cancelled", false);
                annotation.put("ground_truth", false);
                ObjectNode result = annotation.putArray("result").addObject();
                result.put("from_name", FROM_NAME);
                result.put("to_name", TO_NAME);
                result.put("type", "choices");
                result.putObject("value").putArray("choices").add(a.label());
            }
            if (task.isGold()) {
                ObjectNode gold = annotations.addObject();
                gold.put("id", ++annotationId);
                gold.put("ground_truth", true);
                gold.put("was_cancelled", false);
                gold.put("veracity_rater", "gold");
                ObjectNode result = gold.putArray("result").addObject();
                result.put("from_name", FROM_NAME);
                result.put("to_name", TO_NAME);
                result.put("type", "choices");
                result.putObject("value").putArray("choices").add(task.gold());
            }
            node.putArray("predictions");
        }
        byte[] bytes = ProjectFiles.MAPPER.writeValueAsBytes(tasks);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** {@return Label Studio's labeling config (XML) of a single-choice project over {@code $text}} */
    public static String labelingConfig(ProjectConfig config) {
        StringBuilder xml = new StringBuilder("<View>\n  <Text name=\"" + TO_NAME + "\" value=\"$text\"/>\n"
                + "  <Choices name=\"" + FROM_NAME + "\" toName=\"" + TO_NAME + "\" choice=\"single\">\n");
        for (String label : config.labels()) {
            xml.append("    <Choice value=\"")
                    .append(label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                    .append("\"/>\n");
        }
        return xml.append("  </Choices>\n</View>\n").toString();
    }

    /**
     * {@return the tasks of a Label Studio task file: a JSON array of tasks, each {@code {"data": {...}}} or a flat
     * object (its own data)}; the id is {@code data.veracity_task_id}, else {@code ls-<id>}, else {@code task-<n>}
     */
    public static List<Task> readTasks(Path file) throws IOException {
        List<Task> tasks = new ArrayList<>();
        JsonNode root = read(file);
        for (int i = 0; i < root.size(); i++) {
            tasks.add(task(file, root.get(i), i));
        }
        return tasks;
    }

    /**
     * Imports the annotations of a Label Studio JSON export into the project (tasks and raters added as needed;
     * cancelled annotations skipped; a {@code ground_truth} annotation sets the task's gold label; annotations
     * already in the project are skipped). {@return how many annotations were added}
     */
    public static int importAnnotations(LabelingProject project, Path file) throws IOException {
        JsonNode root = read(file);
        List<Task> tasks = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            Task task = task(file, node, i);
            String gold = "";
            for (JsonNode a : node.path("annotations")) {
                if (a.path("was_cancelled").asBoolean(false)) {
                    continue;
                }
                String label = choice(file, i, a);
                if (a.path("ground_truth").asBoolean(false)) {
                    gold = label;
                    continue;
                }
                int version = a.path("veracity_instruction_version")
                        .asInt(project.config().currentInstructions().version());
                annotations.add(new Annotation(
                        task.id(),
                        rater(a),
                        label,
                        version,
                        a.path("lead_time").asDouble(0),
                        a.path("created_at").asText("")));
            }
            tasks.add(gold.isEmpty() ? task : new Task(task.id(), task.data(), gold));
        }
        return project.importAnnotations(tasks, annotations);
    }

    private static JsonNode read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = InputFiles.open(file)) {
            root = ProjectFiles.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InputException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    file + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr() + ": expected Label Studio JSON, found "
                            + e.getOriginalMessage(),
                    e);
        }
        if (root == null || !root.isArray()) {
            throw new InputException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    file + ": expected a JSON array of Label " + "Studio tasks, found "
                            + (root == null ? "an empty file" : root.getNodeType()));
        }
        return root;
    }

    private static Task task(Path file, JsonNode node, int index) {
        if (!node.isObject()) {
            throw new InputException(
                    ErrorCode.LABEL_PROJECT_INVALID,
                    file + ": task " + (index + 1) + ": expected a JSON object, found " + node.getNodeType());
        }
        JsonNode data = node.has("data") ? node.get("data") : node;
        Map<String, Object> values = new LinkedHashMap<>();
        data.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("veracity_task_id")) {
                values.put(e.getKey(), ProjectFiles.MAPPER.convertValue(e.getValue(), Object.class));
            }
        });
        String id = data.hasNonNull("veracity_task_id")
                ? data.get("veracity_task_id").asText()
                : node.has("data") && node.hasNonNull("id")
                        ? "ls-" + node.get("id").asText()
                        : "task-" + (index + 1);
        return new Task(id, values, "");
    }

    private static String choice(Path file, int index, JsonNode annotation) {
        // The first single-choice result counts, whatever its control is named (from_name).
        for (JsonNode result : annotation.path("result")) {
            JsonNode choices = result.path("value").path("choices");
            if (choices.isArray() && choices.size() > 0) {
                return choices.get(0).asText();
            }
        }
        throw new InputException(
                ErrorCode.LABEL_PROJECT_INVALID,
                file + ": task " + (index + 1) + ": annotation "
                        + annotation.path("id").asText("?") + ": expected a result with value.choices, found "
                        + annotation.path("result"));
    }

    private static String rater(JsonNode annotation) {
        if (annotation.hasNonNull("veracity_rater")) {
            return annotation.get("veracity_rater").asText();
        }
        JsonNode by = annotation.path("completed_by");
        if (by.isObject()) {
            return by.hasNonNull("email")
                    ? by.get("email").asText()
                    : "ls-user-" + by.path("id").asText();
        }
        return "ls-user-" + by.asText("unknown");
    }
}
