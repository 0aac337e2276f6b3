package dev.veracity.io.validate;

/**
 * Receives the validated batches of a run, one at a time, in input order, on the reading thread: where anomalous
 * rows are written ({@link AnomalousExamplesWriter}) and rows are split ({@link Quarantine}).
 *
 * <pre>{@code
 * ExampleSink both = ExampleSink.all(List.of(examplesWriter, quarantine));
 * }</pre>
 */
public interface ExampleSink {
    /** Does nothing. */
    ExampleSink NONE = batch -> {};

    /** Takes the next batch. */
    void accept(ValidatedBatch batch) throws java.io.IOException;

    /** {@return a sink that passes each batch to each of {@code sinks}, in order} */
    static ExampleSink all(java.util.List<ExampleSink> sinks) {
        java.util.List<ExampleSink> copy = java.util.List.copyOf(sinks);
        return batch -> {
            for (ExampleSink sink : copy) {
                sink.accept(batch);
            }
        };
    }
}
