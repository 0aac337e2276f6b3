package dev.veracity.privacy.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiScannerTest {
    private static final Path CUSTOMERS = Path.of("..", "examples", "privacy", "customers.csv");

    @TempDir
    Path dir;

    private static Map<String, FeatureVerdict> byFeature(PiiScanReport report) {
        return report.features().stream().collect(Collectors.toMap(FeatureVerdict::feature, Function.identity()));
    }

    @Test
    void theExampleCustomersHaveTheirPiiFeaturesFoundAndNoOthers() throws IOException {
        PiiScanReport report = PiiScanner.standard().scan(CUSTOMERS);
        assertThat(report.rows()).isEqualTo(300);
        Map<String, PiiEntity> found = report.piiFeatures().stream()
                .collect(Collectors.toMap(
                        FeatureVerdict::feature, f -> f.verdict().orElseThrow().entity()));
        assertThat(found)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name",
                        PiiEntity.PERSON,
                        "email",
                        PiiEntity.EMAIL_ADDRESS,
                        "phone",
                        PiiEntity.PHONE_NUMBER,
                        "card_number",
                        PiiEntity.CREDIT_CARD,
                        "birth_date",
                        PiiEntity.DATE_OF_BIRTH,
                        "last_ip",
                        PiiEntity.IP_ADDRESS));
        FeatureVerdict note = byFeature(report).get("note");
        assertThat(note.isPii()).isFalse();
        assertThat(note.entities()).extracting(EntityShare::entity).containsExactly(PiiEntity.EMAIL_ADDRESS);
    }

    @Test
    void theJsonReportHoldsCountsButNoValue() throws IOException {
        PiiScanReport report = PiiScanner.standard().scan(CUSTOMERS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PiiScanJson.write(report, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"feature\" : \"email\"", "\"entity\" : \"EMAIL_ADDRESS\"")
                .doesNotContain("@example");
    }

    @Test
    void jsonLinesNumbersAreScannedAsText() throws IOException {
        Path file = Files.writeString(dir.resolve("people.jsonl"), """
                {"mobile": 4155552671, "ip": "10.0.0.1", "score": 0.5, "tags": ["a", "b@example.com"]}
                {"mobile": 4155552672, "ip": "10.0.0.2", "score": 1.5, "tags": []}
                """);
        Map<String, FeatureVerdict> verdicts = byFeature(PiiScanner.standard().scan(file));
        assertThat(verdicts.get("mobile").verdict().orElseThrow().entity()).isEqualTo(PiiEntity.PHONE_NUMBER);
        assertThat(verdicts.get("ip").verdict().orElseThrow().entity()).isEqualTo(PiiEntity.IP_ADDRESS);
        assertThat(verdicts.get("score").scanned()).isZero();
        assertThat(verdicts.get("tags").values()).isEqualTo(2);
        assertThat(verdicts.get("tags").verdict().orElseThrow().fraction()).isEqualTo(0.5);
    }

    @SeededProperty(tries = 10)
    void scansAUniformSampleOfAtMostTheCapAndCountsEveryValue(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = Gen.between(random, 1, 3000);
        int cap = Gen.between(random, 1, 2000);
        StringBuilder csv = new StringBuilder("contact\n");
        long emails = 0;
        for (int i = 0; i < rows; i++) {
            boolean email = random.nextInt(3) == 0;
            emails += email ? 1 : 0;
            csv.append(email ? "user" + i + "@example.com" : "n/a " + i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("c" + seed + ".csv"), csv);
        FeatureVerdict verdict =
                PiiScanner.standard().withSampleSize(cap).scan(file).features().get(0);
        assertThat(verdict.values()).isEqualTo(rows);
        assertThat(verdict.scanned()).isEqualTo(Math.min(cap, rows));
        if (cap >= rows) {
            assertThat(verdict.valuesWithPii()).isEqualTo(emails);
        } else {
            // a uniform sample: the share is within 5 standard errors of the truth
            double truth = (double) emails / rows;
            double error = 5 * Math.sqrt(truth * (1 - truth) / cap) + 1e-9;
            assertThat(verdict.fractionWithPii()).isBetween(truth - error, truth + error);
        }
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> PiiScanner.standard().scan(dir.resolve("nope.csv")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nope.csv: no such file");
    }
}
