package dev.veracity.io.parquet;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The buffers one row group's reading needs (a scratch buffer for compressed bytes, per column a page buffer,
 * level and id arrays and the batch's {@link ColumnBuilder}), kept for the next row group: a file's row groups are
 * read one after the other by each thread, so buffers sized by the first row group serve all others, stay in the
 * old generation, and a small young generation holds what is left (per-batch columns). Buffers only grow.
 *
 * <pre>{@code
 * ChunkBuffers buffers = pool.take();   // ... read a row group ...
 * pool.give(buffers);
 * }</pre>
 */
final class ChunkBuffers {
    private byte[] scratch = new byte[0];
    private final List<byte[]> pages = new ArrayList<>();
    private final List<int[]> levels = new ArrayList<>();
    private final List<int[]> ids = new ArrayList<>();
    private final List<ColumnBuilder> builders = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** A file's buffers, shared by the sources of its row groups (one set per thread reading at once). */
    static final class Pool {
        private final ConcurrentLinkedQueue<ChunkBuffers> free = new ConcurrentLinkedQueue<>();

        /** {@return a free set of buffers, or a new one} */
        ChunkBuffers take() {
            ChunkBuffers buffers = free.poll();
            return buffers == null ? new ChunkBuffers() : buffers;
        }

        /** Returns buffers for the next row group. */
        void give(ChunkBuffers buffers) {
            free.add(buffers);
        }
    }

    /** {@return a scratch buffer of at least {@code size} bytes} */
    byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[grown(scratch.length, size)];
        }
        return scratch;
    }

    /** {@return the page buffer of column {@code slot}, at least {@code size} bytes} */
    byte[] page(int slot, int size) {
        byte[] page = get(pages, slot, new byte[0]);
        if (page.length < size) {
            page = new byte[grown(page.length, size)];
            pages.set(slot, page);
        }
        return page;
    }

    /** {@return the level array of column {@code slot}, at least {@code size} entries} */
    int[] levels(int slot, int size) {
        return ints(levels, slot, size);
    }

    /** {@return the id array of column {@code slot}, at least {@code size} entries} */
    int[] ids(int slot, int size) {
        return ints(ids, slot, size);
    }

    /** {@return the reset builder of column {@code slot}, a new one if its name or type differ} */
    ColumnBuilder builder(int slot, String name, FeatureType type) {
        get(names, slot, "");
        ColumnBuilder builder = get(builders, slot, null);
        if (builder == null || !name.equals(names.get(slot)) || builder.type() != type) {
            builder = ColumnBuilder.of(name, type);
            builders.set(slot, builder);
            names.set(slot, name);
        }
        builder.reset();
        return builder;
    }

    private static int[] ints(List<int[]> arrays, int slot, int size) {
        int[] array = get(arrays, slot, new int[0]);
        if (array.length < size) {
            array = new int[grown(array.length, size)];
            arrays.set(slot, array);
        }
        return array;
    }

    private static <T> T get(List<T> list, int slot, T empty) {
        while (list.size() <= slot) {
            list.add(empty);
        }
        return list.get(slot);
    }

    /** Some headroom, so that a slightly larger page of the next row group does not allocate again. */
    private static int grown(int length, int size) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + (size >>> 3), (long) length));
    }
}
