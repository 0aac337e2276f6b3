package dev.veracity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.SchemaFiles;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.privacy.PiiStatistics;
import dev.veracity.privacy.PiiTags;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data goes in; no output file of any command that was given the marked schema holds any of it. */
class PiiWorkflowTest {
    @TempDir
    Path dir;

    private final Set<String> secrets = new HashSet<>();

    @Test
    void noOutputFileHoldsAnEmailOrCardNumber() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path train = write(work.resolve("train.csv"), 400, 1);
        Path eval = write(work.resolve("eval.csv"), 100, 2);
        Files.writeString(work.resolve("key"), "a-secret-that-is-long-enough\n");

        // Bootstrap the schema from statistics kept out of the output directory, then mark the PII in it.
        run("stats", train.toString(), "-o", work.resolve("raw.pb").toString());
        run(
                "infer-schema",
                work.resolve("raw.pb").toString(),
                "-o",
                work.resolve("inferred.pbtxt").toString());
        Path schema = out.resolve("schema.pbtxt");
        run(
                "pii",
                "scan",
                train.toString(),
                "--schema",
                work.resolve("inferred.pbtxt").toString(),
                "--write-schema",
                schema.toString(),
                "-o",
                out.resolve("scan.json").toString());
        assertThat(PiiTags.features(SchemaFiles.read(schema))).containsOnlyKeys("email", "card", "holder");

        for (String extension : List.of(".pb", ".pbtxt", ".json")) {
            run(
                    "stats",
                    train.toString(),
                    "--schema",
                    schema.toString(),
                    "-o",
                    out.resolve("train" + extension).toString());
        }
        run(
                "stats",
                train.toString(),
                "--schema",
                schema.toString(),
                "--pii-secret-file",
                work.resolve("key").toString(),
                "-o",
                out.resolve("train-hashed.pbtxt").toString());
        run(
                "stats",
                eval.toString(),
                "--schema",
                schema.toString(),
                "-o",
                out.resolve("eval.pb").toString());
        run(
                "infer-schema",
                out.resolve("train.pb").toString(),
                "-o",
                out.resolve("reinferred.pbtxt").toString());
        CommandRun validate = CommandRun.of(
                "validate",
                "--schema",
                schema.toString(),
                "--stats",
                out.resolve("eval.pb").toString(),
                "--previous",
                out.resolve("train.pb").toString(),
                "-o",
                out.resolve("anomalies.pbtxt").toString());
        assertThat(validate.exitCode()).isIn(0, 1);
        Files.writeString(
                out.resolve("show.txt"),
                CommandRun.of("show", out.resolve("train.pb").toString()).out() + validate.out());
        run(
                "pii",
                "redact",
                train.toString(),
                "--schema",
                schema.toString(),
                "--secret-file",
                work.resolve("key").toString(),
                "--feature",
                "email=hash",
                "--entity",
                "ALL=tag",
                "-o",
                out.resolve("redacted.csv").toString());
        run(
                "pii",
                "redact",
                train.toString(),
                "--schema",
                schema.toString(),
                "--pii-operator",
                "mask",
                "-o",
                out.resolve("redacted.jsonl").toString());

        FeatureNameStatistics email =
                StatisticsFiles.read(out.resolve("train.pb")).getDatasets(0).getFeaturesList().stream()
                        .filter(f -> f.getPath().getStep(0).equals("email"))
                        .findFirst()
                        .orElseThrow();
        assertThat(email.getStringStats().getTopValuesCount()).isZero();
        assertThat(email.getStringStats().getUnique()).isPositive();
        assertThat(email.getCustomStatsList()).anySatisfy(c -> {
            assertThat(c.getName()).isEqualTo(PiiStatistics.CUSTOM_STAT);
            assertThat(c.getStr()).isEqualTo("suppressed");
        });
        assertThat(Files.readString(out.resolve("train-hashed.pbtxt"))).contains("label: \"pii:");

        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(12);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(text)
                        .as("%s must not hold %s", file.getFileName(), secret)
                        .doesNotContain(secret);
            }
        }
        // The inputs do hold them: the check above can fail.
        assertThat(Files.readString(train)).contains(secrets.iterator().next().split(" ")[0]);
    }

    private void run(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
    }

    /** Rows with e-mails, card numbers (written as 16 digits or in groups) and names; the rest is ordinary. */
    private Path write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[] cards = {
            "4111111111111111",
            "5500000000000004",
            "4012888888881881",
            "4222222222222",
            "378282246310005",
            "6011000990139424"
        };
        StringBuilder csv = new StringBuilder("id,email,card,holder,city,amount\n");
        for (int i = 0; i < rows; i++) {
            String email = "person" + random.nextInt(30) + "@example.com";
            String card = cards[random.nextInt(cards.length)];
            String written = random.nextBoolean() ? card : String.join(" ", card.split("(?<=\\G.{4})"));
            String holder = new String[] {"Maria Garcia", "John Smith", "Akira Tanaka"}[random.nextInt(3)];
            secrets.add(email);
            secrets.add(card);
            secrets.add(written);
            secrets.add(holder);
            csv.append(i)
                    .append(',')
                    .append(email)
                    .append(',')
                    .append(written)
                    .append(',')
                    .append(holder)
                    .append(',')
                    .append(new String[] {"Paris", "Lyon", "Nice"}[random.nextInt(3)])
                    .append(',')
                    .append(random.nextInt(500))
                    .append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }
}
