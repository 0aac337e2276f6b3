package dev.veracity.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.format.ProtoText;
import dev.veracity.privacy.fairness.FairnessAnalysis;
import dev.veracity.privacy.fairness.FairnessJson;
import dev.veracity.privacy.fairness.FairnessReport;
import dev.veracity.privacy.scan.PiiScanJson;
import dev.veracity.privacy.scan.PiiScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report formats on the bundled examples. Regenerate with {@code -Dveracity.golden.update=true}. */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void scanReport() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PiiScanJson.write(PiiScanner.standard().scan(EXAMPLES.resolve("privacy/customers.csv")), out);
        matches("pii-scan-customers.json", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fairnessReportAndAnomalies() throws IOException {
        FairnessReport report = FairnessAnalysis.of(List.of("sex"), "approved")
                .withReference(Map.of("F", 0.5, "M", 0.5))
                .analyze(EXAMPLES.resolve("fairness/unbalanced.csv"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FairnessJson.write(report, out);
        matches("fairness-unbalanced.json", out.toString(StandardCharsets.UTF_8));
        matches("fairness-unbalanced-anomalies.pbtxt", ProtoText.print(report.toAnomalies()));
    }

    private static void matches(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("veracity.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file; create it with -Dveracity.golden.update=true")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
