package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.RankHistogram;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Image statistics from headers: formats and sizes of images the JDK writes (PNG, JPEG, GIF, BMP) and hand-made WebP
 * headers, and TFDV's rule of when a feature is an image feature ({@code image_stats_generator_test.py}: at least
 * 100 values, at least 80 % images).
 */
class ImageStatisticsTest {
    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, bytes)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] webp(String chunk, int... payload) {
        byte[] bytes = new byte[16 + payload.length];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, bytes, 12, 4);
        for (int i = 0; i < payload.length; i++) {
            bytes[16 + i] = (byte) payload[i];
        }
        return bytes;
    }

    @Test
    void formatsAndSizesFromHeaders() {
        for (String format : List.of("png", "jpeg", "gif", "bmp")) {
            byte[] bytes = image(format, 37, 21);
            assertThat(ImageHeader.read(bytes, 0, bytes.length)).as(format).isEqualTo(new ImageHeader(format, 37, 21));
        }
        // VP8X: width-1 and height-1 as 24-bit little-endian numbers after 4 bytes of flags
        byte[] vp8x = webp("VP8X", 10, 0, 0, 0, 0, 0, 0, 0, 0x1f, 3, 0, 0xc7, 0, 0);
        assertThat(ImageHeader.read(vp8x, 0, vp8x.length)).isEqualTo(new ImageHeader("webp", 800, 200));
        // VP8L: signature 0x2f, then 14 bits of width-1 and 14 of height-1
        long bits = (100 - 1) | ((50L - 1) << 14);
        byte[] vp8l = webp(
                "VP8L", 0, 0, 0, 0, 0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24));
        assertThat(ImageHeader.read(vp8l, 0, vp8l.length)).isEqualTo(new ImageHeader("webp", 100, 50));
        byte[] text = "not an image".getBytes(StandardCharsets.UTF_8);
        assertThat(ImageHeader.read(text, 0, text.length).format()).isNull();
        byte[] truncated = java.util.Arrays.copyOf(image("png", 5, 5), 12);
        assertThat(ImageHeader.read(truncated, 0, truncated.length)).isEqualTo(new ImageHeader("png", -1, -1));
    }

    private static FeatureNameStatistics statistics(int images, int others) {
        ColumnBuilder column = ColumnBuilder.of("image/encoded", FeatureType.STRING);
        byte[] png = image("png", 40, 30);
        byte[] jpeg = image("jpeg", 64, 16);
        for (int i = 0; i < images; i++) {
            byte[] bytes = i % 2 == 0 ? png : jpeg;
            column.appendString(bytes, 0, bytes.length);
        }
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < others; i++) {
            column.appendString(text, 0, text.length);
        }
        StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(new SemanticDomains(List.of(), true));
        DatasetAccumulator half = new DatasetAccumulator(options);
        half.add(new RecordBatch(images + others, List.of(column.build())));
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        dataset.merge(DatasetAccumulator.fromBytes(half.toBytes(), options));
        return dataset.result("").getFeatures(0);
    }

    @Test
    void mostlyImagesGetImageStatisticsAndAnImageDomain() {
        FeatureNameStatistics feature = statistics(90, 10);
        assertThat(feature.hasStringStats()).isTrue();
        assertThat(feature.getCustomStatsList())
                .extracting(CustomStatistic::getName)
                .containsExactly("domain_info", "image_format_histogram", "image_max_width", "image_max_height");
        assertThat(feature.getCustomStats(0).getStr()).isEqualTo("image_domain {}");
        assertThat(feature.getCustomStats(1).getRankHistogram().getBucketsList())
                .extracting(RankHistogram.Bucket::getLabel, RankHistogram.Bucket::getSampleCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UNKNOWN", 10.0),
                        org.assertj.core.groups.Tuple.tuple("jpeg", 45.0),
                        org.assertj.core.groups.Tuple.tuple("png", 45.0));
        assertThat(feature.getCustomStats(2).getNum()).isEqualTo(64);
        assertThat(feature.getCustomStats(3).getNum()).isEqualTo(30);
    }

    @Test
    void tooFewValuesOrTooFewImagesGetNone() {
        assertThat(statistics(99, 0).getCustomStatsList()).isEmpty();
        assertThat(statistics(79, 21).getCustomStatsList()).isEmpty();
        assertThat(statistics(80, 20).getCustomStatsList()).isNotEmpty();
    }
}
