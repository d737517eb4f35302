package io.tally.domain.communication.assets;

import java.util.Optional;

/**
 * The images an e-mail may show from the asset library, told apart by their first bytes (magic numbers), never by a
 * file name or a declared type: a file that is not one of them is refused whatever it is called. The served
 * {@code Content-Type} comes from here, so a browser never sniffs it as something else.
 */
public enum ImageType {
    JPEG("jpg", "image/jpeg"),
    GIF("gif", "image/gif"),
    PNG("png", "image/png");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private final String extension;
    private final String contentType;

    ImageType(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ImageType> ofExtension(String extension) {
        for (ImageType t : values()) {
            if (t.extension.equals(extension)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type the bytes are, by their signature: PNG's eight bytes, {@code GIF87a}/{@code GIF89a}, JPEG's SOI. */
    public static Optional<ImageType> sniff(byte[] b) {
        if (startsWith(b, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, "GIF87a".getBytes()) || startsWith(b, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** Width and height in pixels as the file's header states them; empty when the header is cut short or broken. */
    public Optional<int[]> dimensions(byte[] b) {
        return switch (this) {
            case PNG -> b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R'
                    ? positive(int32(b, 16), int32(b, 20)) : Optional.empty();
            case GIF -> b.length >= 10 ? positive(u8(b, 6) | u8(b, 7) << 8, u8(b, 8) | u8(b, 9) << 8) : Optional.empty();
            case JPEG -> jpeg(b);
        };
    }

    /** Walks the JPEG's segments to its start-of-frame (SOF0-SOF15 but DHT, JPG and DAC), which holds the size. */
    private static Optional<int[]> jpeg(byte[] b) {
        int at = 2;
        while (at + 9 < b.length) {
            if (u8(b, at) != 0xff) {
                return Optional.empty();
            }
            int marker = u8(b, at + 1);
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            int length = u8(b, at + 2) << 8 | u8(b, at + 3);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return positive(u8(b, at + 7) << 8 | u8(b, at + 8), u8(b, at + 5) << 8 | u8(b, at + 6));
            }
            if (marker == 0xda || length < 2) {
                return Optional.empty(); // the scan started without a frame header: broken
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<int[]> positive(long width, long height) {
        return width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE
                ? Optional.of(new int[] {(int) width, (int) height}) : Optional.empty();
    }

    private static long int32(byte[] b, int at) {
        return (long) u8(b, at) << 24 | u8(b, at + 1) << 16 | u8(b, at + 2) << 8 | u8(b, at + 3);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
