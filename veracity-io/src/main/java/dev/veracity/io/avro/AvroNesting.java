package dev.veracity.io.avro;

import dev.veracity.data.Column;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The nesting of an Avro record's leaves, as TFDV would see it in Arrow: a nested record is a struct (present where
 * it is not null) whose fields are features with paths of several steps, and an array of arrays is a nested feature
 * with one level per array. A leaf under an array of records keeps its flat dotted name (one list of all its values):
 * TFDV's {@code list<struct>} is not modelled. Rows are added one by one; {@link #build} gives a batch its nesting.
 *
 * <pre>{@code
 * AvroNesting nesting = new AvroNesting(schema, AvroLeaf.of(schema));
 * nesting.add(record); ...; RecordBatch batch = nesting.build(rows.build());
 * }</pre>
 */
final class AvroNesting {
    private final List<Nested> leaves = new ArrayList<>();
    private final Map<List<String>, Struct> structs = new LinkedHashMap<>();
    private int rows;

    /** A leaf in structs or with arrays of arrays: its fields and the levels built so far. */
    private static final class Nested {
        final AvroLeaf leaf;
        final int levels;
        final List<int[]> offsets = new ArrayList<>();
        final List<boolean[]> present = new ArrayList<>();
        final int[] sizes;
        final int[] presentSizes;

        Nested(AvroLeaf leaf, int levels) {
            this.leaf = leaf;
            this.levels = levels;
            this.sizes = new int[levels];
            this.presentSizes = new int[Math.max(0, levels - 1)];
            for (int k = 0; k < levels; k++) {
                offsets.add(new int[64]);
                if (k > 0) {
                    present.add(new boolean[64]);
                }
            }
        }

        void addOffset(int level, int count) {
            int[] array = offsets.get(level);
            if (sizes[level] + 1 >= array.length) {
                array = Arrays.copyOf(array, array.length * 2);
                offsets.set(level, array);
            }
            array[sizes[level] + 1] = array[sizes[level]] + count;
            sizes[level]++;
        }

        void addPresent(int level, boolean flag) {
            boolean[] array = present.get(level - 1);
            if (presentSizes[level - 1] == array.length) {
                array = Arrays.copyOf(array, array.length * 2);
                present.set(level - 1, array);
            }
            array[presentSizes[level - 1]++] = flag;
        }
    }

    /** A struct: the fields from the record to it and its presence per row. */
    private static final class Struct {
        final List<String> fields;
        boolean[] present = new boolean[64];

        Struct(List<String> fields) {
            this.fields = fields;
        }
    }

    AvroNesting(Schema record, List<AvroLeaf> all) {
        for (AvroLeaf leaf : all) {
            int levels = levels(record, leaf.fields());
            if (levels < 0 || (levels == 1 && leaf.fields().size() == 1)) {
                continue; // under an array of records, or a flat feature
            }
            leaves.add(new Nested(leaf, levels));
            for (int i = 1; i < leaf.fields().size(); i++) {
                List<String> prefix = List.copyOf(leaf.fields().subList(0, i));
                structs.computeIfAbsent(prefix, Struct::new);
            }
        }
    }

    /** {@return the list levels of a leaf (1 for a scalar or an array of scalars), or -1 if an array holds a record} */
    private static int levels(Schema record, List<String> fields) {
        Schema schema = record;
        for (int i = 0; i < fields.size(); i++) {
            Schema single = AvroLeaf.nonNull(schema);
            if (single == null || single.getType() != Schema.Type.RECORD) {
                return -1;
            }
            Schema.Field field = single.getField(fields.get(i));
            if (field == null) {
                return -1;
            }
            schema = field.schema();
        }
        int arrays = 0;
        for (Schema single = AvroLeaf.nonNull(schema);
                single != null && single.getType() == Schema.Type.ARRAY;
                single = AvroLeaf.nonNull(single.getElementType())) {
            arrays++;
        }
        return Math.max(1, arrays);
    }

    /** {@return whether no leaf is nested} */
    boolean isEmpty() {
        return leaves.isEmpty();
    }

    /** Adds one record as a row. */
    void add(GenericRecord record) {
        for (Struct struct : structs.values()) {
            if (rows == struct.present.length) {
                struct.present = Arrays.copyOf(struct.present, rows * 2);
            }
            struct.present[rows] = valueAt(record, struct.fields) != null;
        }
        for (Nested nested : leaves) {
            if (nested.levels > 1) {
                Object value = valueAt(record, nested.leaf.fields());
                addList(nested, 0, value instanceof Collection<?> list ? list : null);
            }
        }
        rows++;
    }

    /** Adds a level-k entry (null if missing): its count of entries one level down, and those entries. */
    private static void addList(Nested nested, int k, Collection<?> list) {
        if (list != null && k == nested.levels - 1) {
            int values = 0;
            for (Object element : list) {
                values += element == null ? 0 : 1; // a null element is no value (AvroRows skips it)
            }
            nested.addOffset(k, values);
            return;
        }
        nested.addOffset(k, list == null ? 0 : list.size());
        if (list == null) {
            return;
        }
        for (Object element : list) {
            nested.addPresent(k + 1, element != null);
            addList(nested, k + 1, element instanceof Collection<?> inner ? inner : null);
        }
    }

    private static Object valueAt(GenericRecord record, List<String> fields) {
        Object value = record;
        for (String field : fields) {
            if (!(value instanceof GenericRecord nested) || nested.getSchema().getField(field) == null) {
                return null;
            }
            value = nested.get(field);
        }
        return value;
    }

    /** {@return the batch with the nesting of its rows}, and starts again with none */
    RecordBatch build(RecordBatch flat) {
        if (leaves.isEmpty()) {
            return flat;
        }
        List<ListLevels> lists = new ArrayList<>();
        for (Nested nested : leaves) {
            Column column = flat.columns().stream()
                    .filter(c -> c.name().equals(nested.leaf.feature()))
                    .findFirst()
                    .orElseThrow();
            int[][] offsets = new int[nested.levels][];
            boolean[][] present = new boolean[nested.levels - 1][];
            if (nested.levels == 1) {
                offsets[0] = column.rowOffsets().clone();
            } else {
                for (int k = 0; k < nested.levels; k++) {
                    offsets[k] = Arrays.copyOf(nested.offsets.get(k), nested.sizes[k] + 1);
                    nested.sizes[k] = 0;
                    if (k > 0) {
                        present[k - 1] = Arrays.copyOf(nested.present.get(k - 1), nested.presentSizes[k - 1]);
                        nested.presentSizes[k - 1] = 0;
                    }
                }
            }
            lists.add(new ListLevels(column.name(), nested.leaf.fields(), offsets, present));
        }
        List<StructRows> structRows = new ArrayList<>();
        for (Struct struct : structs.values()) {
            structRows.add(new StructRows(struct.fields, Arrays.copyOf(struct.present, rows)));
        }
        rows = 0;
        return new RecordBatch(flat.rowCount(), flat.columns(), new Nesting(lists, structRows));
    }
}
