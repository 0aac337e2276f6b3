package dev.veracity.transform;

import dev.veracity.io.AtomicFiles;
import dev.veracity.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TF Transform's analyzer cache per span: each input file's analysis ({@link FileAnalysis}) stored under the digest
 * of the file's bytes and of what analysis depends on (the spec, the read options), so fitting a rolling window of
 * spans reads only the files not analyzed before. An entry that cannot be read is ignored (the file is analyzed
 * again and the entry replaced); entries are written atomically.
 *
 * <pre>{@code
 * AnalyzerCache cache = new AnalyzerCache(Path.of("tf_cache"), spec, ReadOptions.DEFAULT);
 * Optional<FileAnalysis> analysis = cache.find(Path.of("span-7.csv"));
 * }</pre>
 */
final class AnalyzerCache {
    private final Path directory;
    private final TransformSpec spec;
    private final String analysisKey;

    AnalyzerCache(Path directory, TransformSpec spec, ReadOptions read) {
        this.directory = directory;
        this.spec = spec;
        String options = "format=" + read.format() + " csv=" + read.csv().delimiter() + ","
                + read.csv().quote() + ","
                + read.csv().badRecords() + "," + read.csv().batchSize() + ","
                + new TreeMap<>(read.csv().columnTypes())
                + " columns=" + read.columns() + " avro=" + read.avroReaderSchema() + " partitions="
                + TransformFit.PARTITIONS + " cache=" + FileAnalysis.FORMAT;
        this.analysisKey = sha256(new StringBuilder(spec.text()).append('\n').append(options));
    }

    /** {@return the cached analysis of the file's current content, if there is one that reads} */
    Optional<FileAnalysis> find(Path file) throws IOException {
        Path entry = entry(file);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            return Optional.of(read(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or from another version: analyze the file again
        }
    }

    /** Stores the analysis of the file's current content. */
    void store(Path file, FileAnalysis analysis) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.write(entry(file), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            write(analysis, out);
            out.flush();
        });
    }

    private Path entry(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        digest.update(analysisKey.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(digest.digest()) + ".analysis");
    }

    private static void write(FileAnalysis analysis, DataOutputStream out) throws IOException {
        analysis.write(out);
    }

    private FileAnalysis read(DataInputStream in) throws IOException {
        FileAnalysis analysis = FileAnalysis.read(spec, in);
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return analysis;
    }

    private static String sha256(CharSequence text) {
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
