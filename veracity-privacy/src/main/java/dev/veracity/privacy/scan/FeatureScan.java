package dev.veracity.privacy.scan;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.ValueText;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.detect.Context;
import dev.veracity.privacy.detect.Finding;
import dev.veracity.privacy.detect.PiiDetector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scan of one feature: counts every value and keeps a uniform sample of at most {@code sampleSize} of them
 * (reservoir sampling, Vitter's algorithm R with a seeded generator, so a file scans the same way every time); the
 * recognizers then run once over the sample. Memory: the sample's strings. FLOAT features are counted, not scanned
 * (no recognizer finds personal data in a floating-point number).
 */
final class FeatureScan {
    private final String name;
    private final int sampleSize;
    private final SplittableRandom random;
    private final List<String> sample = new ArrayList<>();
    private long values;
    private boolean scannable = true;

    FeatureScan(String name, int sampleSize, long seed) {
        this.name = name;
        this.sampleSize = sampleSize;
        this.random = new SplittableRandom(seed ^ name.hashCode());
    }

    void add(Column column) {
        if (column instanceof FloatColumn) {
            scannable = false;
        }
        int count = column.valueCount();
        for (int v = 0; v < count; v++) {
            values++;
            if (!scannable) {
                continue;
            }
            if (sample.size() < sampleSize) {
                sample.add(ValueText.of(column, v));
            } else {
                long slot = random.nextLong(values);
                if (slot < sampleSize) {
                    sample.set((int) slot, ValueText.of(column, v));
                }
            }
        }
    }

    FeatureVerdict result(PiiDetector detector, double minFraction) {
        Context context = Context.ofFeature(name);
        Map<PiiEntity, long[]> counts = new EnumMap<>(PiiEntity.class);
        Map<PiiEntity, double[]> scores = new EnumMap<>(PiiEntity.class);
        long anyPii = 0;
        List<String> scanned = scannable ? sample : List.of();
        for (String value : scanned) {
            List<Finding> findings = detector.find(value, context);
            Set<PiiEntity> seen = EnumSet.noneOf(PiiEntity.class);
            for (Finding finding : findings) {
                if (seen.add(finding.entity())) {
                    counts.computeIfAbsent(finding.entity(), e -> new long[1])[0]++;
                }
                double[] score = scores.computeIfAbsent(finding.entity(), e -> new double[2]);
                score[0] += finding.score();
                score[1]++;
            }
            if (!findings.isEmpty()) {
                anyPii++;
            }
        }
        List<EntityShare> entities = new ArrayList<>();
        counts.forEach((entity, count) -> {
            double[] score = scores.get(entity);
            entities.add(new EntityShare(entity, count[0], (double) count[0] / scanned.size(), score[0] / score[1]));
        });
        entities.sort((a, b) -> Long.compare(b.values(), a.values()));
        return new FeatureVerdict(name, values, scanned.size(), anyPii, entities, minFraction);
    }
}
