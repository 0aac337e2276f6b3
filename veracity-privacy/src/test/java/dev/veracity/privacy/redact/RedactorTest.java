package dev.veracity.privacy.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.io.Veracity;
import dev.veracity.io.table.TableOptions;
import dev.veracity.privacy.PiiEntity;
import dev.veracity.privacy.Secret;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {
    private static final Secret SECRET = Secret.of("a-secret-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    /** A customers table with PII and ordinary features; values with commas and quotes test the CSV writer. */
    static String customers(SplittableRandom random, int rows) {
        StringBuilder csv = new StringBuilder("id,email,card,city,age,score,comment\n");
        for (int i = 0; i < rows; i++) {
            csv.append("C")
                    .append(Gen.between(random, 1, rows / 2 + 1))
                    .append(',')
                    .append("user")
                    .append(Gen.between(random, 1, 50))
                    .append("@example.com,")
                    .append(Gen.oneOf(random, "4111111111111111", "5500 0000 0000 0004", ""))
                    .append(',')
                    .append(Gen.oneOf(random, "Paris", "\"Lyon, FR\"", "", "\"Nice \"\"sud\"\"\""))
                    .append(',')
                    .append(Gen.oneIn(random, 5) ? "" : Integer.toString(Gen.between(random, 18, 90)))
                    .append(',')
                    .append(Gen.oneOf(random, "0.5", "1e3", "-2.25", ""))
                    .append(',')
                    .append(Gen.oneOf(random, "ok", "mail me at a.b@example.org", "\" padded \"", ""))
                    .append('\n');
        }
        return csv.toString();
    }

    @SeededProperty(tries = 8)
    void statisticsOfFeaturesNotRedactedAreUnchanged(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path input =
                Files.writeString(dir.resolve("in-" + seed + ".csv"), customers(random, Gen.between(random, 1, 300)));
        Path output = dir.resolve("out-" + seed + ".csv");
        RedactionPlan plan = RedactionPlan.none()
                .withFeature("email", new Operator.Hash())
                .withFeature("card", new Operator.Mask(4))
                .withFeature("id", new Operator.Hash())
                .withSecret(SECRET);
        new Redactor(plan, TableOptions.DEFAULT).redact(input, output);

        Map<String, FeatureNameStatistics> before = features(input);
        Map<String, FeatureNameStatistics> after = features(output);
        for (String kept : List.of("city", "age", "score", "comment")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("email").getStringStats().getUnique())
                .isEqualTo(before.get("email").getStringStats().getUnique());
        assertThat(common(after.get("card")))
                .isEqualTo(common(before.get("card"))); // INT before (digits), STRING after
        assertThat(Files.readString(output)).doesNotContain("@example.com", "4111111111111111", "5500 0000 0000");
    }

    @Test
    void hashedIdsStillJoin() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder customers = new StringBuilder("email,segment\n");
        StringBuilder orders = new StringBuilder("order,email,total\n");
        for (int i = 0; i < 200; i++) {
            customers
                    .append("user")
                    .append(i)
                    .append("@example.com,")
                    .append(Gen.oneOf(random, "a", "b"))
                    .append('\n');
        }
        for (int i = 0; i < 500; i++) {
            orders.append(i)
                    .append(",user")
                    .append(Gen.between(random, 0, 260))
                    .append("@example.com,")
                    .append(Gen.between(random, 1, 99))
                    .append('\n');
        }
        Path c = Files.writeString(dir.resolve("customers.csv"), customers);
        Path o = Files.writeString(dir.resolve("orders.csv"), orders);
        RedactionPlan plan =
                RedactionPlan.none().withFeature("email", new Operator.Hash()).withSecret(SECRET);
        Redactor redactor = new Redactor(plan, TableOptions.DEFAULT);
        redactor.redact(c, dir.resolve("customers-r.csv"));
        redactor.redact(o, dir.resolve("orders-r.csv"));

        Map<String, Long> joined = join(c, o);
        Map<String, Long> joinedRedacted = join(dir.resolve("customers-r.csv"), dir.resolve("orders-r.csv"));
        assertThat(joinedRedacted).isEqualTo(joined).isNotEmpty();
        assertThat(Files.readString(dir.resolve("orders-r.csv"))).doesNotContain("@example.com");
    }

    @Test
    void entityOperatorsRedactSpansInsideText() throws IOException {
        Path input = Files.writeString(dir.resolve("notes.jsonl"), """
                {"id": 1, "note": "write to jane@example.com or call +44 20 7946 0958", "n": [1, 2]}
                {"id": 2, "note": "nothing here", "n": []}
                {"id": 3, "n": [3]}
                """);
        Path output = dir.resolve("notes-out.jsonl");
        RedactionSummary summary = new Redactor(
                        RedactionPlan.none()
                                .withEntity(PiiEntity.EMAIL_ADDRESS, new Operator.Tag())
                                .withEntity(PiiEntity.PHONE_NUMBER, new Operator.Mask(2)),
                        TableOptions.DEFAULT)
                .redact(input, output);
        assertThat(Files.readAllLines(output))
                .containsExactly(
                        "{\"id\":1,\"note\":\"write to <EMAIL_ADDRESS> or call +** ** **** **58\",\"n\":[1,2]}",
                        "{\"id\":2,\"note\":\"nothing here\",\"n\":[]}",
                        "{\"id\":3,\"n\":3}");
        assertThat(summary.spansRedacted())
                .containsEntry(PiiEntity.EMAIL_ADDRESS, 1L)
                .containsEntry(PiiEntity.PHONE_NUMBER, 1L);
    }

    @Test
    void aListCannotGoToACsvCell() throws IOException {
        Path input = Files.writeString(dir.resolve("lists.jsonl"), "{\"a\": [1, 2]}\n");
        assertThatThrownBy(() -> new Redactor(RedactionPlan.none(), TableOptions.DEFAULT)
                        .redact(input, dir.resolve("lists.csv")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("row 1, feature a: expected one value per CSV cell, found a list of 2");
        assertThat(dir.resolve("lists.csv")).doesNotExist();
    }

    private static dev.veracity.proto.CommonStatistics common(FeatureNameStatistics feature) {
        return feature.hasNumStats()
                ? feature.getNumStats().getCommonStats()
                : feature.getStringStats().getCommonStats();
    }

    private static Map<String, FeatureNameStatistics> features(Path file) throws IOException {
        DatasetFeatureStatistics dataset =
                Veracity.statistics(file).withThreads(1).compute().statistics().getDatasets(0);
        return dataset.getFeaturesList().stream()
                .collect(Collectors.toMap(f -> f.getPath().getStep(0), f -> f));
    }

    /** Inner join of orders to customers on email: per segment, the number of joined orders. */
    private static Map<String, Long> join(Path customers, Path orders) throws IOException {
        Map<String, String> segment = new HashMap<>();
        for (String line : Files.readAllLines(customers).subList(1, 201)) {
            String[] cells = line.split(",");
            segment.put(cells[0], cells[1]);
        }
        return Files.readAllLines(orders).stream()
                .skip(1)
                .map(line -> segment.get(line.split(",")[1]))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
