package io.tally.domain.provisioning;

import java.util.List;

/**
 * What applying a seed did. {@code newKeys} holds the only copy of each new key's secret: show it
 * once and forget it.
 */
public record SeedReport(int itemsChanged, int itemsUnchanged, int cardsGenerated, List<NewApiKey> newKeys,
                         List<String> existingKeys) {
    public SeedReport {
        newKeys = List.copyOf(newKeys);
        existingKeys = List.copyOf(existingKeys);
    }

    public boolean changedNothing() {
        return itemsChanged == 0 && cardsGenerated == 0 && newKeys.isEmpty();
    }

    /** A key created by this run, with its secret in clear text (never stored). */
    public record NewApiKey(String brand, String keyId, String secret) {
        @Override
        public String toString() {
            return "NewApiKey[" + brand + "/" + keyId + "]";
        }
    }
}
