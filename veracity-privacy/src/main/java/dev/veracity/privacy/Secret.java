package dev.veracity.privacy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.io.InputFiles;
import dev.veracity.stats.PiiProtection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of keyed hashing (HMAC-SHA256): the same value hashed with the same secret gives the same hash in
 * every file, so hashed ids still join, while nobody without the secret can test a guess. Read from a file or an
 * environment variable, never from the command line (where {@code ps} and shell history would show it). At least
 * {@value #MIN_BYTES} and at most {@value #MAX_BYTES} bytes (HMAC-SHA256 hashes a longer key down to 32 bytes anyway,
 * and a bound keeps {@code --secret-file /dev/zero} from filling the heap); a trailing line end of the file is not
 * part of it.
 *
 * <pre>{@code
 * Secret secret = Secret.fromFile(Path.of("pii.key"));
 * String id = secret.hashHex("jane@example.com");   // 64 hex digits
 * }</pre>
 */
public final class Secret {
    /** The fewest bytes of a secret. */
    public static final int MIN_BYTES = 16;
    /** The most bytes of a secret. */
    public static final int MAX_BYTES = 1024;

    private final SecretKeySpec key;

    private Secret(byte[] bytes, String where) {
        if (bytes.length < MIN_BYTES) {
            throw new ConfigException(
                    where + ": expected a secret of at least " + MIN_BYTES + " bytes, found " + bytes.length);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(
                    where + ": expected a secret of at most " + MAX_BYTES + " bytes, found " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** {@return a secret of these bytes} @throws ConfigException if shorter than {@value #MIN_BYTES} bytes */
    public static Secret of(byte[] bytes) {
        return new Secret(bytes.clone(), "secret");
    }

    /**
     * {@return the secret in a file, without a trailing line end}
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE or FILE_UNREADABLE if it cannot be read
     * @throws ConfigException if the secret is shorter than {@value #MIN_BYTES} or longer than {@value #MAX_BYTES}
     *                         bytes (only that much more is read, whatever the file's size)
     */
    public static Secret fromFile(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = InputFiles.open(file)) {
            bytes = in.readNBytes(MAX_BYTES + 3); // a secret of MAX_BYTES, a CR LF, and one byte to find it longer
        }
        if (bytes.length == MAX_BYTES + 3) {
            throw new ConfigException(file + ": expected a secret of at most " + MAX_BYTES + " bytes, found more");
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return new Secret(Arrays.copyOf(bytes, end), file.toString());
    }

    /**
     * {@return the secret in an environment variable}
     *
     * @throws ConfigException if the variable is not set or too short
     */
    public static Secret fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigException("environment variable " + variable + ": expected the secret, found it unset");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8), "environment variable " + variable);
    }

    /** {@return HMAC-SHA256 of the UTF-8 text under this secret} */
    public byte[] hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** {@return HMAC-SHA256 of the UTF-8 text under this secret, as 64 lower-case hex digits} */
    public String hashHex(String text) {
        return HexFormat.of().formatHex(hash(text));
    }

    /** {@return the protection of PII statistics that labels values with their keyed hash under this secret} */
    public PiiProtection statisticsProtection() {
        return PiiProtection.hashing(key.getEncoded());
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
