package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mailings that reached each card, kept under the card for {@code search}'s {@code returnFields.mailings} and for the
 * revenue attribution of its checkouts. Written by the e-mail sender at least once per message (a redelivery records
 * again), so an entry is keyed by its message id and the first recording stands; read newest first, bounded.
 * Kept {@link CardMailing#RETENTION} (TTL).
 */
public interface CardMailingsPort {
    /** Upper bound of {@link #newest}'s {@code limit}: {@code search} answers at most this many mailings a card. */
    int MAX_PAGE = 100;

    /** Records the entry; false when the message was already recorded (the stored entry, with its first instant, stays). */
    boolean record(CardMailing mailing);

    /** The card's newest {@code limit} (1..{@link #MAX_PAGE}) mailings, newest first ({@link CardMailing#newestFirst}). */
    List<CardMailing> newest(BrandId brand, CardNumber card, int limit);

    /** The card's newest mailing sent within {@code [from, to]} (both ends included), if any. */
    Optional<CardMailing> newestWithin(BrandId brand, CardNumber card, Instant from, Instant to);
}
