package io.tally.domain.portal;

import io.tally.domain.shared.Identifiers;
import java.util.Objects;

/**
 * An e-mail list members can join or leave (a subscription list: promotional, opt-in), or the brand's one
 * transactional list (welcome, sign-in, receipts: every contact is on it and cannot leave it). {@code defaultOn}
 * applies to recipients who never chose. An {@code archived} list keeps its id and its members' choices but is
 * shown to nobody and sends nothing, so restoring it brings the choices back; the transactional list is never archived.
 */
public record SubscriptionList(String id, String name, boolean transactional, boolean defaultOn, boolean archived) {
    public SubscriptionList {
        Identifiers.require(id, "subscription list id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("subscription list names are 1-80 characters");
        }
        if (transactional && archived) {
            throw new IllegalArgumentException("the transactional list cannot be archived");
        }
    }

    /** A list in use (not archived). */
    public SubscriptionList(String id, String name, boolean transactional, boolean defaultOn) {
        this(id, name, transactional, defaultOn, false);
    }

    /** Promotional: a subscription list, whose e-mails carry the one-click unsubscribe link (RFC 8058). */
    public boolean promotional() {
        return !transactional;
    }

    public SubscriptionList renamed(String newName) {
        return new SubscriptionList(id, newName, transactional, defaultOn, archived);
    }

    public SubscriptionList withArchived(boolean archive) {
        return new SubscriptionList(id, name, transactional, defaultOn, archive);
    }
}
