package dev.veracity.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a deterministic, realistic machine-learning table as CSV: the input of {@code bench/compare}.
 *
 * <p>21 columns of event data: integer ids and counts, normal and lognormal floats (with runs of zeros), Zipf-skewed
 * categoricals of low and medium cardinality, a unique string id per row, free text that is sometimes quoted (commas,
 * doubled quotes, a few non-ASCII words), booleans as {@code 0/1} and as {@code true/false}, ISO timestamps and dates,
 * and 1 to 10 % missing (empty) cells in most columns. The same rows and seed always give the same bytes; no field
 * holds a line break, so the file has exactly ROWS + 1 lines.
 *
 * <pre>{@code
 * bench/generate 1000000 bench/target/data/table-1000000.csv      # java -cp ... TableGenerator ROWS FILE [SEED]
 * }</pre>
 */
public final class TableGenerator {
    static final String HEADER = "event_id,user_id,event_time,signup_date,age,num_items,sessions_30d,clicks_7d,"
            + "price,revenue,score,latency_ms,discount,country,device,category,city,product_sku,is_returning,"
            + "opted_in,comment";

    private static final String[] COUNTRIES = {"US", "IN", "BR", "DE", "GB", "FR", "JP", "ID", "MX", "NG", "PL", "ES",
        "IT", "CA", "TR", "KR", "VN", "PH", "AR", "NL", "EG", "ZA", "AU", "SE", "CO", "TH", "UA", "PK", "CH", "BE", "AT",
        "PT", "CZ", "RO", "CL", "GR", "IE", "DK", "FI", "NO"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet", "smart_tv", "console"};
    private static final String[] CATEGORIES = {"electronics", "books", "clothing", "home_garden", "toys", "sports",
        "beauty", "grocery", "automotive", "music", "movies", "health", "pet_supplies", "office", "jewelry", "shoes",
        "tools", "baby", "video_games", "software", "crafts", "outdoor", "furniture", "kitchen", "luggage"};
    private static final String[] CITY_HEADS = {"Ash", "Bel", "Cor", "Dun", "Elm", "Fair", "Glen", "Hart", "Iron",
        "Kings", "Lake", "Mill", "North", "Oak", "Pine", "Queens", "Red", "South", "Stone", "Thorn", "Up", "Vale",
        "West", "Wolf", "York", "Bright", "Clear", "Deep", "East", "Frost", "Gold", "High", "Long", "Maple", "New",
        "Old", "Rose", "Silver", "Sun", "Winter", "Black", "Green", "Storm", "River", "Hazel", "Brook", "Cedar",
        "Falcon", "Marsh", "Raven"};
    private static final String[] CITY_TAILS = {"ford", "ton", "ville", "burg", "wick", "field", "port", "ham", "dale",
        "mouth", "bridge", "stead", "worth", "by", "haven", "mere", "moor", "well", "chester", "minster", "holm",
        "shire", "crest", "gate", "wood", "bury", "cliff", "combe", "ley", "sted", "thorpe", "water", "view", "rock",
        "hill", "land", "marsh", "point", "ridge", "side"};
    private static final String[] WORDS = {"the", "a", "great", "product", "good", "item", "fast", "delivery", "and",
        "quality", "not", "very", "price", "was", "it", "works", "as", "expected", "would", "buy", "again", "bad",
        "broken", "arrived", "late", "love", "this", "excellent", "service", "poor", "packaging", "size", "too",
        "small", "large", "color", "different", "from", "picture", "recommend", "to", "friends", "cheap", "value",
        "for", "money", "battery", "life", "short", "long", "easy", "use", "setup", "instructions", "unclear",
        "customer", "support", "helpful", "refund", "requested", "return", "exchange", "perfect", "fit", "comfortable",
        "stylish", "durable", "flimsy", "material", "smells", "strange", "noisy", "quiet", "bright", "dim", "screen",
        "sound", "excellent!", "ok", "fine", "meh", "awesome", "terrible", "worth", "it", "waste", "of", "time",
        "my", "kids", "like", "wife", "husband", "gift", "birthday", "christmas", "second", "order", "first",
        "missing", "parts", "box", "damaged", "shipping", "slow", "super", "happy", "disappointed", "café", "naïve",
        "über", "déjà", "vu", "5/5", "1/5", "10/10", "#1", "100%", "w/o", "issues", "seller", "responded", "quickly"};

    private static final long START_SECOND = LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long FIRST_SIGNUP_DAY = LocalDate.of(2015, 1, 1).toEpochDay();
    private static final int SIGNUP_DAYS = (int) (LocalDate.of(2024, 1, 1).toEpochDay() - FIRST_SIGNUP_DAY);
    private static final int SKU_COUNT = 30_000;
    private static final int FLUSH_CHARS = 1 << 20;

    private final SplittableRandom random;
    private final Zipf countries;
    private final Zipf devices;
    private final Zipf categories;
    private final String[] cities;
    private final Zipf cityRanks;
    private final Zipf skus;
    private final Zipf words;
    private final long idSalt;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate = "";

    TableGenerator(long seed) {
        random = new SplittableRandom(seed);
        idSalt = new SplittableRandom(~seed).nextLong();
        countries = new Zipf(COUNTRIES.length, 1.1);
        devices = new Zipf(DEVICES.length, 1.3);
        categories = new Zipf(CATEGORIES.length, 0.9);
        cities = cityNames();
        cityRanks = new Zipf(cities.length, 1.0);
        skus = new Zipf(SKU_COUNT, 1.05);
        words = new Zipf(WORDS.length, 0.8);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: TableGenerator ROWS FILE [SEED]   (writes ROWS data rows plus a header row)");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0].replace("_", "").replace(",", ""));
        Path file = Path.of(args[1]).toAbsolutePath();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        if (rows < 0) {
            throw new IllegalArgumentException("ROWS must not be negative: " + rows);
        }
        long start = System.nanoTime();
        Path parent = file.getParent();
        Files.createDirectories(parent);
        // Written aside and renamed, so that an interrupted run never leaves a truncated file to be reused.
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                new TableGenerator(seed).write(rows, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        System.err.printf(Locale.ROOT, "generated %,d rows, %.1f MB, seed %d: %s (%.1f s)%n", rows,
                Files.size(file) / 1e6, seed, file, (System.nanoTime() - start) / 1e9);
    }

    void write(long rows, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(FLUSH_CHARS + 4096);
        text.append(HEADER).append('\n');
        for (long r = 0; r < rows; r++) {
            row(r, text);
            if (text.length() >= FLUSH_CHARS) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void row(long r, StringBuilder s) {
        // event_id: unique per row (a bijective mix of the row number), never missing.
        s.append("ev-").append(hex16(mix(r ^ idSalt))).append(',');
        // user_id: a few heavy users, a long tail of occasional ones.
        double u = random.nextDouble();
        s.append(1 + (long) (2_000_000 * u * u * u)).append(',');
        // event_time: ISO timestamp, roughly increasing, three seconds apart, with ten minutes of jitter.
        timestamp(START_SECOND + 3 * r + random.nextInt(-600, 601), s);
        s.append(',');
        if (present(0.03)) {
            date(FIRST_SIGNUP_DAY + random.nextInt(SIGNUP_DAYS), s);
        }
        s.append(',');
        if (present(0.04)) {
            s.append(Math.max(16, Math.min(95, Math.round(38 + 13 * random.nextGaussian()))));
        }
        s.append(',');
        if (present(0.02)) {
            s.append(geometric(0.45));
        }
        s.append(',');
        if (present(0.05)) {
            s.append(poisson(6.0));
        }
        s.append(',');
        if (present(0.07)) {
            s.append(random.nextInt(10) < 3 ? 0 : (long) Math.exp(1.5 + 1.2 * random.nextGaussian()));
        }
        s.append(',');
        // price: lognormal with 8 % zeros (free items).
        if (present(0.03)) {
            fixed(random.nextInt(100) < 8 ? 0 : Math.exp(3 + random.nextGaussian()), 2, s);
        }
        s.append(',');
        // revenue: zero for most events, lognormal for purchases.
        if (present(0.02)) {
            fixed(random.nextInt(100) < 65 ? 0 : Math.exp(4 + 1.5 * random.nextGaussian()), 2, s);
        }
        s.append(',');
        if (present(0.01)) {
            fixed(0.5 + 0.2 * random.nextGaussian(), 6, s);
        }
        s.append(',');
        if (present(0.06)) {
            fixed(Math.exp(4.5 + 0.8 * random.nextGaussian()), 3, s);
        }
        s.append(',');
        if (present(0.10)) {
            fixed(random.nextInt(10) < 7 ? 0 : 0.05 + 0.45 * random.nextDouble(), 2, s);
        }
        s.append(',');
        if (present(0.02)) {
            s.append(COUNTRIES[countries.sample(random)]);
        }
        s.append(',');
        if (present(0.01)) {
            s.append(DEVICES[devices.sample(random)]);
        }
        s.append(',');
        if (present(0.03)) {
            s.append(CATEGORIES[categories.sample(random)]);
        }
        s.append(',');
        if (present(0.05)) {
            s.append(cities[cityRanks.sample(random)]);
        }
        s.append(',');
        if (present(0.04)) {
            // Popularity rank to a scattered SKU number (7919 is prime to 10^6, so ranks map to distinct SKUs).
            s.append("SKU-").append(pad6((skus.sample(random) * 7919L + 104_729L) % 1_000_000L));
        }
        s.append(',');
        if (present(0.01)) {
            s.append(random.nextInt(100) < 37 ? '1' : '0');
        }
        s.append(',');
        if (present(0.06)) {
            s.append(random.nextInt(100) < 22 ? "true" : "false");
        }
        s.append(',');
        if (present(0.09)) {
            comment(s);
        }
        s.append('\n');
    }

    /** A few words; sometimes with commas or a "quoted" word, then written as an RFC 4180 quoted field. */
    private void comment(StringBuilder s) {
        int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 15 : 6);
        boolean quoted = false;
        int start = s.length();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                if (random.nextInt(100) < 6) {
                    s.append(',');
                    quoted = true;
                }
                s.append(' ');
            }
            String word = WORDS[words.sample(random)];
            if (random.nextInt(200) == 0) {
                s.append("\"\"").append(word).append("\"\"");
                quoted = true;
            } else {
                s.append(word);
            }
        }
        if (quoted) {
            s.insert(start, '"').append('"');
        }
    }

    private boolean present(double missingFraction) {
        return random.nextDouble() >= missingFraction;
    }

    private long geometric(double p) {
        return (long) (Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private void timestamp(long epochSecond, StringBuilder s) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        date(day, s);
        s.append('T');
        two(second / 3600, s);
        s.append(':');
        two(second / 60 % 60, s);
        s.append(':');
        two(second % 60, s);
        s.append('Z');
    }

    private void date(long epochDay, StringBuilder s) {
        if (epochDay != cachedDay) {
            cachedDay = epochDay;
            cachedDate = LocalDate.ofEpochDay(epochDay).toString();
        }
        s.append(cachedDate);
    }

    private static void two(int value, StringBuilder s) {
        s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String pad6(long value) {
        String digits = Long.toString(value);
        return "000000".substring(digits.length()) + digits;
    }

    /** {@code value} with exactly {@code decimals} digits after the point, without String.format's cost. */
    static void fixed(double value, int decimals, StringBuilder s) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            s.append('-');
        }
        s.append(scaled / scale);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % scale);
            s.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                s.append('0');
            }
            s.append(fraction);
        }
    }

    private static String hex16(long value) {
        String digits = Long.toHexString(value);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    /** A bijection of 64-bit values (the SplitMix64 finalizer), so distinct rows get distinct ids. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String[] cityNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String tail : CITY_TAILS) {
            for (String head : CITY_HEADS) {
                names.add(head + tail);
            }
        }
        List<String> list = new ArrayList<>(names);
        // Deterministic shuffle, so that popularity does not follow the alphabet.
        SplittableRandom shuffle = new SplittableRandom(7);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        return list.toArray(new String[0]);
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent, by inverting the cumulative sum. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, exponent);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
        }
    }
}
