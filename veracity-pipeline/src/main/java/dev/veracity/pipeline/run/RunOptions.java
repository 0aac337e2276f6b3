package dev.veracity.pipeline.run;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to run a pipeline.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.DEFAULT.withParallelism(2).from("statistics");
 * }</pre>
 *
 * @param parallelism how many nodes may run at once
 * @param from        run only this node and what follows it ("" for all)
 * @param to          run only this node and what precedes it ("" for all)
 * @param cache       whether to reuse outputs of earlier executions with the same cache key
 * @param backoff     the wait before the first retry, doubled for each next one
 * @param span        the span the source nodes read (their {@code span} parameter, overridden for this run), or
 *                    empty for what the pipeline file says (by default the latest)
 */
public record RunOptions(int parallelism, String from, String to, boolean cache, Duration backoff, OptionalLong span) {
    /** Two nodes at once, the whole pipeline, caching on, 1 s first backoff, the file's span. */
    public static final RunOptions DEFAULT =
            new RunOptions(2, "", "", true, Duration.ofSeconds(1), OptionalLong.empty());

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        Objects.requireNonNull(backoff, "backoff is null");
        Objects.requireNonNull(span, "span is null");
    }

    /** {@return these options with another parallelism} */
    public RunOptions withParallelism(int newParallelism) {
        return new RunOptions(newParallelism, from, to, cache, backoff, span);
    }

    /** {@return these options starting at a node} */
    public RunOptions from(String node) {
        return new RunOptions(parallelism, node, to, cache, backoff, span);
    }

    /** {@return these options ending at a node} */
    public RunOptions to(String node) {
        return new RunOptions(parallelism, from, node, cache, backoff, span);
    }

    /** {@return these options with caching on or off} */
    public RunOptions withCache(boolean newCache) {
        return new RunOptions(parallelism, from, to, newCache, backoff, span);
    }

    /** {@return these options with another first backoff} */
    public RunOptions withBackoff(Duration newBackoff) {
        return new RunOptions(parallelism, from, to, cache, newBackoff, span);
    }

    /** {@return these options reading this span in every source node (ExampleGen's {@code span} parameter)} */
    public RunOptions withSpan(long newSpan) {
        return new RunOptions(parallelism, from, to, cache, backoff, OptionalLong.of(newSpan));
    }
}
