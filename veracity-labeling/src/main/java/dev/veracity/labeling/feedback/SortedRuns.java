package dev.veracity.labeling.feedback;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The labeled rows of spilled partitions, each partition's rows sorted in one run file, merged into one sorted
 * stream (a k-way merge: memory is one row per run). Gives the same order as sorting all rows in memory.
 */
final class SortedRuns {
    private final Path directory;
    private final List<Path> runs = new ArrayList<>();

    SortedRuns(Path directory) {
        this.directory = directory;
    }

    /** Writes one partition's rows, already in {@link LabeledRow#ORDER}, as a run. */
    void add(List<LabeledRow> rows) throws IOException {
        Path run = directory.resolve("run-" + runs.size() + ".bin");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (LabeledRow row : rows) {
                out.writeLong(row.time());
                out.writeInt(row.key().length);
                out.write(row.key());
                out.writeInt(row.body().length);
                out.write(row.body());
                out.writeUTF(row.label());
                out.writeByte(row.status().ordinal());
                out.writeLong(row.outcomeTime());
            }
        }
        runs.add(run);
    }

    /** Receives merged rows. */
    interface RowConsumer {
        void accept(LabeledRow row) throws IOException;
    }

    /** Passes all rows of all runs to {@code consumer} in {@link LabeledRow#ORDER}. */
    void merge(RowConsumer consumer) throws IOException {
        List<RunReader> readers = new ArrayList<>();
        try {
            PriorityQueue<RunReader> heads = new PriorityQueue<>((a, b) -> LabeledRow.ORDER.compare(a.head, b.head));
            for (Path run : runs) {
                RunReader reader = new RunReader(run);
                readers.add(reader);
                if (reader.advance()) {
                    heads.add(reader);
                }
            }
            while (!heads.isEmpty()) {
                RunReader reader = heads.poll();
                consumer.accept(reader.head);
                if (reader.advance()) {
                    heads.add(reader);
                }
            }
        } finally {
            for (RunReader reader : readers) {
                reader.in.close();
            }
        }
    }

    private static final class RunReader {
        final DataInputStream in;
        LabeledRow head;

        RunReader(Path run) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        }

        boolean advance() throws IOException {
            long time;
            try {
                time = in.readLong();
            } catch (EOFException end) {
                head = null;
                return false;
            }
            byte[] key = new byte[in.readInt()];
            in.readFully(key);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            String label = in.readUTF();
            LabelStatus status = LabelStatus.values()[in.readByte()];
            head = new LabeledRow(time, key, body, label, status, in.readLong());
            return true;
        }
    }
}
