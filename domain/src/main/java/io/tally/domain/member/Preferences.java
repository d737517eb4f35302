package io.tally.domain.member;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A recipient's choices per subscription list, keyed by e-mail (friends who are not members have some too). */
public record Preferences(ContactKey email, Map<String, Boolean> lists, Instant updatedAt) {
    public static final int MAX_LISTS = 32;

    public Preferences {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lists = Map.copyOf(lists);
        if (email.kind() != ContactKey.Kind.EMAIL || lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("preferences are per e-mail, at most " + MAX_LISTS + " lists");
        }
    }

    /** Whether the recipient is on the list; a list never chosen counts as off here (callers apply defaults). */
    public boolean subscribed(String list) {
        return lists.getOrDefault(list, false);
    }
}
