package dev.veracity.privacy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.privacy.PiiEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of every recognizer on a generated corpus (positives and look-alikes per entity, each in a
 * feature whose name is part of the context); the table goes to {@code target/pii-corpus.md}.
 */
class RecognizerCorpusTest {
    private static final int PER_KIND = 1000;

    @Test
    void precisionAndRecallPerRecognizer() throws IOException {
        List<PiiCorpus.Item> corpus = PiiCorpus.generate(20261127L, PER_KIND);
        PiiDetector detector = PiiDetector.standard();
        Map<PiiEntity, long[]> counts = new EnumMap<>(PiiEntity.class); // true positive, false positive, false negative
        for (PiiEntity entity : PiiEntity.values()) {
            counts.put(entity, new long[3]);
        }
        for (PiiCorpus.Item item : corpus) {
            Set<PiiEntity> found = detector.find(item.value(), Context.ofFeature(item.feature())).stream()
                    .map(Finding::entity)
                    .collect(Collectors.toSet());
            for (PiiEntity entity : PiiEntity.values()) {
                boolean truth = item.entity().filter(entity::equals).isPresent();
                boolean predicted = found.contains(entity);
                if (truth && predicted) {
                    counts.get(entity)[0]++;
                } else if (predicted) {
                    counts.get(entity)[1]++;
                } else if (truth) {
                    counts.get(entity)[2]++;
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "Generated corpus: %d positives and %d "
                        + "look-alikes per entity (seed 20261127)%n%n| entity | precision | recall | TP | FP | FN |%n"
                        + "|---|---|---|---|---|---|%n",
                PER_KIND,
                PER_KIND));
        Map<PiiEntity, double[]> figures = new EnumMap<>(PiiEntity.class);
        counts.forEach((entity, c) -> {
            double precision = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
            double recall = (double) c[0] / (c[0] + c[2]);
            figures.put(entity, new double[] {precision, recall});
            table.append(String.format(
                    Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d |%n", entity, precision, recall, c[0], c[1], c[2]));
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pii-corpus.md"), table);

        // Checksummed and structured entities: near perfect; names are limited by the bundled list (about a fourth
        // of the generated names are rare ones it lacks).
        for (PiiEntity entity : List.of(
                PiiEntity.EMAIL_ADDRESS,
                PiiEntity.CREDIT_CARD,
                PiiEntity.IBAN_CODE,
                PiiEntity.US_SSN,
                PiiEntity.DATE_OF_BIRTH,
                PiiEntity.IP_ADDRESS,
                PiiEntity.PHONE_NUMBER)) {
            assertThat(figures.get(entity)[0])
                    .as(entity + " precision\n" + table)
                    .isGreaterThanOrEqualTo(0.95);
            assertThat(figures.get(entity)[1]).as(entity + " recall\n" + table).isGreaterThanOrEqualTo(0.9);
        }
        assertThat(figures.get(PiiEntity.PERSON)[0])
                .as("PERSON precision\n" + table)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(figures.get(PiiEntity.PERSON)[1])
                .as("PERSON recall\n" + table)
                .isBetween(0.6, 0.9);
    }
}
