package dev.veracity.io.parquet;

import dev.veracity.data.ListLevels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The list levels of a Parquet {@code LIST} of {@code LIST} (of ...) leaf, built from its repetition and definition
 * levels entry by entry, as an Avro array of arrays is read: one level per list, the rows at level 0, a null inner
 * list an absent entry, an empty one a present entry with nothing under it, and a null element no value. Both the
 * 3-level encoding ({@code repeated group list { optional group element (LIST) ... }}) and the legacy 2-level one
 * (the repeated field is the element) are read.
 *
 * <pre>{@code
 * ParquetListLevels levels = ParquetListLevels.of(schema, leaf).orElseThrow();
 * levels.entry(column.getCurrentRepetitionLevel(), column.getCurrentDefinitionLevel()); // per entry
 * ListLevels batchLevels = levels.build(); // per batch
 * }</pre>
 */
final class ParquetListLevels {
    private final String column;
    private final int presenceDef;
    private final int maxDef;
    /** Per repeated field (list level k + 1), the definition level at which it has an entry. */
    private final int[] repeatedDefs;

    private final int[][] offsets;
    private final int[] sizes;
    private final boolean[][] present;
    private final int[] presentSizes;

    private ParquetListLevels(String column, int presenceDef, int maxDef, int[] repeatedDefs) {
        this.column = column;
        this.presenceDef = presenceDef;
        this.maxDef = maxDef;
        this.repeatedDefs = repeatedDefs;
        int levels = repeatedDefs.length;
        offsets = new int[levels][64];
        sizes = new int[levels];
        present = new boolean[levels - 1][64];
        presentSizes = new int[levels - 1];
    }

    /**
     * {@return the levels of a leaf that sits under two or more {@code LIST}s and nothing else (no struct, no map),
     * or empty: such a leaf is a flat feature}
     */
    static Optional<ParquetListLevels> of(MessageType schema, ParquetLeaf leaf) {
        ColumnDescriptor descriptor = leaf.column();
        String[] path = descriptor.getPath();
        List<Integer> repeatedDefs = new ArrayList<>();
        Type field = schema.getType(path[0]);
        int defined = field.isRepetition(Type.Repetition.OPTIONAL) ? 1 : 0;
        if (field.isRepetition(Type.Repetition.REPEATED) || !isList(field)) {
            return Optional.empty();
        }
        int i = 1;
        while (true) {
            // field is a LIST group: its one child is the repeated field
            GroupType list = field.asGroupType();
            if (list.getFieldCount() != 1 || i >= path.length) {
                return Optional.empty();
            }
            Type repeated = list.getType(path[i++]);
            if (!repeated.isRepetition(Type.Repetition.REPEATED)) {
                return Optional.empty();
            }
            repeatedDefs.add(++defined);
            if (repeated.isPrimitive() || isList(repeated)) {
                field = repeated; // 2-level: the repeated field is the element
            } else {
                GroupType wrapper = repeated.asGroupType();
                if (wrapper.getFieldCount() != 1 || i >= path.length) {
                    return Optional.empty(); // a repeated struct
                }
                field = wrapper.getType(path[i++]); // 3-level: the element
                if (field.isRepetition(Type.Repetition.REPEATED)) {
                    return Optional.empty();
                }
                defined += field.isRepetition(Type.Repetition.OPTIONAL) ? 1 : 0;
            }
            if (field.isPrimitive()) {
                break;
            }
            if (!isList(field)) {
                return Optional.empty(); // a struct or a map inside
            }
        }
        if (repeatedDefs.size() < 2 || i != path.length) {
            return Optional.empty();
        }
        int[] defs = repeatedDefs.stream().mapToInt(Integer::intValue).toArray();
        return Optional.of(
                new ParquetListLevels(leaf.feature(), leaf.presenceDef(), descriptor.getMaxDefinitionLevel(), defs));
    }

    private static boolean isList(Type field) {
        return !field.isPrimitive()
                && field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
    }

    /** {@return the number of list levels} */
    int levels() {
        return repeatedDefs.length;
    }

    /** Adds one entry of the column: its repetition and definition levels. */
    void entry(int repetition, int definition) {
        int k;
        if (repetition == 0) {
            open(0);
            if (definition < presenceDef) {
                return; // a missing row
            }
            k = 1;
        } else {
            k = repetition;
        }
        int levels = repeatedDefs.length;
        for (; k <= levels; k++) {
            if (definition < repeatedDefs[k - 1]) {
                return; // the list at level k - 1 is empty
            }
            if (k == levels) {
                if (definition == maxDef) {
                    offsets[k - 1][sizes[k - 1]]++; // a value (a null element is none)
                }
                return;
            }
            offsets[k - 1][sizes[k - 1]]++;
            boolean isPresent = definition >= repeatedDefs[k] - 1;
            addPresent(k, isPresent);
            open(k);
            if (!isPresent) {
                return;
            }
        }
    }

    /** Opens a new entry at a level, with nothing under it yet. */
    private void open(int level) {
        int[] array = offsets[level];
        if (sizes[level] + 1 >= array.length) {
            array = Arrays.copyOf(array, array.length * 2);
            offsets[level] = array;
        }
        array[sizes[level] + 1] = array[sizes[level]];
        sizes[level]++;
    }

    private void addPresent(int level, boolean flag) {
        boolean[] array = present[level - 1];
        if (presentSizes[level - 1] == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
            present[level - 1] = array;
        }
        array[presentSizes[level - 1]++] = flag;
    }

    /** {@return the levels of the entries added since the last build}, and starts again with none */
    ListLevels build() {
        int levels = repeatedDefs.length;
        int[][] outOffsets = new int[levels][];
        boolean[][] outPresent = new boolean[levels - 1][];
        for (int k = 0; k < levels; k++) {
            outOffsets[k] = Arrays.copyOf(offsets[k], sizes[k] + 1);
            sizes[k] = 0;
            offsets[k][0] = 0;
            if (k > 0) {
                outPresent[k - 1] = Arrays.copyOf(present[k - 1], presentSizes[k - 1]);
                presentSizes[k - 1] = 0;
            }
        }
        return new ListLevels(column, List.of(column), outOffsets, outPresent);
    }
}
