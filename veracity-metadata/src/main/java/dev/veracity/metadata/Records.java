package dev.veracity.metadata;

import java.util.HashMap;
import java.util.Map;

/** Copy-on-write helpers for the property maps of the metadata records. */
final class Records {
    private Records() {}

    static Map<String, Value> with(Map<String, Value> map, String key, Value value) {
        Map<String, Value> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
