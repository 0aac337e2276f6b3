package dev.veracity.beam.transform;

import dev.veracity.transform.FileAnalysis;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulator of {@link MergeInFileOrder}: the analyses of files 0 to {@code next - 1} merged in file order (the
 * local fit's order), and the analyses of later files waiting for the files before them. Merging is a left fold in
 * file order whatever order Beam delivers files and accumulators in, so the result is the local fit's, byte for byte
 * (a KLL sketch's merge, and a floating-point sum, depend on the order).
 *
 * <pre>{@code
 * FileOrder order = new FileOrder();
 * order.add(1, second);
 * order.add(0, first); // folds first, then second
 * }</pre>
 */
final class FileOrder {
    private int next;
    private FileAnalysis prefix;
    private final TreeMap<Integer, FileAnalysis> waiting = new TreeMap<>();

    FileOrder() {}

    FileOrder(int next, FileAnalysis prefix) {
        this.next = next;
        this.prefix = prefix;
    }

    /** Adds the analysis of the file at {@code index}, folding in every file now next in order. */
    void add(int index, FileAnalysis analysis) {
        if (index < next || waiting.containsKey(index)) {
            throw new IllegalStateException("file " + index + " analyzed twice");
        }
        waiting.put(index, analysis);
        fold();
    }

    /** Adds what {@code other} holds (other files than this one's). */
    void addAll(FileOrder other) {
        if (other.prefix != null) {
            if (prefix != null || !waiting.headMap(other.next).isEmpty()) {
                throw new IllegalStateException("files 0 to " + (other.next - 1) + " analyzed twice");
            }
            prefix = other.prefix;
            next = other.next;
        }
        for (Map.Entry<Integer, FileAnalysis> e : other.waiting.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        fold();
    }

    private void fold() {
        for (FileAnalysis first = waiting.remove(next); first != null; first = waiting.remove(next)) {
            if (prefix == null) {
                prefix = first;
            } else {
                prefix.merge(first);
            }
            next++;
        }
    }

    /** {@return the number of files merged into {@link #prefix}} */
    int next() {
        return next;
    }

    /** {@return files 0 to {@code next - 1} merged in order, or null when file 0 has not come} */
    FileAnalysis prefix() {
        return prefix;
    }

    /** {@return the files waiting for an earlier one, by index} */
    Map<Integer, FileAnalysis> waiting() {
        return waiting;
    }
}
