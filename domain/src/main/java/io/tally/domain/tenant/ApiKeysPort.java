package io.tally.domain.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A brand's API credentials. Only secret hashes are stored. Keys are created once (an id is never
 * reused, not even by another brand), listed per brand, and revoked for good.
 */
public interface ApiKeysPort {
    /** Creates the key if no key with its id exists; false (and nothing written) otherwise. */
    boolean createApiKey(ApiKey key);

    Optional<ApiKey> apiKey(String keyId);

    /** The brand's keys, active and revoked, in key id order. */
    List<ApiKey> apiKeys(BrandId brand);

    /**
     * Marks the brand's key revoked at {@code when}, unless it already is (the first revocation time stays).
     * Returns the key as stored afterwards; empty when the brand has no key with that id.
     */
    Optional<ApiKey> revokeApiKey(BrandId brand, String keyId, Instant when);
}
