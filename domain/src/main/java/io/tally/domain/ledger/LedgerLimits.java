package io.tally.domain.ledger;

/**
 * Bounds on everything a card's state carries. Every ledger entry stores the full state after it, so these
 * bound the size of one DynamoDB item (400 KB). The per-balance limits alone do not: 32 balances of 100 buckets
 * and 20 holds come to ~670 KB. The per-card limits do: an entry at every limit at once (all buckets and holds,
 * with the longest ids and largest numbers, each bucket also in the entry's own changes, full void window and
 * request ring, the longest note and external id) measures ~236 KB with the adapter's own size rules
 * ({@code LedgerItemsTest} in adapters-dynamo, which fails above two thirds of the item limit): room to spare for
 * the mapping to grow, not room to raise these limits much.
 */
public final class LedgerLimits {
    /** Largest amount of any balance or operation in minor units (10^15: ten trillion dollars in cents); sums never overflow a long. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /**
     * Open buckets per balance. An issuance beyond this (or beyond {@link #MAX_BUCKETS_PER_CARD}) tops up the
     * balance's newest bucket of the same expiry and store-credit flag; without one it is CARD_CAPACITY_EXCEEDED.
     */
    public static final int MAX_BUCKETS_PER_BALANCE = 100;
    /**
     * Open buckets across all balances of a card: what keeps an entry inside one DynamoDB item (each bucket costs
     * ~240 bytes: once in the state, once more in an EXPIRE that takes from it). Eight value types' worth of
     * full balances; a card that earns the same kind of value over and over tops up instead of needing more.
     */
    public static final int MAX_BUCKETS_PER_CARD = 800;
    /** Open holds per balance; a hold beyond this is CARD_CAPACITY_EXCEEDED. */
    public static final int MAX_HOLDS_PER_BALANCE = 20;
    /** Open holds across all balances of a card; a hold beyond this is CARD_CAPACITY_EXCEEDED. */
    public static final int MAX_HOLDS_PER_CARD = 100;
    /** Balances per card (one per value type of its program). */
    public static final int MAX_BALANCES = 32;
    /**
     * A transaction can be voided while it is among the card's last VOID_WINDOW entries. The state remembers
     * voided ids only inside this window, which is what makes "voided exactly once" decidable from the head alone.
     */
    public static final int VOID_WINDOW = 100;
    /** How many recent customRequestIds the card state remembers (newest first out of the ring last). */
    public static final int REQUEST_RING = 32;
    /** Longest hold: card networks release authorisations within about a month. */
    public static final java.time.Duration MAX_HOLD = java.time.Duration.ofDays(31);
    /** How long a hold lasts when the request does not say. */
    public static final java.time.Duration DEFAULT_HOLD = java.time.Duration.ofDays(7);
    /** Latest expiry an issuance may carry. */
    public static final java.time.Duration MAX_EXPIRY = java.time.Duration.ofDays(100 * 366);
    public static final int MAX_EXTERNAL_ID = 128;
    public static final int MAX_NOTE = 512;
    public static final int MAX_REQUEST_ID = 128;

    private LedgerLimits() {
    }
}
