package dev.veracity.io;

import dev.veracity.VeracityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the readers' worker tasks and rethrows what a worker threw as the worker threw it, so that an input
 * error found on a worker thread stays an input error (exit code 2) with its own message.
 *
 * <pre>{@code
 * List<Long> counts = Workers.invokeAll(pool, tasks);
 * SlicedStatistics part = Workers.await(future, progressTick);
 * }</pre>
 */
public final class Workers {
    private Workers() {}

    /** {@return the results of all tasks, in order} */
    public static <T> List<T> invokeAll(ExecutorService pool, List<? extends Callable<T>> tasks) throws IOException {
        return invokeAll(pool, tasks, () -> {});
    }

    /** {@return the results of all tasks, in order}, calling {@code tick} about every 200 ms while waiting */
    public static <T> List<T> invokeAll(ExecutorService pool, List<? extends Callable<T>> tasks, Runnable tick)
            throws IOException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (Future<T> future : futures) {
                results.add(await(future, tick));
            }
            tick.run();
        } finally {
            for (Future<T> future : futures) {
                future.cancel(true);
            }
        }
        return results;
    }

    /** {@return the result of a task}, rethrowing its {@link VeracityException}, {@link IOException} or error */
    public static <T> T join(Future<T> future) throws IOException {
        return await(future, () -> {});
    }

    /** {@return the result of a task}, calling {@code tick} about every 200 ms while waiting */
    public static <T> T await(Future<T> future, Runnable tick) throws IOException {
        try {
            while (true) {
                try {
                    return future.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    tick.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Rethrows what a worker task failed with as the caller would have: a user error, an I/O error (unwrapped from
     * {@link UncheckedIOException}), a runtime exception or an error as such; anything else as a bug.
     *
     * <pre>{@code
     * catch (ExecutionException e) { throw Workers.rethrow(e.getCause()); }
     * }</pre>
     *
     * @return the I/O error, for the caller to throw
     */
    public static IOException rethrow(Throwable cause) throws IOException {
        if (cause instanceof VeracityException user) {
            throw user;
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }
}
