package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.RankHistogram;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * TFDV's image statistics of one feature ({@code ImageStatsGenerator}): values per image format (unknown ones
 * under {@code ""}, reported as {@code UNKNOWN}), and the largest width and height, read from the values' headers
 * ({@link ImageHeader}). Reported only when at least {@value #VALUES_THRESHOLD} values were seen, at least
 * {@value #IS_IMAGE_RATIO} of them images, and the feature never had other than string values: then with
 * {@code domain_info: "image_domain {}"}, which inference and update turn into the feature's image domain.
 */
final class ImageAccumulator {
    static final int VALUES_THRESHOLD = 100;
    static final double IS_IMAGE_RATIO = 0.8;

    private final String name;
    private boolean invalid;
    private long totalValues;
    private long maxWidth;
    private long maxHeight;
    private final TreeMap<String, Long> formats = new TreeMap<>();

    ImageAccumulator(String name) {
        this.name = name;
    }

    void add(Column column) {
        if (invalid) {
            return;
        }
        if (!(column instanceof StringColumn strings)) {
            invalid = true;
            return;
        }
        int[] starts = strings.valueOffsets();
        int values = strings.valueCount();
        totalValues += values;
        for (int i = 0; i < values; i++) {
            ImageHeader header = ImageHeader.read(strings.bytes(), starts[i], starts[i + 1] - starts[i]);
            formats.merge(header.format() == null ? "" : header.format(), 1L, Long::sum);
            if (header.format() != null) {
                maxWidth = Math.max(maxWidth, header.width());
                maxHeight = Math.max(maxHeight, header.height());
            }
        }
    }

    void merge(ImageAccumulator other) {
        invalid |= other.invalid;
        totalValues += other.totalValues;
        maxWidth = Math.max(maxWidth, other.maxWidth);
        maxHeight = Math.max(maxHeight, other.maxHeight);
        other.formats.forEach((format, count) -> formats.merge(format, count, Long::sum));
    }

    /** {@return the feature's path with TFDV's image custom statistics, or with none when it is no image feature} */
    FeatureNameStatistics result() {
        FeatureNameStatistics.Builder result =
                FeatureNameStatistics.newBuilder().setPath(Path.newBuilder().addStep(name));
        long unknown = formats.getOrDefault("", 0L);
        if (invalid || totalValues < VALUES_THRESHOLD || 1 - (double) unknown / totalValues < IS_IMAGE_RATIO) {
            return result.build();
        }
        result.addCustomStats(
                CustomStatistic.newBuilder().setName("domain_info").setStr("image_domain {}"));
        RankHistogram.Builder histogram = RankHistogram.newBuilder();
        for (Map.Entry<String, Long> format : formats.entrySet()) {
            histogram
                    .addBucketsBuilder()
                    .setLabel(format.getKey().isEmpty() ? "UNKNOWN" : format.getKey())
                    .setSampleCount(format.getValue());
        }
        result.addCustomStats(
                CustomStatistic.newBuilder().setName("image_format_histogram").setRankHistogram(histogram));
        result.addCustomStats(
                CustomStatistic.newBuilder().setName("image_max_width").setNum(maxWidth));
        result.addCustomStats(
                CustomStatistic.newBuilder().setName("image_max_height").setNum(maxHeight));
        return result.build();
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(name);
        out.writeBoolean(invalid);
        out.writeLong(totalValues);
        out.writeLong(maxWidth);
        out.writeLong(maxHeight);
        out.writeInt(formats.size());
        for (Map.Entry<String, Long> format : formats.entrySet()) {
            out.writeUTF(format.getKey());
            out.writeLong(format.getValue());
        }
    }

    static ImageAccumulator read(DataInput in) throws IOException {
        ImageAccumulator state = new ImageAccumulator(in.readUTF());
        state.invalid = in.readBoolean();
        state.totalValues = in.readLong();
        state.maxWidth = in.readLong();
        state.maxHeight = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            state.formats.put(in.readUTF(), in.readLong());
        }
        return state;
    }

    String name() {
        return name;
    }
}
