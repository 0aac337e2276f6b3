package dev.veracity.privacy.redact;

import java.util.List;

/**
 * One cell of an output row.
 *
 * @param present whether the feature is present in the row (an absent one is an empty CSV cell, no JSON key)
 * @param values  its values as text
 * @param numeric whether the values are unchanged numbers (written as JSON numbers)
 */
record OutputCell(boolean present, List<String> values, boolean numeric) {
    static final OutputCell MISSING = new OutputCell(false, List.of(), false);
}
