package dev.veracity.io.convert;

/**
 * Parquet's RLE/bit-packing hybrid encoding of small non-negative ints (levels, dictionary ids), written straight into
 * a page's bytes. Runs are chosen as parquet-java's writer chooses them, so the bytes are the same as its
 * {@code RunLengthBitPackingHybridEncoder}'s (a test compares the two): values are taken in groups of eight; a value
 * repeated eight times or more becomes an RLE run (count, then the value in whole bytes), anything else is
 * bit-packed in groups of eight, up to 63 groups under one header, the last group padded with zeros.
 *
 * <pre>{@code
 * HybridEncoder.encode(ids, count, bitWidth, page); // appends the encoded ids to page
 * }</pre>
 */
final class HybridEncoder {
    private static final int MAX_GROUPS = 63;

    private final PageBytes out;
    private final int bitWidth;
    private final long mask;
    private final int[] buffered = new int[8];
    private int bufferedCount;
    private int previous;
    private int repeats;
    private int header = -1; // the position of the open bit-packed run's header byte, -1 when none is open
    private int groups;

    private HybridEncoder(PageBytes out, int bitWidth) {
        this.out = out;
        this.bitWidth = bitWidth;
        this.mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    }

    /** Appends {@code values[0, count)}, each of at most {@code bitWidth} (1 to 32) bits, hybrid-encoded to out. */
    static void encode(int[] values, int count, int bitWidth, PageBytes out) {
        if (bitWidth < 1 || bitWidth > 32) {
            throw new IllegalArgumentException("bit width must be in [1, 32]: " + bitWidth);
        }
        HybridEncoder encoder = new HybridEncoder(out, bitWidth);
        for (int i = 0; i < count; i++) {
            encoder.add(values[i]);
        }
        encoder.finish();
    }

    private void add(int value) {
        if (value == previous) {
            if (++repeats >= 8) {
                return; // an RLE run for sure: keep counting
            }
        } else {
            if (repeats >= 8) {
                rleRun();
            }
            repeats = 1;
            previous = value;
        }
        buffered[bufferedCount++] = value;
        if (bufferedCount == 8) {
            packGroup();
        }
    }

    private void finish() {
        if (repeats >= 8) {
            rleRun();
        } else if (bufferedCount > 0) {
            for (int i = bufferedCount; i < 8; i++) {
                buffered[i] = 0;
            }
            packGroup();
            endPacked();
        } else {
            endPacked();
        }
    }

    /** Bit-packs the eight buffered values, opening a run (its header byte written later) if none is open. */
    private void packGroup() {
        if (groups >= MAX_GROUPS) {
            endPacked();
        }
        if (header < 0) {
            header = out.size();
            out.writeByte(0);
        }
        if (bitWidth <= 8) { // the eight values fit in one long: bitWidth bytes
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (buffered[i] & mask) << (i * bitWidth);
            }
            out.writeLowBytes(bits, bitWidth);
        } else {
            long bits = 0;
            int held = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (buffered[i] & mask) << held;
                held += bitWidth;
                if (held >= 32) {
                    out.writeLowBytes(bits, 4);
                    bits >>>= 32;
                    held -= 32;
                }
            }
            out.writeLowBytes(bits, held / 8); // 8 * bitWidth bits in all: whole bytes are left
        }
        bufferedCount = 0;
        repeats = 0; // repeats just packed do not count towards an RLE run
        groups++;
    }

    private void endPacked() {
        if (header < 0) {
            return;
        }
        out.setByte(header, (groups << 1) | 1);
        header = -1;
        groups = 0;
    }

    private void rleRun() {
        endPacked();
        out.writeVarInt(repeats << 1);
        for (int b = 0; b < (bitWidth + 7) / 8; b++) {
            out.writeByte(previous >>> (8 * b));
        }
        repeats = 0;
        bufferedCount = 0;
    }
}
