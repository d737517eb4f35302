package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A card's purchase statistics, a fold of its ledger entries 1..{@code through} in sequence order (so a fold is the
 * same whenever and however often it runs): committed checkouts ({@code orders}; a two-stage checkout's setup is not
 * a sale; a voided sale still counts, as in Explore Data), their totals ({@code spend}, ten-thousandths of the checkout
 * currency: exact for every ISO currency), the quantities bought ({@code itemsMilli}, thousandths), member visits and
 * the last customer transaction. A visit, as Explore Data's: the card's issue, redeem, hold and checkout entries in time
 * order, the first opening a visit of 90 minutes and the first after it the next (over the card's whole life, not a
 * day at a time); {@code visitEnds} is when the open visit ends.
 *
 * <p>Issued and redeemed per value type (minor units; only value types with a non-zero total are kept, at most
 * {@link LedgerLimits#MAX_BALANCES}: a card never holds more): value <em>issued</em> is what ISSUE and CHECKOUT entries
 * put on the card (new buckets and top-ups: issuances, points and punches earned), value <em>redeemed</em> what REDEEM
 * and CHECKOUT entries took off it (spent, captured from a hold, or taken by a campaign such as a punch card's reset).
 * A VOID reverses exactly what it undoes: the value it takes back lowers {@code issued}, the value it puts back
 * lowers {@code redeemed}. Holds and releases move no value yet; adjustments (corrections), expiries and enrollments are
 * neither issuances nor redemptions. The SKUs are the committed checkouts' basket lines ({@link CardSkus}, bounded);
 * like orders, a voided sale's SKUs still count.
 *
 * <p>{@code rules}: the version of these rules the fold was made with ({@link #RULES}); a stored fold of older rules
 * (items written before the totals and SKUs existed read as 1) is folded again from the card's first entry.
 */
public record CardLedgerStats(BrandId brand, CardNumber card, long through, long spend, long orders, long itemsMilli,
                              long visits, Optional<Instant> visitEnds, Optional<Instant> lastTransactionAt,
                              Map<ValueTypeKey, Long> issued, Map<ValueTypeKey, Long> redeemed, CardSkus skus,
                              int rules) {
    public static final Duration VISIT = Duration.ofMinutes(90);
    /** The version of the fold's rules: 2 added the per-value-type totals and the SKUs. */
    public static final int RULES = 2;
    private static final Set<EntryType> VISIT_TYPES = Set.of(EntryType.ISSUE, EntryType.REDEEM, EntryType.HOLD,
            EntryType.CHECKOUT);
    private static final Set<EntryType> MOVING_TYPES = Set.of(EntryType.ISSUE, EntryType.REDEEM, EntryType.CHECKOUT);

    public CardLedgerStats {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(visitEnds, "visitEnds");
        Objects.requireNonNull(lastTransactionAt, "lastTransactionAt");
        issued = Map.copyOf(issued);
        redeemed = Map.copyOf(redeemed);
        Objects.requireNonNull(skus, "skus");
        if (through < 0 || spend < 0 || orders < 0 || itemsMilli < 0 || visits < 0
                || issued.values().stream().anyMatch(v -> v <= 0) || redeemed.values().stream().anyMatch(v -> v <= 0)) {
            throw new IllegalArgumentException("statistics are never negative");
        }
        if (issued.size() > LedgerLimits.MAX_BALANCES || redeemed.size() > LedgerLimits.MAX_BALANCES) {
            throw new IllegalArgumentException("totals of more value types than a card can hold");
        }
    }

    /** Without totals or SKUs (a card that never issued, redeemed or bought anything by SKU), current rules. */
    public CardLedgerStats(BrandId brand, CardNumber card, long through, long spend, long orders, long itemsMilli,
                           long visits, Optional<Instant> visitEnds, Optional<Instant> lastTransactionAt) {
        this(brand, card, through, spend, orders, itemsMilli, visits, visitEnds, lastTransactionAt, Map.of(), Map.of(),
                CardSkus.NONE, RULES);
    }

    public static CardLedgerStats empty(BrandId brand, CardNumber card) {
        return new CardLedgerStats(brand, card, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty());
    }

    /** Made with today's rules: otherwise folded again from the first entry. */
    public boolean current() {
        return rules == RULES;
    }

    /** The statistics with the card's next entry (sequence {@code through + 1}) folded in. */
    public CardLedgerStats plus(LedgerEntry entry) {
        if (entry.sequence() != through + 1) {
            throw new IllegalArgumentException("entry " + entry.sequence() + " does not follow " + through);
        }
        long nextSpend = spend;
        long nextOrders = orders;
        long nextItems = itemsMilli;
        CardSkus nextSkus = skus;
        Optional<CheckoutFacts> sale = entry.type() == EntryType.CHECKOUT ? entry.posting().checkout() : Optional.empty();
        if (sale.isPresent() && sale.get().stage() == CheckoutFacts.Stage.COMMIT) {
            nextOrders = Math.addExact(nextOrders, 1);
            nextSpend = Math.addExact(nextSpend, scaled(sale.get().checkoutTotal(), 4));
            Map<String, Long> lines = new LinkedHashMap<>();
            for (CheckoutFacts.Line line : sale.get().lines()) {
                long quantity = scaled(line.quantity(), 3);
                nextItems = Math.addExact(nextItems, quantity);
                lines.merge(line.sku(), quantity, Math::addExact);
            }
            nextSkus = skus.plus(entry.sequence(), lines);
        }
        Map<ValueTypeKey, Long> nextIssued = new HashMap<>(issued);
        Map<ValueTypeKey, Long> nextRedeemed = new HashMap<>(redeemed);
        moved(entry, nextIssued, nextRedeemed);
        long nextVisits = visits;
        Optional<Instant> nextEnds = visitEnds;
        Optional<Instant> last = lastTransactionAt;
        if (VISIT_TYPES.contains(entry.type())) {
            if (visitEnds.isEmpty() || !entry.time().isBefore(visitEnds.get())) {
                nextVisits = Math.addExact(nextVisits, 1);
                nextEnds = Optional.of(entry.time().plus(VISIT));
            }
            last = Optional.of(entry.time());
        }
        return new CardLedgerStats(brand, card, entry.sequence(), nextSpend, nextOrders, nextItems, nextVisits, nextEnds,
                last, nextIssued, nextRedeemed, nextSkus, rules);
    }

    /** The entry's issuances and redemptions (and a void's reversal of them) added to the totals. */
    private static void moved(LedgerEntry entry, Map<ValueTypeKey, Long> issued, Map<ValueTypeKey, Long> redeemed) {
        boolean reversal = entry.type() == EntryType.VOID;
        if (!reversal && !MOVING_TYPES.contains(entry.type())) {
            return;
        }
        for (Change c : entry.posting().changes()) {
            if (reversal && c instanceof Change.Take) {
                add(issued, c.key(), c.balanceDelta());
            } else if (reversal && c instanceof Change.Restore) {
                add(redeemed, c.key(), -c.balanceDelta());
            } else if (!reversal && (c instanceof Change.AddBucket || c instanceof Change.TopUp)) {
                add(issued, c.key(), c.balanceDelta());
            } else if (!reversal && c instanceof Change.Take) {
                add(redeemed, c.key(), -c.balanceDelta());
            }
        }
    }

    private static void add(Map<ValueTypeKey, Long> totals, ValueTypeKey key, long delta) {
        long next = Math.addExact(totals.getOrDefault(key, 0L), delta);
        if (next < 0) {
            throw new IllegalStateException("a void took back more " + key + " than the card's entries moved");
        }
        if (next == 0) {
            totals.remove(key);
        } else {
            totals.put(key, next);
        }
    }

    private static long scaled(BigDecimal decimal, int scale) {
        return decimal.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
