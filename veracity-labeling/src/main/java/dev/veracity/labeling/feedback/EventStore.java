package dev.veracity.labeling.feedback;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Holds the events of a join, partitioned by a hash of the key so that all events of a key meet in one partition.
 * Events stay in memory while their estimated size is within the budget; past it, all events go to
 * {@code partitions} spill files (in a fresh temporary directory that {@link #close()} deletes) and each partition is
 * later loaded alone. The number of partitions is chosen when spilling starts, from the expected input size (events
 * take about twice their text size on the heap), so that one partition fits half the budget; a partition that
 * turns out larger (skewed keys) is still loaded whole.
 */
final class EventStore implements Closeable {
    private static final int MAX_PARTITIONS = 4096;

    private final long budgetBytes;
    private final long expectedBytes;
    private final Path tmp;
    private final List<Event> memory = new ArrayList<>();
    private long memoryBytes;
    private Path directory;
    private DataOutputStream[] spills;
    private long spilledBytes;

    /**
     * @param budgetBytes   the memory budget for events, in bytes
     * @param expectedBytes the expected size of all events (e.g. the input file sizes), to choose the partitions
     * @param tmp           where the spill directory is made
     */
    EventStore(long budgetBytes, long expectedBytes, Path tmp) {
        this.budgetBytes = budgetBytes;
        this.expectedBytes = expectedBytes;
        this.tmp = tmp;
    }

    void add(Event event) throws IOException {
        if (spills != null) {
            spill(event);
            return;
        }
        memory.add(event);
        memoryBytes += event.retainedBytes();
        if (memoryBytes > budgetBytes) {
            startSpilling();
        }
    }

    /** {@return how many partitions the events are in: 1 when all are in memory} */
    int partitions() {
        return spills == null ? 1 : spills.length;
    }

    /** {@return bytes written to spill files} */
    long spilledBytes() {
        return spilledBytes;
    }

    /** Receives the events of one partition. */
    interface PartitionConsumer {
        void accept(int partition, List<Event> events) throws IOException;
    }

    /** Passes each partition's events to {@code consumer}, partition by partition; call once. */
    void forEachPartition(PartitionConsumer consumer) throws IOException {
        if (spills == null) {
            consumer.accept(0, memory);
            return;
        }
        for (DataOutputStream out : spills) {
            out.close();
        }
        for (int p = 0; p < spills.length; p++) {
            consumer.accept(p, load(file(p)));
        }
    }

    private void startSpilling() throws IOException {
        // Events take about twice their text size on the heap; aim at partitions of half the budget.
        long partitions = Math.max(2, (Math.max(expectedBytes * 2, memoryBytes) * 2 + budgetBytes - 1) / budgetBytes);
        int count = (int) Math.min(MAX_PARTITIONS, partitions);
        try {
            directory = Files.createTempDirectory(tmp, "veracity-label-");
        } catch (IOException e) {
            throw new InputException(
                    ErrorCode.FILE_UNWRITABLE,
                    tmp + ": expected a writable directory for the " + "join's spill files (--tmp), found " + e,
                    e);
        }
        spills = new DataOutputStream[count];
        for (int p = 0; p < count; p++) {
            spills[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(p)), 1 << 14));
        }
        for (Event event : memory) {
            spill(event);
        }
        memory.clear();
        memoryBytes = 0;
    }

    private void spill(Event event) throws IOException {
        DataOutputStream out = spills[partition(event.key(), spills.length)];
        out.writeBoolean(event.outcome());
        out.writeInt(event.key().length);
        out.write(event.key());
        out.writeLong(event.time());
        out.writeLong(event.arrival());
        out.writeInt(event.payload().length);
        out.write(event.payload());
        spilledBytes += 25L + event.key().length + event.payload().length;
    }

    private static List<Event> load(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                boolean outcome;
                try {
                    outcome = in.readBoolean();
                } catch (EOFException end) {
                    return events;
                }
                byte[] key = new byte[in.readInt()];
                in.readFully(key);
                long time = in.readLong();
                long arrival = in.readLong();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                events.add(new Event(outcome, key, time, arrival, payload));
            }
        }
    }

    /** {@return the partition of a key: FNV-1a with MurmurHash3's finalizer, modulo the partition count} */
    static int partition(byte[] key, int partitions) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (byte b : key) {
            h = (h ^ (b & 0xFF)) * 0x0000_0100_0000_01B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, partitions);
    }

    private Path file(int partition) {
        return directory.resolve("events-" + partition + ".bin");
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (spills != null) {
            for (DataOutputStream out : spills) {
                out.close();
            }
        }
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
