package dev.veracity.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.SchemaFiles;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import dev.veracity.proto.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The transform directory: a versioned, human-readable record of a fitted transform. {@code transform.json} names
 * the format, its version and the SHA-256 of every other file, which loading checks; {@code spec.yaml} is the spec
 * as written; {@code constants.json} holds the input types and each step's constants; {@code vocabularies/} one
 * text file per vocabulary, one entry per line, most frequent first (as TFT writes them; a backslash, line feed or
 * carriage return in an entry is written {@code \\}, {@code \n}, {@code \r}); {@code input_schema.pbtxt} and
 * {@code output_schema.pbtxt} are TFDV schemas of the input columns and of the transformed features.
 *
 * <pre>{@code
 * TransformDirectory.write(fn, summary, Path.of("transform_dir"));
 * TransformFn again = TransformDirectory.read(Path.of("transform_dir"));
 * }</pre>
 */
public final class TransformDirectory {
    /** The format name in {@code transform.json}. */
    public static final String FORMAT = "veracity-transform";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    static final String MANIFEST = "transform.json";
    static final String SPEC = "spec.yaml";
    static final String CONSTANTS = "constants.json";
    static final String INPUT_SCHEMA = "input_schema.pbtxt";
    static final String OUTPUT_SCHEMA = "output_schema.pbtxt";
    static final String VOCABULARIES = "vocabularies";

    private TransformDirectory() {}

    /**
     * Writes the transform into {@code directory}: all files go to a new sibling directory that then replaces it, so
     * a reader sees the old transform or the new one. An existing directory that is not a transform directory (nor
     * empty) is refused.
     *
     * @throws InputException TRANSFORM_DIRECTORY_INVALID if {@code directory} is something else
     */
    public static void write(TransformFn fn, TransformFit.Summary summary, Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.exists(target) && !isTransformDirectoryOrEmpty(target)) {
            throw new InputException(
                    ErrorCode.TRANSFORM_DIRECTORY_INVALID,
                    directory + ": expected a new directory or a transform directory to replace, found another "
                            + (Files.isDirectory(target) ? "directory with files" : "file"));
        }
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, directory + ": no such directory " + parent);
        }
        Path temporary = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectory(temporary);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(SPEC, fn.spec().text().getBytes(StandardCharsets.UTF_8));
            List<String> vocabularyFiles = new ArrayList<>();
            for (int s = 0; s < fn.spec().steps().size(); s++) {
                Constants c = fn.constants().get(s);
                Step step = fn.spec().steps().get(s);
                if (usesVocabulary(step)) {
                    String name =
                            VOCABULARIES + "/" + s + "_" + step.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt";
                    files.put(name, vocabularyText(c.vocabulary()).getBytes(StandardCharsets.UTF_8));
                    vocabularyFiles.add(name);
                } else {
                    vocabularyFiles.add("");
                }
            }
            files.put(CONSTANTS, ConstantsJson.write(fn, vocabularyFiles));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = temporary.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            SchemaFiles.write(OutputSchema.input(fn, summary.maxValueCounts()), temporary.resolve(INPUT_SCHEMA));
            SchemaFiles.write(OutputSchema.output(fn), temporary.resolve(OUTPUT_SCHEMA));
            files.put(INPUT_SCHEMA, Files.readAllBytes(temporary.resolve(INPUT_SCHEMA)));
            files.put(OUTPUT_SCHEMA, Files.readAllBytes(temporary.resolve(OUTPUT_SCHEMA)));
            Files.write(temporary.resolve(MANIFEST), manifest(files));
            replace(temporary, target);
        } finally {
            deleteTree(temporary);
        }
    }

    static boolean usesVocabulary(Step step) {
        return step.op() == Op.COMPUTE_AND_APPLY_VOCABULARY || step.op() == Op.ONE_HOT || step.op() == Op.TFIDF;
    }

    private static boolean isTransformDirectoryOrEmpty(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        if (Files.exists(target.resolve(MANIFEST))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void replace(Path temporary, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static byte[] manifest(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeObjectFieldStart("sha256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                json.writeStringField(file.getKey(), sha256(file.getValue()));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    static String vocabularyText(List<String> vocabulary) {
        StringBuilder text = new StringBuilder();
        for (String entry : vocabulary) {
            text.append(entry.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                    .append('\n');
        }
        return text.toString();
    }

    static List<String> readVocabulary(String text) {
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; start = i + 1, i = text.indexOf('\n', start)) {
            entries.add(unescape(text.substring(start, i)));
        }
        return entries;
    }

    private static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@return the transform in {@code directory}}
     *
     * @throws InputException TRANSFORM_DIRECTORY_INVALID if it is missing, of another format or version, or a file
     *                        does not match its digest
     */
    public static TransformFn read(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw invalid(directory + ": expected a transform directory with " + MANIFEST + " (written by "
                    + "veracity transform fit), found " + (Files.isDirectory(directory) ? "none" : "no directory"));
        }
        YamlNode manifest = YamlFile.read(manifestFile, "transform manifest");
        String format = manifest.required("format").string();
        if (!FORMAT.equals(format)) {
            throw invalid(manifestFile + ": expected format " + FORMAT + ", found " + format);
        }
        long version = manifest.required("version").integer();
        if (version != VERSION) {
            throw invalid(manifestFile + ": expected a transform directory of version " + VERSION + ", found "
                    + "version " + version + " (fit it again with this version of veracity)");
        }
        YamlNode digests = manifest.required("sha256");
        for (String required : List.of(SPEC, CONSTANTS, INPUT_SCHEMA, OUTPUT_SCHEMA)) {
            if (digests.field(required).isEmpty()) {
                throw invalid(manifestFile + ": expected a digest of " + required + ", found none");
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : digests.keys()) {
            Path file = directory.resolve(name).normalize();
            if (!file.startsWith(directory.normalize())) {
                throw invalid(manifestFile + ": expected files inside the directory, found " + name);
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw invalid(file + ": expected the file the manifest lists, found none (the transform directory "
                        + "is damaged; fit it again)");
            }
            String expected = digests.required(name).string();
            String found = sha256(bytes);
            if (!found.equals(expected)) {
                throw invalid(file + ": expected SHA-256 " + expected + ", found " + found
                        + " (the file was changed or damaged; fit the transform again)");
            }
            files.put(name, bytes);
        }
        String specText = new String(files.get(SPEC), StandardCharsets.UTF_8);
        TransformSpec spec = TransformSpec.parse(directory.resolve(SPEC), specText);
        Map<String, FeatureType> inputTypes = new LinkedHashMap<>();
        List<Constants> constants = ConstantsJson.read(
                directory.resolve(CONSTANTS),
                new String(files.get(CONSTANTS), StandardCharsets.UTF_8),
                spec,
                inputTypes,
                name -> {
                    byte[] bytes = files.get(name);
                    if (bytes == null) {
                        throw invalid(directory.resolve(name) + ": expected a vocabulary file with a digest in "
                                + MANIFEST + ", found none");
                    }
                    return readVocabulary(new String(bytes, StandardCharsets.UTF_8));
                });
        return new TransformFn(spec, inputTypes, constants);
    }

    /** {@return the output schema written in a transform directory} */
    public static Schema outputSchema(Path directory) throws IOException {
        return SchemaFiles.read(directory.resolve(OUTPUT_SCHEMA));
    }

    /** {@return the input schema written in a transform directory} */
    public static Schema inputSchema(Path directory) throws IOException {
        return SchemaFiles.read(directory.resolve(INPUT_SCHEMA));
    }

    static InputException invalid(String message) {
        return new InputException(ErrorCode.TRANSFORM_DIRECTORY_INVALID, message);
    }
}
