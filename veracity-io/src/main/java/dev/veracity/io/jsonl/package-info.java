/**
 * JSON Lines files to {@link dev.veracity.data.RecordBatch}es: one JSON object per line, one row per object, parsed
 * with Jackson's streaming parser ({@code jackson-core} only, no data binding).
 *
 * <p>The rules, in short (the details are in {@link dev.veracity.io.jsonl.JsonLinesReader}):
 * <ul>
 * <li>LF or CRLF line ends; blank lines skipped; a UTF-8 byte-order mark at the start dropped. A line that is not
 *     valid JSON or not an object is malformed: {@code FILE:LINE:COLUMN: expected a JSON object, found ...}.
 * <li>Features are the union of the keys over all lines, in order of first appearance; nested objects become dotted
 *     paths ({@code {"a": {"b": 1}}} is feature {@code a.b}).
 * <li>An integer within int64 is INT; other numbers (also larger integers) FLOAT; a string STRING; a boolean INT 0
 *     or 1 (as TFDV maps booleans); {@code null} is missing, like an absent key.
 * <li>An array of scalars is one row with a list of values; {@code []} is present with no values (TFDV: an empty
 *     list is present, not missing); nulls inside an array are skipped; arrays of objects and nested arrays are not
 *     supported.
 * <li>Types are inferred over all lines in a first pass (INT widens to FLOAT); strings and numbers under one key, or
 *     an object and a value, are a type conflict naming the key, the type first seen with its line, and what was
 *     found. With {@code BadRecords.SKIP}, malformed lines are skipped and counted, the first type seen wins, and
 *     both passes skip the same lines.
 * <li>Several files are one dataset ({@link dev.veracity.io.jsonl.JsonLinesStatistics}): types are inferred over
 *     them in order (range by range on several threads, merged in order into what one sequential read finds; that
 *     read itself where a range cannot tell, as at a malformed line), then ranges of the files are parsed and
 *     accumulated on several threads, merged in order.
 * </ul>
 *
 * <p>Belongs here: what turns JSON Lines bytes into columns. Does not belong here: statistics, schemas, or any other
 * file format.
 */
package dev.veracity.io.jsonl;
