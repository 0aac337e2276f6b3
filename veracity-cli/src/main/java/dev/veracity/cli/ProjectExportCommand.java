package dev.veracity.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.labeling.project.Annotation;
import dev.veracity.labeling.project.LabelStudio;
import dev.veracity.labeling.project.LabelingProject;
import dev.veracity.labeling.project.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veracity label project export}: annotations as a ratings CSV, or Label Studio JSON. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Writes the annotations as CSV (item, rater, label, instruction_version, seconds, gold; the "
                + "input of label consensus and label agreement; gold questions left out unless --with-gold), or "
                + "as Label Studio JSON tasks with annotations (--label-studio), with its labeling config beside "
                + "it (.xml).",
        footer = {
            "%nExamples:",
            "  veracity label project export proj -o annotations.csv",
            "  veracity label project export proj --label-studio tasks.json"
        })
final class ProjectExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    Path directory;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "The ratings CSV.")
    Path output;

    @Option(names = "--label-studio", paramLabel = "FILE", description = "Label Studio JSON tasks.")
    Path labelStudio;

    @Option(names = "--with-gold", description = "Also export answers to gold questions.")
    boolean withGold;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (output == null && labelStudio == null) {
            throw new ConfigException("export: expected -o FILE or --label-studio FILE, found neither");
        }
        LabelingProject project = LabelingProject.open(directory);
        if (output != null) {
            Map<String, Task> tasks = project.tasks().stream().collect(Collectors.toMap(Task::id, Function.identity()));
            StringBuilder csv = new StringBuilder("item,rater,label,instruction_version,seconds,gold\n");
            int rows = 0;
            for (Annotation a : project.annotations()) {
                Task task = tasks.get(a.task());
                boolean gold = task != null && task.isGold();
                if (gold && !withGold) {
                    continue;
                }
                csv.append(field(a.task()))
                        .append(',')
                        .append(field(a.rater()))
                        .append(',')
                        .append(field(a.label()))
                        .append(",v")
                        .append(a.instructionVersion())
                        .append(',')
                        .append(a.seconds())
                        .append(',')
                        .append(gold ? field(task.gold()) : "")
                        .append('\n');
                rows++;
            }
            byte[] bytes = csv.toString().getBytes(UTF_8);
            AtomicFiles.write(output, out -> out.write(bytes));
            spec.commandLine().getOut().printf("%d annotations -> %s%n", rows, output);
        }
        if (labelStudio != null) {
            LabelStudio.export(project, labelStudio);
            String name = labelStudio.getFileName().toString().replaceFirst("\\.json$", "") + ".xml";
            Path config = labelStudio.resolveSibling(name);
            byte[] xml = LabelStudio.labelingConfig(project.config()).getBytes(UTF_8);
            AtomicFiles.write(config, out -> out.write(xml));
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%d tasks -> %s, labeling config -> %s%n",
                            project.tasks().size(), labelStudio, config);
        }
        return ExitCodes.OK;
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
