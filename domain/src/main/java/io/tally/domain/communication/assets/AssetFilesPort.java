package io.tally.domain.communication.assets;

import java.util.Optional;

/**
 * The asset library's bytes in the object store (the Report Center's S3 bucket, under {@code assets/<brand>/}):
 * written by the back office, read by the portal, which serves them to mail clients.
 */
public interface AssetFilesPort {
    /** Stores the bytes under {@code key} (overwriting the same bytes is harmless: keys are content-addressed). */
    void put(String key, byte[] bytes, String contentType);

    /** The bytes under {@code key}; empty when there are none. */
    Optional<byte[]> get(String key);

    /** Removes the object; nothing happens if it is gone already. */
    void delete(String key);
}
