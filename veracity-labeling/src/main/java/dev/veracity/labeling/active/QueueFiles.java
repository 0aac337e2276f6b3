package dev.veracity.labeling.active;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a labeling queue as CSV, atomically: {@code id,score,rank}, first item first. {@code veracity label project
 * assign --from-queue} reads its {@code id} column.
 *
 * <pre>{@code
 * QueueFiles.write(queue, Path.of("queue.csv"));
 * }</pre>
 */
public final class QueueFiles {
    private QueueFiles() {}

    /** Writes the queue. */
    public static void write(List<QueueItem> queue, Path file) throws IOException {
        StringBuilder text = new StringBuilder("id,score,rank\n");
        for (QueueItem item : queue) {
            text.append(field(item.id()))
                    .append(',')
                    .append(ValueText.of(item.score()))
                    .append(',')
                    .append(item.rank())
                    .append('\n');
        }
        byte[] bytes = text.toString().getBytes(UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String field(String value) {
        if (value.isEmpty()
                || value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
