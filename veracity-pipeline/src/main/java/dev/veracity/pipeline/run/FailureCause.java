package dev.veracity.pipeline.run;

import dev.veracity.VeracityException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.TimeoutException;

/**
 * Why a node failed, which decides whether an attempt is retried and the exit code of the run: only a transient
 * failure (I/O, a timeout) may pass on a second try; an input error or a bug fails the same way every time.
 */
public enum FailureCause {
    /** The node did not fail. */
    NONE,
    /** The user's to fix (a {@link VeracityException}, a missing or unreadable file): not retried, exit code 2. */
    INPUT,
    /** I/O that may pass on a second try, or the attempt's timeout: retried, exit code 2 when out of retries. */
    TRANSIENT,
    /** Anything else, a bug in a component or in Veracity: not retried, exit code 3. */
    INTERNAL;

    /** {@return the cause of an attempt's failure} */
    public static FailureCause of(Throwable failure) {
        if (failure instanceof VeracityException) {
            return INPUT;
        }
        if (failure instanceof NoSuchFileException
                || failure instanceof AccessDeniedException
                || failure instanceof NotDirectoryException
                || failure instanceof FileAlreadyExistsException
                || failure instanceof CharacterCodingException) {
            return INPUT;
        }
        if (failure instanceof IOException
                || failure instanceof TimeoutException
                || failure instanceof InterruptedException) {
            return TRANSIENT;
        }
        return INTERNAL;
    }

    /** {@return whether another attempt may succeed} */
    public boolean isRetried() {
        return this == TRANSIENT;
    }
}
