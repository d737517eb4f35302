package io.tally.domain.communication.assets;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One image of a brand's asset library: its id is the first 32 hex digits of the SHA-256 of its bytes (so a URL
 * always names the same bytes and may be cached for ever, and uploading the same image twice keeps one asset), its
 * type as sniffed, its size in bytes and pixels, the name it was uploaded under (shown, never trusted) and who
 * uploaded it when.
 */
public record Asset(BrandId brand, String id, ImageType type, long bytes, int width, int height, String name,
                    Instant uploadedAt, String uploadedBy) {
    public static final int MAX_NAME = 80;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    public Asset {
        Objects.requireNonNull(brand, "brand");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an asset id is 32 lower-case hex digits");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        if (bytes < 1 || width < 1 || height < 1 || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("not an asset: sizes must be positive, the name at most " + MAX_NAME);
        }
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code <id>.<ext>}: the last part of its public URL. */
    public String fileName() {
        return id + "." + type.extension();
    }

    /** Where its bytes are in the object store: {@code assets/<brand>/<id>.<ext>}. */
    public String objectKey() {
        return objectKey(brand, fileName());
    }

    public static String objectKey(BrandId brand, String fileName) {
        return "assets/" + brand.value() + "/" + fileName;
    }
}
