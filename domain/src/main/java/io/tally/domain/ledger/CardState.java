package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a card's money after one ledger entry: balances with buckets and holds, which recent
 * transactions were voided, which recent customRequestIds were applied, and enrollment. Every entry
 * stores the state after it, so the current state is one read of the latest entry, and every decision
 * (enough funds? voided before? seen this request?) is made from that one read.
 *
 * @param sequence       the sequence number of the entry this is the state after (0: no entries yet)
 * @param voided         transaction id → its sequence, for voided transactions still inside the void window
 * @param recentRequests the last {@link LedgerLimits#REQUEST_RING} customRequestIds, oldest first
 * @param ledgerId       the card's ledger id within its brand (the middle of its transaction ids), from its first entry on
 * @param voided         also: checkout setups closed by their completion (neither can be completed or voided again)
 * @param checkouts      committed checkouts and per-card campaign firings ({@link CheckoutStats})
 */
public record CardState(long sequence, Map<ValueTypeKey, Balance> balances, Map<TransactionId, Long> voided,
                        List<RequestMark> recentRequests, Optional<Instant> enrolledAt, Optional<LedgerId> ledgerId,
                        CheckoutStats checkouts) {
    public static final CardState EMPTY = new CardState(0, Map.of(), Map.of(), List.of(), Optional.empty(), Optional.empty());

    public CardState(long sequence, Map<ValueTypeKey, Balance> balances, Map<TransactionId, Long> voided,
                     List<RequestMark> recentRequests, Optional<Instant> enrolledAt, Optional<LedgerId> ledgerId) {
        this(sequence, balances, voided, recentRequests, enrolledAt, ledgerId, CheckoutStats.NONE);
    }

    public CardState {
        Objects.requireNonNull(checkouts, "checkouts");
        if (sequence < 0) {
            throw new IllegalStateException("negative sequence");
        }
        balances = Map.copyOf(balances);
        voided = Map.copyOf(voided);
        recentRequests = List.copyOf(recentRequests);
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(ledgerId, "ledgerId");
        if (balances.size() > LedgerLimits.MAX_BALANCES || voided.size() > LedgerLimits.VOID_WINDOW
                || recentRequests.size() > LedgerLimits.REQUEST_RING) {
            throw new IllegalStateException("card state over its limits");
        }
        if (bucketCount(balances) > LedgerLimits.MAX_BUCKETS_PER_CARD || holdCount(balances) > LedgerLimits.MAX_HOLDS_PER_CARD) {
            throw new IllegalStateException("card state over its per-card bucket or hold limit");
        }
        balances.forEach((k, b) -> {
            if (!k.equals(b.key())) {
                throw new IllegalStateException("balance filed under the wrong key " + k);
            }
        });
    }

    /** The balance of a value type; a value type never touched has an empty balance. */
    public Balance balance(ValueTypeKey key) {
        return balances.getOrDefault(key, Balance.empty(key));
    }

    /** Balances in a stable order (by value type text), for responses and storage. */
    public List<Balance> balanceList() {
        return balances.values().stream().sorted(Comparator.comparing(b -> b.key().asText())).toList();
    }

    /** Buckets across all balances (bounded by {@link LedgerLimits#MAX_BUCKETS_PER_CARD}). */
    public int bucketCount() {
        return bucketCount(balances);
    }

    /** Open holds across all balances (bounded by {@link LedgerLimits#MAX_HOLDS_PER_CARD}). */
    public int holdCount() {
        return holdCount(balances);
    }

    public boolean isVoided(TransactionId id) {
        return voided.containsKey(id);
    }

    public Optional<RequestMark> recentRequest(String customRequestId) {
        return recentRequests.stream().filter(m -> m.customRequestId().equals(customRequestId)).findFirst();
    }

    /** The open hold with this id, in whichever balance it is. */
    public Optional<Map.Entry<ValueTypeKey, Hold>> openHold(TransactionId id) {
        for (Balance b : balances.values()) {
            Optional<Hold> h = b.hold(id);
            if (h.isPresent()) {
                return Optional.of(Map.entry(b.key(), h.get()));
            }
        }
        return Optional.empty();
    }

    private static int bucketCount(Map<ValueTypeKey, Balance> balances) {
        return balances.values().stream().mapToInt(b -> b.buckets().size()).sum();
    }

    private static int holdCount(Map<ValueTypeKey, Balance> balances) {
        return balances.values().stream().mapToInt(b -> b.holds().size()).sum();
    }
}
