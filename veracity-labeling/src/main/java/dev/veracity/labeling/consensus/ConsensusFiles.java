package dev.veracity.labeling.consensus;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes consensus labels as CSV, atomically: {@code item, label, confidence, ratings, status} and one
 * {@code p_<label>} column per label, where status is {@code accepted} or {@code adjudicate} (below the confidence
 * target or no label). The adjudication queue is the same columns for the queued items only.
 *
 * <pre>{@code
 * ConsensusFiles.writeLabels(consensus, 0.9, Path.of("labels.csv"));
 * }</pre>
 */
public final class ConsensusFiles {
    private ConsensusFiles() {}

    /** Writes every item's consensus. */
    public static void writeLabels(Consensus consensus, double target, Path file) throws IOException {
        write(consensus, consensus.items(), target, file);
    }

    /** Writes the adjudication queue: items below {@code target}, least confident first. */
    public static void writeQueue(Consensus consensus, double target, Path file) throws IOException {
        write(consensus, consensus.adjudicationQueue(target), target, file);
    }

    private static void write(Consensus consensus, List<ItemConsensus> items, double target, Path file)
            throws IOException {
        StringBuilder text = new StringBuilder("item,label,confidence,ratings,status");
        for (String label : consensus.labels()) {
            text.append(',').append(field("p_" + label));
        }
        text.append('\n');
        for (ItemConsensus item : items) {
            boolean accepted = item.hasLabel() && item.confidence() >= target;
            text.append(field(item.item()))
                    .append(',')
                    .append(field(item.label()))
                    .append(',')
                    .append(number(item.confidence()))
                    .append(',')
                    .append(item.ratings())
                    .append(',')
                    .append(accepted ? "accepted" : "adjudicate");
            for (double p : item.posterior()) {
                text.append(',').append(number(p));
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
