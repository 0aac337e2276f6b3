package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.pipeline.ExternalFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input path pattern with TFX's placeholders: {@code {SPAN}} or {@code {SPAN:2}} (fixed width), {@code {VERSION}},
 * or {@code {YYYY}{MM}{DD}} (the span is the number of days since 1970-01-01), plus globs {@code *}, {@code **} and
 * {@code ?}. Resolving picks the latest span (or a given one) and, within it, the latest version, as TFX's
 * ExampleGen does. A pattern with no span placeholder is span 0.
 *
 * <pre>{@code
 * List<ExternalFile> files = SpanPattern.parse("data/span-{SPAN}/v{VERSION}/*.csv").resolve(OptionalLong.empty());
 * }</pre>
 */
public final class SpanPattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(SPAN|VERSION|YYYY|MM|DD)(?::(\\d+))?}");

    private final String text;
    private final Path base;
    private final Pattern regex;
    private final boolean hasSpan;
    private final boolean hasDate;
    private final boolean hasVersion;

    private SpanPattern(String text, Path base, Pattern regex, boolean hasSpan, boolean hasDate, boolean hasVersion) {
        this.text = text;
        this.base = base;
        this.regex = regex;
        this.hasSpan = hasSpan;
        this.hasDate = hasDate;
        this.hasVersion = hasVersion;
    }

    /**
     * {@return the pattern}
     *
     * @throws ConfigException if VERSION has no SPAN or date, SPAN and a date are mixed, a date is partial, or a
     *                         placeholder appears twice
     */
    public static SpanPattern parse(String text) {
        String normalized = text.replace('\\', '/');
        int firstSpecial = firstSpecial(normalized);
        int slash = normalized.lastIndexOf(
                '/', firstSpecial == normalized.length() ? normalized.length() - 1 : firstSpecial);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        String rest = normalized.substring(slash + 1);
        StringBuilder regex = new StringBuilder();
        List<String> seen = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(rest);
        int at = 0;
        while (placeholders.find()) {
            regex.append(globToRegex(rest.substring(at, placeholders.start())));
            String name = placeholders.group(1);
            if (seen.contains(name)) {
                throw new ConfigException("input pattern " + text + ": expected {" + name + "} once, found it twice");
            }
            seen.add(name);
            String width = placeholders.group(2);
            String digits = switch (name) {
                case "YYYY" -> "\\d{4}";
                case "MM", "DD" -> "\\d{2}";
                default -> width == null ? "\\d+" : "\\d{" + width + "}";
            };
            regex.append("(?<")
                    .append(name.toLowerCase())
                    .append('>')
                    .append(digits)
                    .append(')');
            at = placeholders.end();
        }
        regex.append(globToRegex(rest.substring(at)));
        boolean span = seen.contains("SPAN");
        long dateParts = seen.stream()
                .filter(s -> s.equals("YYYY") || s.equals("MM") || s.equals("DD"))
                .count();
        boolean version = seen.contains("VERSION");
        if (dateParts != 0 && dateParts != 3) {
            throw new ConfigException(
                    "input pattern " + text + ": expected all of {YYYY}, {MM} and {DD}, found " + "only some");
        }
        if (span && dateParts == 3) {
            throw new ConfigException("input pattern " + text + ": expected {SPAN} or a date, found both");
        }
        if (version && !span && dateParts == 0) {
            throw new ConfigException(
                    "input pattern " + text + ": expected {VERSION} with {SPAN} or a date, found " + "{VERSION} alone");
        }
        return new SpanPattern(text, base, Pattern.compile(regex.toString()), span, dateParts == 3, version);
    }

    private static int firstSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '[') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * {@return the regular files under {@code base}, sorted}; a file that disappears while the tree is walked (a
     * database journal, another writer's temporary file) is not one of them, rather than a failure
     */
    private static List<Path> regularFiles(Path base) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return files;
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /**
     * {@return the files of the chosen span (the latest, or {@code span}) and its latest version, sorted by path}
     *
     * @throws InputException FILE_NOT_FOUND if no file matches, or none of the requested span; a date that does not
     *                        exist names its file
     */
    public List<ExternalFile> resolve(OptionalLong span) throws IOException {
        List<ExternalFile> matches = new ArrayList<>();
        for (Path file : regularFiles(base)) {
            String relative = base.relativize(file).toString().replace('\\', '/');
            Matcher matcher = regex.matcher(relative);
            if (matcher.matches()) {
                matches.add(new ExternalFile(
                        file, spanOf(matcher, file), hasVersion ? Long.parseLong(matcher.group("version")) : -1));
            }
        }
        if (matches.isEmpty()) {
            throw new InputException(
                    ErrorCode.FILE_NOT_FOUND,
                    text + ": expected files matching this pattern"
                            + (span.isPresent() ? " (span " + label(span.getAsLong(), hasDate) + ")" : "")
                            + ", found none");
        }
        long chosen =
                span.orElse(matches.stream().mapToLong(ExternalFile::span).max().orElseThrow());
        List<ExternalFile> ofSpan =
                matches.stream().filter(f -> f.span() == chosen).toList();
        if (ofSpan.isEmpty()) {
            throw new InputException(
                    ErrorCode.FILE_NOT_FOUND,
                    text + ": expected files of span " + label(chosen, hasDate) + ", found spans "
                            + matches.stream()
                                    .map(f -> label(f.span(), hasDate))
                                    .distinct()
                                    .toList());
        }
        long version = ofSpan.stream().mapToLong(ExternalFile::version).max().orElseThrow();
        return ofSpan.stream()
                .filter(f -> f.version() == version)
                .sorted(Comparator.comparing(ExternalFile::path))
                .toList();
    }

    private long spanOf(Matcher matcher, Path file) {
        if (hasSpan) {
            return Long.parseLong(matcher.group("span"));
        }
        if (hasDate) {
            try {
                return LocalDate.of(
                                Integer.parseInt(matcher.group("yyyy")),
                                Integer.parseInt(matcher.group("mm")),
                                Integer.parseInt(matcher.group("dd")))
                        .toEpochDay();
            } catch (DateTimeException e) {
                throw new InputException(
                        ErrorCode.FILE_NOT_FOUND,
                        file + ": expected a date in its path (pattern "
                                + text + "), found " + matcher.group("yyyy") + "-" + matcher.group("mm") + "-"
                                + matcher.group("dd"));
            }
        }
        return 0;
    }

    /** {@return whether the span is a date ({@code {YYYY}{MM}{DD}}), so it is shown as one} */
    public boolean isDate() {
        return hasDate;
    }

    /**
     * {@return a span as a person reads it: the ISO date (as TFX's {@code span_number_to_date}) when spans are dates,
     * else the number}
     */
    public static String label(long span, boolean date) {
        if (date && span >= LocalDate.MIN.toEpochDay() && span <= LocalDate.MAX.toEpochDay()) {
            return LocalDate.ofEpochDay(span).toString();
        }
        return Long.toString(span);
    }

    /**
     * {@return the span written as a number, or as an ISO date {@code YYYY-MM-DD} (days since 1970-01-01, as TFX's
     * {@code date_to_span_number})}
     *
     * @param where names the option in an error message
     * @throws ConfigException if the text is neither
     */
    public static long parseSpan(String text, String where) {
        String value = text.strip();
        if (value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(value).toEpochDay();
            } catch (DateTimeException e) {
                throw new ConfigException(where + ": expected a date that exists, found " + value);
            }
        }
        throw new ConfigException(where + ": expected a span number or a date YYYY-MM-DD, found \"" + value + "\"");
    }

    @Override
    public String toString() {
        return text;
    }
}
