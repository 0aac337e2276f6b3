package dev.veracity.io.csv;

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

/** Runs tasks on a pool and rethrows what a worker threw as the worker threw it (input errors stay input errors). */
final class CsvParallel {
    private CsvParallel() {
    }

    /** {@return the results of all tasks, in order} */
    static <T> List<T> invokeAll(ExecutorService pool, List<? extends Callable<T>> tasks) throws IOException {
        return invokeAll(pool, tasks, () -> { });
    }

    /** {@return the results of all tasks, in order}, calling {@code tick} about every 200 ms while waiting */
    static <T> List<T> invokeAll(ExecutorService pool, List<? extends Callable<T>> tasks, Runnable tick)
            throws IOException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (Future<T> future : futures) {
                while (!future.isDone()) {
                    tick.run();
                    try {
                        future.get(200, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        // still running, or failed: join reports the failure
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while reading", e);
                    }
                }
                results.add(join(future));
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
    static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VeracityException user) {
                throw user;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
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
}
