package dev.veracity.io.parquet;

import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The converter tree parquet-java's column readers look their leaf converters up in: groups do nothing (no record
 * is assembled), each leaf is its {@link ValueConverter}.
 *
 * <pre>{@code
 * new ColumnReadStoreImpl(pages, new LeafConverters(projection, List.of(), byPath), projection, createdBy);
 * }</pre>
 */
final class LeafConverters extends GroupConverter {
    private final Converter[] children;

    /**
     * @param group  the group (the projected schema at the root)
     * @param path   the path of the group from the root
     * @param leaves the converter of each projected leaf, by its path joined with NUL characters
     */
    LeafConverters(GroupType group, List<String> path, Map<String, ValueConverter> leaves) {
        children = new Converter[group.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            Type field = group.getType(i);
            List<String> fieldPath = new java.util.ArrayList<>(path);
            fieldPath.add(field.getName());
            children[i] = field.isPrimitive()
                    ? leaves.get(String.join("\u0000", fieldPath))
                    : new LeafConverters(field.asGroupType(), fieldPath, leaves);
        }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
}
