package io.tally.domain.ledger;

import io.tally.domain.shared.ZeroPadded;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes transaction ids: 13 digits of epoch milliseconds, the card's {@link LedgerId} (10 digits) and the entry's
 * sequence number (9 digits), 32 digits in all.
 * <ul>
 * <li>Unique within a brand by construction: a ledger id belongs to one card of the brand (claimed), and a sequence
 * number to one entry of the card (the conditional append). No randomness is involved, so two containers restored
 * from one snapshot, or two generators in the same state, cannot make the same id.</li>
 * <li>Increasing over time, as integrations expect: ids compare by their millisecond prefix (fixed width until the
 * year 2286). Strictly increasing per card: the millisecond part is at least the card's previous id's plus one, so
 * a clock that steps back (another Lambda host) cannot reorder a card's ids.</li>
 * <li>Leading back to their entry: {@link #locate} reads the ledger id and sequence out of an id, so a void or a
 * capture by id reaches exactly one entry of exactly one card with strongly consistent reads.</li>
 * </ul>
 */
public final class TransactionIds {
    static final int MILLIS_DIGITS = 13;
    static final int SEQUENCE_DIGITS = 9;
    static final int LENGTH = MILLIS_DIGITS + LedgerId.DIGITS + SEQUENCE_DIGITS;
    /** Entries a card can have: the sequence part's capacity (a card writing once a second lasts 31 years). */
    public static final long MAX_SEQUENCE = 999_999_999L;

    private TransactionIds() {
    }

    /** Where an id points: the card's ledger id and the entry's sequence number. */
    public record Location(LedgerId ledgerId, long sequence) {
    }

    public static TransactionId next(Instant now, Optional<TransactionId> previousOfCard, LedgerId ledgerId, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalStateException("sequence " + sequence + " outside 1.." + MAX_SEQUENCE);
        }
        long millis = now.toEpochMilli();
        if (previousOfCard.isPresent()) {
            millis = Math.max(millis, millisOf(previousOfCard.get()) + 1);
        }
        return new TransactionId(ZeroPadded.of(millis, 13) + ledgerId.value() + ZeroPadded.of(sequence, 9));
    }

    /** The ledger id and sequence an id names; empty for ids of another shape (which no entry has). */
    public static Optional<Location> locate(TransactionId id) {
        String v = id.value();
        if (v.length() != LENGTH) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(v.substring(MILLIS_DIGITS + LedgerId.DIGITS));
        if (sequence < 1) {
            return Optional.empty();
        }
        return Optional.of(new Location(new LedgerId(v.substring(MILLIS_DIGITS, MILLIS_DIGITS + LedgerId.DIGITS)), sequence));
    }

    /** The millisecond part of an id (ids of other shapes made by earlier versions: their first 13 digits too). */
    static long millisOf(TransactionId id) {
        String v = id.value();
        if (v.length() < MILLIS_DIGITS) {
            return 0;
        }
        return Long.parseLong(v.substring(0, MILLIS_DIGITS));
    }
}
