package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The statistics of a dataset and of its slices: one {@link DatasetAccumulator} for all examples and one per slice.
 * Each slicing keeps at most {@code maxSlices} slices (the first ones seen); rows of further slices are counted in
 * {@link #rowsNotSliced(Slicing)}, so memory stays bounded. Mergeable, like its parts.
 *
 * <pre>{@code
 * SlicedStatistics s = new SlicedStatistics(options, List.of(Slicing.of("country")), 100);
 * s.add(batch);
 * DatasetFeatureStatisticsList list = s.result("");   // "All Examples", then "country_DE", "country_FR", ...
 * }</pre>
 */
public final class SlicedStatistics {
    static final int VERSION = 1;
    /** TFDV's name of the dataset of all examples when slicing. */
    public static final String ALL_EXAMPLES = "All Examples";
    /** The default cap on slices per slicing. */
    public static final int DEFAULT_MAX_SLICES = 100;
    /** The most slices per slicing: each slice holds the statistics of every feature, in every thread. */
    public static final int MAX_SLICES = 10_000;

    private final StatisticsOptions options;
    private final List<Slicing> slicings;
    private final int maxSlices;
    private DatasetAccumulator all;
    private final List<Map<String, DatasetAccumulator>> slices = new ArrayList<>();
    private final long[] rowsNotSliced;

    public SlicedStatistics(StatisticsOptions options, List<Slicing> slicings, int maxSlices) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.slicings = List.copyOf(slicings);
        if (maxSlices < 1 || maxSlices > MAX_SLICES) {
            throw new ConfigException("max slices: expected " + (maxSlices < 1 ? "at least 1" : "at most " + MAX_SLICES)
                    + ", found " + maxSlices);
        }
        this.maxSlices = maxSlices;
        this.all = new DatasetAccumulator(options);
        for (int i = 0; i < this.slicings.size(); i++) {
            slices.add(new LinkedHashMap<>());
        }
        this.rowsNotSliced = new long[this.slicings.size()];
    }

    /** Adds a batch to all examples and to the slices its rows belong to. */
    public void add(RecordBatch batch) {
        all.add(batch);
        if (slicings.isEmpty() || batch.rowCount() == 0) {
            return;
        }
        Map<String, Column> byName = new HashMap<>();
        for (Column column : batch.columns()) {
            byName.put(column.name(), column);
        }
        for (int s = 0; s < slicings.size(); s++) {
            List<String> features = slicings.get(s).features();
            List<Column> columns = new ArrayList<>(features.size());
            for (String feature : features) {
                columns.add(byName.get(feature));
            }
            Map<String, int[]> rowsBySlice = new LinkedHashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            for (int row = 0; row < batch.rowCount(); row++) {
                for (String key : SliceKeys.of(columns, features, row)) {
                    int[] rows = rowsBySlice.computeIfAbsent(key, k -> new int[8]);
                    int n = counts.getOrDefault(key, 0);
                    if (n == rows.length) {
                        rows = Arrays.copyOf(rows, n * 2);
                        rowsBySlice.put(key, rows);
                    }
                    rows[n] = row;
                    counts.put(key, n + 1);
                }
            }
            Map<String, DatasetAccumulator> slicing = slices.get(s);
            for (Map.Entry<String, int[]> entry : rowsBySlice.entrySet()) {
                int n = counts.get(entry.getKey());
                DatasetAccumulator slice = slicing.get(entry.getKey());
                if (slice == null && slicing.size() < maxSlices) {
                    slice = new DatasetAccumulator(options);
                    slicing.put(entry.getKey(), slice);
                }
                if (slice == null) {
                    rowsNotSliced[s] += n;
                } else {
                    slice.add(batch.select(entry.getValue(), n));
                }
            }
        }
    }

    /** Merges another's state (same slicings) into this one; slices past the cap count as not sliced. */
    public void merge(SlicedStatistics other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge statistics into themselves");
        }
        if (!other.slicings.equals(slicings)) {
            throw new IllegalArgumentException("cannot merge statistics of other slicings: " + other.slicings);
        }
        all.merge(other.all);
        for (int s = 0; s < slicings.size(); s++) {
            rowsNotSliced[s] += other.rowsNotSliced[s];
            Map<String, DatasetAccumulator> mine = slices.get(s);
            for (Map.Entry<String, DatasetAccumulator> theirs :
                    other.slices.get(s).entrySet()) {
                DatasetAccumulator slice = mine.get(theirs.getKey());
                if (slice != null) {
                    slice.merge(theirs.getValue());
                } else if (mine.size() < maxSlices) {
                    DatasetAccumulator copy = new DatasetAccumulator(options);
                    copy.merge(theirs.getValue());
                    mine.put(theirs.getKey(), copy);
                } else {
                    rowsNotSliced[s] += theirs.getValue().numExamples();
                }
            }
        }
    }

    /** {@return the number of examples added} */
    public long numExamples() {
        return all.numExamples();
    }

    /** {@return the rows that belonged to a slice beyond the cap of this slicing, and so were not sliced} */
    public long rowsNotSliced(Slicing slicing) {
        int index = slicings.indexOf(slicing);
        if (index < 0) {
            throw new IllegalArgumentException("unknown slicing " + slicing);
        }
        return rowsNotSliced[index];
    }

    /** {@return the slicings, in order} */
    public List<Slicing> slicings() {
        return slicings;
    }

    /**
     * {@return the dataset of all examples, then the slices of each slicing sorted by name}. Unsliced, the one dataset
     * carries {@code name}; sliced, the first is named {@code name}, or {@value #ALL_EXAMPLES} if that is empty.
     *
     * @throws ConfigException if a slicing feature is not a feature of the data
     */
    public DatasetFeatureStatisticsList result(String name) {
        Objects.requireNonNull(name, "name is null");
        DatasetFeatureStatistics overall = all.result(slicings.isEmpty() || !name.isEmpty() ? name : ALL_EXAMPLES);
        checkSlicingFeatures(overall);
        DatasetFeatureStatisticsList.Builder list =
                DatasetFeatureStatisticsList.newBuilder().addDatasets(overall);
        for (Map<String, DatasetAccumulator> slicing : slices) {
            for (Map.Entry<String, DatasetAccumulator> slice : new TreeMap<>(slicing).entrySet()) {
                list.addDatasets(slice.getValue().result(slice.getKey()));
            }
        }
        return list.build();
    }

    /**
     * {@return the serialized state: a version byte, the slicings, the cap, then per slicing its count of rows not
     * sliced and its slices by name, each a {@link DatasetAccumulator#toBytes() dataset state}}
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(maxSlices);
            out.writeInt(slicings.size());
            for (Slicing slicing : slicings) {
                out.writeInt(slicing.features().size());
                for (String feature : slicing.features()) {
                    out.writeUTF(feature);
                }
            }
            writeDataset(out, all);
            for (int s = 0; s < slicings.size(); s++) {
                out.writeLong(rowsNotSliced[s]);
                out.writeInt(slices.get(s).size());
                for (Map.Entry<String, DatasetAccumulator> slice : slices.get(s).entrySet()) {
                    out.writeUTF(slice.getKey());
                    writeDataset(out, slice.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeDataset(DataOutputStream out, DatasetAccumulator dataset) throws IOException {
        byte[] state = dataset.toBytes();
        out.writeInt(state.length);
        out.write(state);
    }

    /**
     * Restores a state written by {@link #toBytes()}; the slicings and the cap are read from the bytes.
     *
     * @param options the options the state was computed with
     * @throws IllegalArgumentException if the bytes are truncated, of an unknown version, or not of these options
     */
    public static SlicedStatistics fromBytes(byte[] bytes, StatisticsOptions options) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "sliced statistics format version " + version + ", expected " + VERSION);
            }
            int maxSlices = in.readInt();
            List<Slicing> slicings = new ArrayList<>();
            for (int s = in.readInt(); s > 0; s--) {
                List<String> features = new ArrayList<>();
                for (int f = in.readInt(); f > 0; f--) {
                    features.add(in.readUTF());
                }
                slicings.add(new Slicing(features));
            }
            SlicedStatistics sliced = new SlicedStatistics(options, slicings, maxSlices);
            sliced.all = readDataset(in, options);
            for (int s = 0; s < slicings.size(); s++) {
                sliced.rowsNotSliced[s] = in.readLong();
                for (int n = in.readInt(); n > 0; n--) {
                    String name = in.readUTF();
                    sliced.slices.get(s).put(name, readDataset(in, options));
                }
            }
            return sliced;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated sliced statistics bytes", e);
        }
    }

    private static DatasetAccumulator readDataset(DataInputStream in, StatisticsOptions options) throws IOException {
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        return DatasetAccumulator.fromBytes(state, options);
    }

    private void checkSlicingFeatures(DatasetFeatureStatistics overall) {
        List<String> names = overall.getFeaturesList().stream()
                .map(SlicedStatistics::featureName)
                .toList();
        if (names.isEmpty()) {
            return; // no data, so no evidence either way
        }
        for (Slicing slicing : slicings) {
            for (String feature : slicing.features()) {
                if (!names.contains(feature)) {
                    throw new ConfigException("slice by " + slicing + ": expected a feature of the data, found no "
                            + "feature named \"" + feature + "\" (features: " + String.join(", ", names) + ")");
                }
            }
        }
    }

    private static String featureName(FeatureNameStatistics feature) {
        return feature.hasPath() ? String.join(".", feature.getPath().getStepList()) : feature.getName();
    }
}
