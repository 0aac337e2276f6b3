package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** Our hybrid encoder against parquet-java's, byte for byte, on runs, noise and their mixtures of every bit width. */
class HybridEncoderTest {
    @Test
    void writesTheBytesParquetJavaWrites() throws Exception {
        Random random = new Random(19);
        for (int round = 0; round < 3_000; round++) {
            int bitWidth = 1 + random.nextInt(32);
            long limit = 1L << Math.min(bitWidth, 31);
            int count = random.nextInt(round % 10 == 0 ? 5_000 : 300);
            int[] values = new int[count];
            int runStyle = random.nextInt(4);
            for (int i = 0; i < count; ) {
                int value = bitWidth == 32 && random.nextInt(8) == 0
                        ? -1 - random.nextInt(1000) // the top bit set: an unsigned 32-bit value
                        : (int) Math.floorMod(random.nextLong(), Math.min(limit, runStyle == 0 ? 2 : limit));
                int run = switch (runStyle) {
                    case 0, 1 -> 1 + random.nextInt(20); // runs around the RLE threshold of 8
                    case 2 -> 1; // noise
                    default -> random.nextInt(10) == 0 ? 1 + random.nextInt(2_000) : 1; // long runs in noise
                };
                for (int k = 0; k < run && i < count; k++) {
                    values[i++] = value;
                }
            }
            PageBytes page = new PageBytes();
            page.writeByte(0x5A); // bytes before: the encoder appends
            HybridEncoder.encode(values, count, bitWidth, page);
            byte[] ours = Arrays.copyOfRange(page.array(), 1, page.size());
            RunLengthBitPackingHybridEncoder theirs = new RunLengthBitPackingHybridEncoder(
                    bitWidth, 1024, 1 << 20, HeapByteBufferAllocator.getInstance());
            for (int value : values) {
                theirs.writeInt(value);
            }
            byte[] expected = theirs.toBytes().toByteArray();
            theirs.close();
            assertThat(ours)
                    .as("round %d, bit width %d, %d values", round, bitWidth, count)
                    .isEqualTo(expected);
            assertThat(page.array()[0]).isEqualTo((byte) 0x5A);
        }
    }
}
