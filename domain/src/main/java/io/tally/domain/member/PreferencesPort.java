package io.tally.domain.member;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores list membership per brand, recipient and list: an e-mail address's, or a phone's for text messages (keyed by
 * its E.164 digits). Read before every non-transactional e-mail and text (A102), written one list at a time (A103) by
 * the preferences page, the one-click unsubscribe link and spam complaints: each choice is one conditional
 * single-item write, so a choice of one list never undoes another's.
 * <p>Who wins: the choice made later (its {@code at}) stands, whatever order the writes reach the table in; of two
 * choices of one list at the same millisecond, leaving wins (an unsubscribe is never lost to a subscribe).
 */
public interface PreferencesPort {
    /** The recipient's choices of every list they ever chose; empty if none. */
    Optional<Preferences> load(BrandId brand, ContactKey email);

    /** Records one choice; true if it stands, false if a later choice of that list was stored already. */
    boolean choose(BrandId brand, ContactKey email, Choice choice);

    /** Where a choice came from (kept with it, for the member's and the brand's record). */
    enum Source { PAGE, UNSUBSCRIBE_LINK, /** The recipient reported the message as spam: off that list at once. */ COMPLAINT }

    /** On or off one list, made at {@code at} (milliseconds: what the store compares). */
    record Choice(String list, boolean on, Instant at, Source source) {
        public Choice {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }

        /** Whether this choice replaces a stored one made at {@code storedAt}: later wins, leaving wins a tie. */
        public boolean replaces(Instant storedAt) {
            long mine = at.toEpochMilli();
            long theirs = storedAt.toEpochMilli();
            return mine > theirs || (mine == theirs && !on);
        }
    }
}
