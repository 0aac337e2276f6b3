package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.SemanticStatisticsFixture;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Statistics beyond the tables in the report: semantic domains, natural-language length histograms, image statistics,
 * sparse and weighted features as units, and struct children nested under their parent.
 */
class ReportDetailsTest {
    @TempDir
    Path dir;

    private static HtmlReport report() {
        return HtmlReport.builder()
                .title("semantic")
                .statistics("train", SemanticStatisticsFixture.statistics())
                .build();
    }

    private static FeatureRow row(ReportModel model, String name) {
        return model.features().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static FeatureDetails details(ReportModel model, String name) {
        return row(model, name).details().get(0).orElseThrow();
    }

    @Test
    void theModelReadsEachKindOfDetails() {
        ReportModel model = report().model();
        assertThat(details(model, "day").domain()).isEqualTo("time_domain {string_format: '%Y-%m-%d'}");
        assertThat(details(model, "day").domainMatch()).isEqualTo(0.95);
        FeatureDetails note = details(model, "note");
        assertThat(note.coverage()).isEqualTo(0.97);
        assertThat(note.tokenLength()).containsExactly(new Bucket(1, 3, 40), new Bucket(3, 11, 38));
        assertThat(note.sequenceLength()).containsExactly(new Bucket(2, 5, 95), new Bucket(5, 9, 95));
        FeatureDetails photo = details(model, "photo");
        assertThat(photo.imageFormats())
                .containsExactly(new ValueCount("UNKNOWN", 10), new ValueCount("jpeg", 120), new ValueCount("png", 70));
        assertThat(photo.imageMaxWidth()).isEqualTo(640);
        assertThat(photo.imageMaxHeight()).isEqualTo(480);
        assertThat(details(model, "ad").unit()).isEqualTo("sparse");
        assertThat(details(model, "ad").unitStatistics())
                .contains(new ValueCount("missing_value", 1), new ValueCount("max_length_diff ad_index", 3));
        assertThat(details(model, "weighted_term").unit()).isEqualTo("weighted");
        assertThat(row(model, "trip").details()).containsExactly(Optional.empty());
        assertThat(row(model, "trip").parent()).isEmpty();
        List<String> nested = model.features().stream()
                .filter(f -> f.parent().isPresent())
                .map(f -> f.name() + " in " + f.parent().get())
                .toList();
        assertThat(nested).containsExactly("trip.fare in trip", "trip.stops in trip", "trip.stops.city in trip.stops");
    }

    @Test
    void theJsonCarriesDetailsAndParents() throws IOException {
        StringWriter json = new StringWriter();
        ReportJson.write(report().model(), json);
        assertThat(json.toString())
                .contains("\"domain\":\"time_domain {string_format: '%Y-%m-%d'}\"")
                .contains("\"tokenLength\":[1,3,40,3,11,38]")
                .contains("\"imageFormats\":[\"UNKNOWN\",10,\"jpeg\",120,\"png\",70]")
                .contains("\"unit\":\"sparse\"")
                .contains("\"parent\":\"trip.stops\"");
    }

    @Test
    void thePageDrawsThemAndNestsStructChildren() throws IOException {
        Path html = dir.resolve("semantic.html");
        report().write(html);
        try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2600)) {
            chromium.open(html);
            chromium.assertNoConsoleErrors();
            List<String> order = chromium.driver().findElements(By.cssSelector("article.feature")).stream()
                    .map(e -> e.getAttribute("data-feature"))
                    .toList();
            assertThat(order).containsSubsequence("trip", "trip.fare", "trip.stops", "trip.stops.city");
            assertThat(order.indexOf("trip.stops.city") - order.indexOf("trip")).isEqualTo(3);
            assertThat(card(chromium, "trip.stops.city").getAttribute("data-parent"))
                    .isEqualTo("trip.stops");
            assertThat(card(chromium, "trip").getText()).contains("Children: trip.fare, trip.stops");
            assertThat(card(chromium, "day").getText())
                    .contains("Semantic domain: time_domain {string_format: '%Y-%m-%d'}");
            WebElement note = card(chromium, "note");
            assertThat(note.getText()).contains("Semantic domain: natural_language_domain {}", "coverage 97");
            assertThat(note.findElements(By.cssSelector(".length-histogram[data-kind='token'] rect")))
                    .hasSize(2);
            assertThat(note.findElements(By.cssSelector(".length-histogram[data-kind='sequence'] rect")))
                    .hasSize(2);
            assertThat(card(chromium, "photo").getText()).contains("Images: UNKNOWN 10", "jpeg 120", "640", "480");
            assertThat(card(chromium, "ad")
                            .findElement(By.cssSelector(".chip.unit"))
                            .getText())
                    .isEqualToIgnoringCase("sparse feature");
            assertThat(card(chromium, "ad").getText()).contains("max_length_diff ad_index 3");
            assertThat(card(chromium, "weighted_term")
                            .findElement(By.cssSelector(".chip.unit"))
                            .getText())
                    .isEqualToIgnoringCase("weighted feature");
        }
    }

    private static WebElement card(HeadlessChromium chromium, String feature) {
        return chromium.driver().findElements(By.cssSelector("article.feature")).stream()
                .filter(e -> feature.equals(e.getAttribute("data-feature")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + feature));
    }
}
