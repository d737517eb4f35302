package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import java.time.Clock;
import java.util.List;

/**
 * What a brand's operator does with API keys: create one (its secret is shown once, here, and only its
 * hash is kept), list them (never with secrets), revoke one (it never authenticates again).
 */
public final class ManageApiKeysUseCase {
    private final ApiKeysPort keys;
    private final RandomSource random;
    private final Clock clock;

    public ManageApiKeysUseCase(ApiKeysPort keys, RandomSource random, Clock clock) {
        this.keys = keys;
        this.random = random;
        this.clock = clock;
    }

    /** A key as listed: everything but the secret and its hash. */
    public record KeySummary(String keyId, BrandId brand, String label, java.time.Instant createdAt,
                             java.util.Optional<java.time.Instant> revokedAt) {
        static KeySummary of(ApiKey k) {
            return new KeySummary(k.keyId(), k.brand(), k.label(), k.createdAt(), java.util.Optional.ofNullable(k.revokedAt()));
        }
    }

    /** A new key with its secret in clear text: the only time the secret exists outside the caller's hands. */
    public record CreatedKey(KeySummary key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key + "]";
        }
    }

    public Outcome<CreatedKey> create(BrandId brand, String keyId, String label) {
        if (!Identifiers.isValid(keyId)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "key ids are 1-64 letters, digits, '_', '.' or '-'");
        }
        String secret = ApiSecrets.newSecret(random);
        ApiKey key = new ApiKey(keyId, brand, label, ApiSecrets.hash(secret, random), clock.instant(), null);
        if (!keys.createApiKey(key)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "an API key with id " + keyId + " already exists");
        }
        return Outcome.accepted(new CreatedKey(KeySummary.of(key), secret));
    }

    public List<KeySummary> list(BrandId brand) {
        return keys.apiKeys(brand).stream().map(KeySummary::of).toList();
    }

    /** Revokes the brand's key; revoking twice keeps the first time. Another brand's key is not found. */
    public Outcome<KeySummary> revoke(BrandId brand, String keyId) {
        if (!Identifiers.isValid(keyId)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "no API key " + keyId);
        }
        return keys.revokeApiKey(brand, keyId, clock.instant()).map(KeySummary::of)
                .<Outcome<KeySummary>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.INVALID_REQUEST, "brand " + brand + " has no API key " + keyId));
    }
}
