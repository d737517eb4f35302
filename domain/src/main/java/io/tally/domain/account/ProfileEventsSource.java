package io.tally.domain.account;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The card's recorded events whose definitions mark them for the member's profile page (issue 14's events). The
 * account page shows whatever this answers; {@link #NONE} (no events) until the events are wired in.
 */
@FunctionalInterface
public interface ProfileEventsSource {
    /** No events: the account page shows none and says nothing about them. */
    ProfileEventsSource NONE = (brand, card, limit) -> List.of();

    /** At most {@code limit} of the card's events marked for the profile page, newest first. */
    List<ProfileEvent> forProfile(BrandId brand, CardNumber card, int limit);

    /** One event as the member sees it: when, the definition's name and description. */
    record ProfileEvent(Instant at, String name, String description) {
        public ProfileEvent {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(name, "name");
            description = description == null ? "" : description;
        }
    }
}
