package dev.veracity.transform;

import dev.veracity.data.ColumnBuilder;
import java.nio.charset.StandardCharsets;

/** A sink appending to a column builder: the batch path. */
final class ColumnSink implements Sink {
    final ColumnBuilder builder;

    ColumnSink(ColumnBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void missing() {
        builder.appendMissing();
    }

    @Override
    public void start() {
        builder.startList();
    }

    @Override
    public void addInt(long value) {
        builder.addInt(value);
    }

    @Override
    public void addFloat(double value) {
        builder.addFloat(value);
    }

    @Override
    public void addString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        builder.addString(bytes, 0, bytes.length);
    }

    @Override
    public void end() {
        builder.endList();
    }
}
