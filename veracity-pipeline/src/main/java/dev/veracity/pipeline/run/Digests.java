package dev.veracity.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 content digests of files and directory trees: a tree's digest covers every regular file's relative path
 * (with '/' separators) and content, in sorted order, so it is the same wherever the tree lives.
 *
 * <pre>{@code
 * String digest = Digests.of(Path.of("out/pipeline/stats/statistics/12"));
 * }</pre>
 */
public final class Digests {
    private Digests() {}

    /** {@return the hex SHA-256 of a file's content, or of a directory tree} */
    public static String of(Path path) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String relative = path.relativize(file).toString().replace('\\', '/');
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(of(file).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
        } else {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(path)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@return the hex SHA-256 of a text's UTF-8 bytes} */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
