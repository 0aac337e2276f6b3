package dev.veracity.labeling.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The prediction columns of all prediction files, in order of first appearance; indexes never change. */
final class ColumnUnion {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();

    int indexOf(String name) {
        return indexes.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
