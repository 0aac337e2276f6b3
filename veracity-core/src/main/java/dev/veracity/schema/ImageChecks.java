package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.LOW_SUPPORTED_IMAGE_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.MAX_IMAGE_BYTE_SIZE_EXCEEDED;

import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.Feature;
import dev.veracity.proto.ImageDomain;
import dev.veracity.proto.RankHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TFDV's checks of an {@code image_domain} ({@code UpdateImageDomain}): the fraction of values that are images of a
 * supported format, from the {@code image_format_histogram} custom statistic (label {@code UNKNOWN} for the rest),
 * and the largest value's size, from {@code bytes_stats.max_num_bytes_int}. A violated bound is moved to the
 * observed value.
 */
final class ImageChecks {
    /** The custom statistic of image formats, as TFDV's image generator names it. */
    static final String IMAGE_FORMAT_HISTOGRAM = "image_format_histogram";

    private ImageChecks() {}

    /** {@return what had to change in the feature's image domain to accept its statistics} */
    static List<Description> check(Feature.Builder feature, FeatureView view) {
        List<Description> found = new ArrayList<>();
        ImageDomain domain = feature.getImageDomain();
        if (domain.hasMinimumSupportedImageFraction()) {
            CustomStatistic formats = view.stats().getCustomStatsList().stream()
                    .filter(c -> c.getName().equals(IMAGE_FORMAT_HISTOGRAM))
                    .findFirst()
                    .orElse(null);
            if (formats != null) {
                // TFDV sums and divides in float
                float supported = 0;
                float unsupported = 0;
                for (RankHistogram.Bucket bucket : formats.getRankHistogram().getBucketsList()) {
                    if (bucket.getLabel().equals("UNKNOWN")) {
                        unsupported += (float) bucket.getSampleCount();
                    } else {
                        supported += (float) bucket.getSampleCount();
                    }
                }
                float fraction = supported / (supported + unsupported);
                float threshold = domain.getMinimumSupportedImageFraction();
                if (fraction < threshold) {
                    feature.getImageDomainBuilder().setMinimumSupportedImageFraction(fraction);
                    found.add(new Description(
                            LOW_SUPPORTED_IMAGE_FRACTION,
                            "Low supported image fraction",
                            "Fraction of values containing TensorFlow supported images: " + cFixed(fraction)
                                    + " is lower than the threshold set in the Schema: " + cFixed(threshold) + "."));
                }
            }
            // without the histogram TFDV only logs that semantic domain statistics are needed
        }
        if (domain.hasMaxImageByteSize()) {
            long largest = view.stats().getBytesStats().getMaxNumBytesInt();
            long allowed = domain.getMaxImageByteSize();
            if (largest > allowed) {
                feature.getImageDomainBuilder().setMaxImageByteSize(largest);
                found.add(new Description(
                        MAX_IMAGE_BYTE_SIZE_EXCEEDED,
                        "Num bytes exceeds the max byte size.",
                        "The largest image has bytes: " + largest + ". The max allowed byte size is: " + allowed
                                + "."));
            }
        }
        return found;
    }

    /** {@return the number as C++'s {@code std::to_string(float)} prints it: six decimals} */
    private static String cFixed(float value) {
        return String.format(Locale.ROOT, "%f", (double) value);
    }
}
