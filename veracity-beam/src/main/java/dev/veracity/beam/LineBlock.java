package dev.veracity.beam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Lines gathered into one block of text (each ended by LF), so that the CSV tokenizer reads many at a time. */
final class LineBlock {
    private final int capacity;
    private ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 16);
    private int lines;

    LineBlock(int capacity) {
        this.capacity = capacity;
    }

    /** {@return whether the block is full after adding the line} */
    boolean add(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        text.write(bytes, 0, bytes.length);
        text.write('\n');
        lines++;
        return lines >= capacity;
    }

    boolean isEmpty() {
        return lines == 0;
    }

    /** {@return the text of the lines added since the last take, and empties the block} */
    byte[] take() {
        byte[] bytes = text.toByteArray();
        text = new ByteArrayOutputStream(Math.max(1 << 16, bytes.length));
        lines = 0;
        return bytes;
    }
}
