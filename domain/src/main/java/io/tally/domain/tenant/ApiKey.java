package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;
import java.time.Instant;
import java.util.Objects;

/**
 * An API key bound to one brand. The secret is shown once when the key is created; only its
 * hash is stored. A revoked key never authenticates again.
 */
public record ApiKey(String keyId, BrandId brand, String label, String secretHash, Instant createdAt, Instant revokedAt) {
    public ApiKey {
        Identifiers.require(keyId, "API key id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        label = label == null ? "" : label;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public ApiKey revoke(Instant when) {
        return isActive() ? new ApiKey(keyId, brand, label, secretHash, createdAt, when) : this;
    }

    @Override
    public String toString() {
        return "ApiKey[" + keyId + ", brand=" + brand + ", active=" + isActive() + "]";
    }
}
