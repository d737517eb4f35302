package io.tally.domain.ledger;

import io.tally.domain.shared.RandomSource;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes transaction ids: 13 digits of epoch milliseconds followed by 9 random digits (22 digits).
 * <ul>
 * <li>Increasing over time: ids compare by their millisecond prefix (fixed width until the year 2286).</li>
 * <li>Strictly increasing per card: the millisecond part is at least the card's previous id's plus one,
 * so a clock that steps back (another Lambda host) cannot reorder a card's ids.</li>
 * <li>Unique without coordination: two ids collide only if made in the same millisecond with the same 9
 * random digits; at 1,000 requests per second that is about one pair in 60 years. Ids are only ever
 * looked up within a brand, and a collision there makes a void by id answer TRANSACTION_NOT_FOUND or
 * find the wrong card's entry, which the void use case checks against the card number when given.</li>
 * </ul>
 * Why not a counter: a global counter is one hot DynamoDB item written by every request of every brand.
 */
public final class TransactionIds {
    static final int MILLIS_DIGITS = 13;
    static final int RANDOM_DIGITS = 9;
    private static final int RANDOM_BOUND = 1_000_000_000;

    private final RandomSource random;

    public TransactionIds(RandomSource random) {
        this.random = random;
    }

    public TransactionId next(Instant now, Optional<TransactionId> previousOfCard) {
        long millis = now.toEpochMilli();
        if (previousOfCard.isPresent()) {
            millis = Math.max(millis, millisOf(previousOfCard.get()) + 1);
        }
        return new TransactionId(String.format("%013d%09d", millis, random.nextInt(RANDOM_BOUND)));
    }

    /** The millisecond part of an id made here; ids of other shapes count as 0. */
    static long millisOf(TransactionId id) {
        String v = id.value();
        if (v.length() != MILLIS_DIGITS + RANDOM_DIGITS) {
            return 0;
        }
        return Long.parseLong(v.substring(0, MILLIS_DIGITS));
    }
}
