package io.tally.domain.portal;

import io.tally.domain.shared.Identifiers;
import java.util.Objects;

/**
 * An e-mail list members can join or leave. The transactional list (welcome, receipts) cannot be left:
 * it is shown as always on. {@code defaultOn} applies to members who never chose.
 */
public record SubscriptionList(String id, String name, boolean transactional, boolean defaultOn) {
    public SubscriptionList {
        Identifiers.require(id, "subscription list id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("subscription list names are 1-80 characters");
        }
    }
}
