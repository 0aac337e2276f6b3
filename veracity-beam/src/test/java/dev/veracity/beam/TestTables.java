package dev.veracity.beam;

import dev.veracity.testing.Gen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random CSV tables written as files with a header: ints, floats with missing cells, categories, quoted text. */
final class TestTables {
    static final String HEADER = "id,amount,country,device,note,w";

    private TestTables() {}

    /** {@return the files of one random table of {@code rows} rows cut into {@code files} files, each with the header} */
    static List<Path> write(Path directory, long seed, int rows, int files) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<StringBuilder> texts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            texts.add(new StringBuilder(HEADER).append('\n'));
        }
        for (int r = 0; r < rows; r++) {
            StringBuilder text = texts.get(Gen.between(random, 0, files - 1));
            String amount =
                    Gen.oneIn(random, 10) ? "" : String.valueOf(Math.round(random.nextGaussian() * 1e4) / 100.0);
            String country = Gen.oneIn(random, 20) ? "" : Gen.oneOf(random, "DE", "FR", "PL", "Łódź", "US", "BR");
            String device = Gen.oneOf(random, "ios", "android", "web");
            String note = Gen.oneIn(random, 3)
                    ? "\"a, \"\"quoted\"\" note " + Gen.between(random, 0, 50) + "\""
                    : "n" + Gen.between(random, 0, 5000);
            int weight = Gen.between(random, 0, 5);
            text.append(r)
                    .append(',')
                    .append(amount)
                    .append(',')
                    .append(country)
                    .append(',')
                    .append(device)
                    .append(',')
                    .append(note)
                    .append(',')
                    .append(weight)
                    .append('\n');
        }
        List<Path> paths = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path file = directory.resolve("part-" + f + ".csv");
            Files.writeString(file, texts.get(f), StandardCharsets.UTF_8);
            paths.add(file);
        }
        return paths;
    }
}
