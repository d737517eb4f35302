package io.tally.domain.member;

import io.tally.domain.portal.SubscriptionList;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recipient's choices per subscription list, keyed by e-mail (friends who are not members have some too) or, for
 * text messages, by phone: for each list chosen, whether they are on it. A list never chosen is absent, and its {@code defaultOn} applies.
 */
public record Preferences(ContactKey email, Map<String, Boolean> lists, Instant updatedAt) {
    /** Choices kept per recipient: the brand's lists, archived ones included, with room for lists since removed. */
    public static final int MAX_LISTS = 100;

    public Preferences {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lists = Map.copyOf(lists);
        if (lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("preferences hold at most " + MAX_LISTS + " lists");
        }
    }

    /** Whether the recipient chose to be on the list; a list never chosen counts as off here (see {@link #on}). */
    public boolean subscribed(String list) {
        return lists.getOrDefault(list, false);
    }

    /** The recipient's choice of this list, if they ever made one. */
    public Optional<Boolean> choice(String list) {
        return Optional.ofNullable(lists.get(list));
    }

    /** Whether the recipient is on the list: always on the transactional list; else their choice, else the default. */
    public boolean on(SubscriptionList list) {
        return list.transactional() || choice(list.id()).orElse(list.defaultOn());
    }
}
