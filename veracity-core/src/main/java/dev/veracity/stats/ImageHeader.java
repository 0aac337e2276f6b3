package dev.veracity.stats;

/**
 * The format and size of an image read from its first bytes, without decoding pixels: PNG, JPEG, GIF and BMP by
 * TFDV's signatures ({@code image_stats_generator.py}), and WebP. The size comes from the format's header: PNG's
 * IHDR, GIF's logical screen, BMP's DIB header, JPEG's first start-of-frame marker, WebP's VP8, VP8L or VP8X chunk.
 *
 * <pre>{@code
 * ImageHeader header = ImageHeader.read(bytes, 0, bytes.length);   // header.format() is "png", or null
 * }</pre>
 *
 * @param format the format's name as TFDV labels it ({@code bmp}, {@code gif}, {@code jpeg}, {@code png}; and
 *               {@code webp}), or null when the bytes are no image of these formats
 * @param width  the width in pixels, or -1 when the header is cut short
 * @param height the height in pixels, or -1 when the header is cut short
 */
public record ImageHeader(String format, long width, long height) {
    private static final ImageHeader NONE = new ImageHeader(null, -1, -1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

    /** {@return the header of the value {@code bytes[offset, offset + length)}} */
    public static ImageHeader read(byte[] bytes, int offset, int length) {
        Bytes b = new Bytes(bytes, offset, length);
        if (b.startsWith(PNG)) {
            return new ImageHeader("png", b.u32be(16), b.u32be(20));
        }
        if (b.u8(0) == 0xff && b.u8(1) == 0xd8 && b.u8(2) == 0xff) {
            return jpeg(b);
        }
        if (b.u8(0) == 'G' && b.u8(1) == 'I' && b.u8(2) == 'F' && b.u8(3) == '8') {
            return new ImageHeader("gif", b.u16le(6), b.u16le(8));
        }
        if (b.u8(0) == 'B' && b.u8(1) == 'M') {
            long dib = b.u32le(14);
            if (dib == 12) {
                return new ImageHeader("bmp", b.u16le(18), b.u16le(20));
            }
            long height = b.u32le(22);
            return new ImageHeader("bmp", b.u32le(18), height < 0 ? -1 : Math.abs((int) height));
        }
        if (b.u8(0) == 'R'
                && b.u8(1) == 'I'
                && b.u8(2) == 'F'
                && b.u8(3) == 'F'
                && b.u8(8) == 'W'
                && b.u8(9) == 'E'
                && b.u8(10) == 'B'
                && b.u8(11) == 'P') {
            return webp(b);
        }
        return NONE;
    }

    private static ImageHeader jpeg(Bytes b) {
        int at = 2;
        while (b.u8(at) == 0xff) {
            int marker = b.u8(at + 1);
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2; // no length
                continue;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return new ImageHeader("jpeg", b.u16be(at + 7), b.u16be(at + 5));
            }
            long segment = b.u16be(at + 2);
            if (segment < 2 || marker == 0xd9 || marker == 0xda) {
                break;
            }
            at += 2 + (int) segment;
        }
        return new ImageHeader("jpeg", -1, -1);
    }

    private static ImageHeader webp(Bytes b) {
        int chunk = (b.u8(12) << 24) | (b.u8(13) << 16) | (b.u8(14) << 8) | b.u8(15);
        if (chunk == ('V' << 24 | 'P' << 16 | '8' << 8 | ' ')) {
            long width = b.u16le(26);
            long height = b.u16le(28);
            return new ImageHeader("webp", width < 0 ? -1 : width & 0x3fff, height < 0 ? -1 : height & 0x3fff);
        }
        if (chunk == ('V' << 24 | 'P' << 16 | '8' << 8 | 'L')) {
            long bits = b.u32le(21);
            return bits < 0
                    ? new ImageHeader("webp", -1, -1)
                    : new ImageHeader("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
        }
        if (chunk == ('V' << 24 | 'P' << 16 | '8' << 8 | 'X')) {
            long width = b.u24le(24);
            long height = b.u24le(27);
            return new ImageHeader("webp", width < 0 ? -1 : width + 1, height < 0 ? -1 : height + 1);
        }
        return new ImageHeader("webp", -1, -1);
    }

    /** A value's bytes; reads past its end give -1. */
    private record Bytes(byte[] bytes, int offset, int length) {
        boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (bytes[offset + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        int u8(int at) {
            return at >= 0 && at < length ? bytes[offset + at] & 0xff : -1;
        }

        long u16be(int at) {
            return at + 2 <= length ? (long) (u8(at) << 8 | u8(at + 1)) : -1;
        }

        long u16le(int at) {
            return at + 2 <= length ? (long) (u8(at) | u8(at + 1) << 8) : -1;
        }

        long u24le(int at) {
            return at + 3 <= length ? (long) (u8(at) | u8(at + 1) << 8 | u8(at + 2) << 16) : -1;
        }

        long u32be(int at) {
            return at + 4 <= length
                    ? ((long) u8(at) << 24 | (long) u8(at + 1) << 16 | (long) u8(at + 2) << 8 | u8(at + 3))
                    : -1;
        }

        long u32le(int at) {
            return at + 4 <= length
                    ? ((long) u8(at + 3) << 24 | (long) u8(at + 2) << 16 | (long) u8(at + 1) << 8 | u8(at))
                    : -1;
        }
    }
}
