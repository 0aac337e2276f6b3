package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic-domain statistics of a dataset: one {@link NaturalLanguageAccumulator} per natural-language feature
 * of the options, and with domain inference one {@link ImageAccumulator} per string feature and one
 * {@link NaturalLanguageDomainAccumulator} and {@link TimeDomainAccumulator} per feature. Mergeable; its state is
 * written after the features' in the dataset accumulator's bytes.
 */
final class SemanticAccumulator {
    private final StatisticsOptions options;
    private final Map<String, NaturalLanguageAccumulator> naturalLanguage = new LinkedHashMap<>();
    private final Map<String, ImageAccumulator> images = new LinkedHashMap<>();
    private final Map<String, NaturalLanguageDomainAccumulator> textDomains = new LinkedHashMap<>();
    private final Map<String, TimeDomainAccumulator> timeDomains = new LinkedHashMap<>();

    SemanticAccumulator(StatisticsOptions options) {
        this.options = options;
        for (NaturalLanguageFeature feature : options.semanticDomains().naturalLanguage()) {
            naturalLanguage.putIfAbsent(feature.name(), new NaturalLanguageAccumulator(feature, options));
        }
    }

    void add(RecordBatch batch) {
        boolean describeImages = options.semanticDomains().inferDomains();
        if (naturalLanguage.isEmpty() && !describeImages) {
            return;
        }
        for (Column column : batch.columns()) {
            NaturalLanguageAccumulator nl = naturalLanguage.get(column.name());
            if (nl != null) {
                nl.add(column);
            }
            ImageAccumulator image = images.get(column.name());
            if (image == null && describeImages && column instanceof StringColumn) {
                image = new ImageAccumulator(column.name());
                images.put(column.name(), image);
            }
            if (image != null) {
                image.add(column);
            }
            if (describeImages) {
                textDomains
                        .computeIfAbsent(column.name(), NaturalLanguageDomainAccumulator::new)
                        .add(column);
                timeDomains
                        .computeIfAbsent(column.name(), TimeDomainAccumulator::new)
                        .add(column);
            }
        }
    }

    void merge(SemanticAccumulator other) {
        if (!other.naturalLanguage.keySet().equals(naturalLanguage.keySet())) {
            throw new IllegalArgumentException("cannot merge statistics of other natural-language features");
        }
        other.naturalLanguage.forEach(
                (name, theirs) -> naturalLanguage.get(name).merge(theirs));
        other.images.forEach((name, theirs) ->
                images.computeIfAbsent(name, ImageAccumulator::new).merge(theirs));
        other.textDomains.forEach((name, theirs) -> textDomains
                .computeIfAbsent(name, NaturalLanguageDomainAccumulator::new)
                .merge(theirs));
        other.timeDomains.forEach((name, theirs) ->
                timeDomains.computeIfAbsent(name, TimeDomainAccumulator::new).merge(theirs));
    }

    /** {@return per feature, its path and semantic-domain custom statistics (none when a generator found none)} */
    List<FeatureNameStatistics> result() {
        List<FeatureNameStatistics> result = new ArrayList<>();
        for (NaturalLanguageAccumulator nl : naturalLanguage.values()) {
            if (nl.isSeen()) {
                result.add(nl.result());
            }
        }
        for (ImageAccumulator image : images.values()) {
            result.add(image.result());
        }
        // only the features a domain was found for: each result is merged into its column's statistics by path
        for (NaturalLanguageDomainAccumulator text : textDomains.values()) {
            FeatureNameStatistics found = text.result();
            if (found.getCustomStatsCount() > 0) {
                result.add(found);
            }
        }
        for (TimeDomainAccumulator time : timeDomains.values()) {
            FeatureNameStatistics found = time.result();
            if (found.getCustomStatsCount() > 0) {
                result.add(found);
            }
        }
        return result;
    }

    long retainedBytes() {
        long total = 64
                + images.size() * 256L
                + textDomains.size() * 64L
                + timeDomains.size() * (64L + 8L * TimeFormats.count());
        for (NaturalLanguageAccumulator nl : naturalLanguage.values()) {
            total += nl.retainedBytes();
        }
        return total;
    }

    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(naturalLanguage.size());
        for (NaturalLanguageAccumulator nl : naturalLanguage.values()) {
            nl.write(out);
        }
        out.writeInt(images.size());
        for (ImageAccumulator image : images.values()) {
            image.write(out);
        }
        if (options.semanticDomains().inferDomains()) {
            out.writeInt(textDomains.size());
            for (NaturalLanguageDomainAccumulator text : textDomains.values()) {
                text.write(out);
            }
            out.writeInt(timeDomains.size());
            for (TimeDomainAccumulator time : timeDomains.values()) {
                time.write(out);
            }
        }
    }

    void readState(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count != naturalLanguage.size()) {
            throw new IllegalArgumentException("dataset accumulator with " + count
                    + " natural-language features, but the options declare " + naturalLanguage.size());
        }
        for (Map.Entry<String, NaturalLanguageAccumulator> entry : List.copyOf(naturalLanguage.entrySet())) {
            NaturalLanguageFeature feature = options.semanticDomains().naturalLanguage().stream()
                    .filter(f -> f.name().equals(entry.getKey()))
                    .findFirst()
                    .orElseThrow();
            naturalLanguage.put(entry.getKey(), NaturalLanguageAccumulator.read(in, feature, options));
        }
        int imageCount = in.readInt();
        for (int i = 0; i < imageCount; i++) {
            ImageAccumulator image = ImageAccumulator.read(in);
            images.put(image.name(), image);
        }
        if (options.semanticDomains().inferDomains()) {
            int textCount = in.readInt();
            for (int i = 0; i < textCount; i++) {
                NaturalLanguageDomainAccumulator text = NaturalLanguageDomainAccumulator.read(in);
                textDomains.put(text.name(), text);
            }
            int timeCount = in.readInt();
            for (int i = 0; i < timeCount; i++) {
                TimeDomainAccumulator time = TimeDomainAccumulator.read(in);
                timeDomains.put(time.name(), time);
            }
        }
    }
}
