package dev.veracity.io.jsonl;

import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of a JSON Lines file and what their values have been: a tree of key nodes (one per distinct key path, so a
 * key costs one hash lookup per line, without building its dotted name) over {@link JsonField}s named by the dotted
 * path. Two paths with the same dotted name, such as {@code {"a.b": 1}} and {@code {"a": {"b": 1}}}, share a field.
 *
 * <p>Not thread-safe: its fields hold the state of the line being parsed. Each thread parses with its own
 * {@link #copy()}.
 */
final class JsonFeatures {
    /** A key path: its field and the keys nested under it. */
    static final class KeyNode {
        private final JsonField field;
        private Map<String, KeyNode> children;

        private KeyNode(JsonField field) {
            this.field = field;
        }

        /** {@return the field of this key path} */
        JsonField field() {
            return field;
        }
    }

    private final KeyNode root = new KeyNode(new JsonField(""));
    private final Map<String, JsonField> fieldsByName = new HashMap<>();
    private final List<JsonField> committed = new ArrayList<>();
    private long stamp;

    /** {@return the node above the top-level keys} */
    KeyNode root() {
        return root;
    }

    /** {@return the node of {@code key} under {@code parent}, created with its field if new} */
    KeyNode child(KeyNode parent, String key) {
        if (parent.children == null) {
            parent.children = new HashMap<>();
        }
        KeyNode node = parent.children.get(key);
        if (node == null) {
            String name = parent == root ? key : parent.field.name + "." + key;
            node = new KeyNode(fieldsByName.computeIfAbsent(name, JsonField::new));
            parent.children.put(key, node);
        }
        return node;
    }

    /** {@return a stamp for the next line parsed, different from every earlier one} */
    long nextStamp() {
        return ++stamp;
    }

    /**
     * {@return an independent copy of the keys and what the accepted lines showed (columns included), for another
     * thread}; the copy shares no mutable state with this one, which must not change while it is copied
     */
    JsonFeatures copy() {
        JsonFeatures copy = new JsonFeatures();
        Map<JsonField, JsonField> copies = new IdentityHashMap<>();
        copies.put(root.field, copy.root.field);
        for (Map.Entry<String, JsonField> entry : fieldsByName.entrySet()) {
            JsonField field = entry.getValue().copyCommitted();
            copies.put(entry.getValue(), field);
            copy.fieldsByName.put(entry.getKey(), field);
        }
        for (JsonField field : committed) {
            copy.committed.add(copies.get(field));
        }
        copyChildren(root, copy.root, copies);
        return copy;
    }

    private static void copyChildren(KeyNode from, KeyNode to, Map<JsonField, JsonField> copies) {
        if (from.children == null) {
            return;
        }
        to.children = new HashMap<>();
        for (Map.Entry<String, KeyNode> child : from.children.entrySet()) {
            KeyNode node = new KeyNode(copies.get(child.getValue().field));
            to.children.put(child.getKey(), node);
            copyChildren(child.getValue(), node, copies);
        }
    }

    /**
     * Takes in an accepted line: its keys become features in order of first appearance, and each key's shape widens
     * by what the line showed.
     *
     * @param file the line's file as messages name it, and {@code line} its number: later messages cite them as
     *             where a shape was first seen
     */
    void commit(ParsedLine parsed, String file, long line) {
        for (int i = 0; i < parsed.occurrences(); i++) {
            JsonField field = parsed.field(i);
            if (!field.committed) {
                field.committed = true;
                committed.add(field);
            }
            JsonField.Shape joined = field.shape.join(field.lineShape);
            if (joined != field.shape) {
                field.shape = joined;
                field.shapeFile = file;
                field.shapeLine = line;
                field.firstType = field.lineFirstType;
            }
            field.isFloat |= field.lineFloat;
        }
    }

    /**
     * Takes in what another instance saw in the lines that follow those this one saw, as if this one had parsed them:
     * its keys (new ones after this one's, in its order of first appearance) and their shapes; a shape first seen
     * there is cited at its line, {@code lineOffset} added to the other instance's line numbers.
     *
     * @return false if a key's shapes conflict across the two (this instance is then partly merged: discard it)
     */
    boolean merge(JsonFeatures later, long lineOffset) {
        mergeChildren(root, later.root);
        for (JsonField from : later.committed) {
            JsonField into = fieldsByName.get(from.name);
            if (!into.shape.accepts(from.shape)) {
                return false;
            }
            if (!into.committed) {
                into.committed = true;
                committed.add(into);
            }
            JsonField.Shape joined = into.shape.join(from.shape);
            if (joined != into.shape) {
                // The shapes below a shape form a chain: the line where the later lines reached theirs is where the
                // joined lines reached it.
                into.shape = joined;
                into.shapeFile = from.shapeFile;
                into.shapeLine = from.shapeLine + lineOffset;
                into.firstType = from.firstType;
            }
            into.isFloat |= from.isFloat;
        }
        return true;
    }

    private void mergeChildren(KeyNode into, KeyNode from) {
        if (from.children == null) {
            return;
        }
        for (Map.Entry<String, KeyNode> child : from.children.entrySet()) {
            mergeChildren(child(into, child.getKey()), child.getValue());
        }
    }

    /**
     * {@return the features: the keys of accepted lines that did not hold objects, in order of first appearance,
     * each given its column index}
     */
    List<JsonField> columns() {
        List<JsonField> columns = new ArrayList<>();
        for (JsonField field : committed) {
            if (field.shape != JsonField.Shape.OBJECT) {
                field.column = columns.size();
                columns.add(field);
            }
        }
        return List.copyOf(columns);
    }

    /** {@return the names of {@code columns}} */
    static List<String> names(List<JsonField> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (JsonField field : columns) {
            names.add(field.name);
        }
        return List.copyOf(names);
    }

    /** {@return the types of {@code columns}} */
    static List<FeatureType> types(List<JsonField> columns) {
        List<FeatureType> types = new ArrayList<>(columns.size());
        for (JsonField field : columns) {
            types.add(field.type());
        }
        return List.copyOf(types);
    }
}
