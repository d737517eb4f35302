package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
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
 */
public record CardLedgerStats(BrandId brand, CardNumber card, long through, long spend, long orders, long itemsMilli,
                              long visits, Optional<Instant> visitEnds, Optional<Instant> lastTransactionAt) {
    public static final Duration VISIT = Duration.ofMinutes(90);
    private static final Set<EntryType> VISIT_TYPES = Set.of(EntryType.ISSUE, EntryType.REDEEM, EntryType.HOLD,
            EntryType.CHECKOUT);

    public CardLedgerStats {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(visitEnds, "visitEnds");
        Objects.requireNonNull(lastTransactionAt, "lastTransactionAt");
        if (through < 0 || spend < 0 || orders < 0 || itemsMilli < 0 || visits < 0) {
            throw new IllegalArgumentException("statistics are never negative");
        }
    }

    public static CardLedgerStats empty(BrandId brand, CardNumber card) {
        return new CardLedgerStats(brand, card, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty());
    }

    /** The statistics with the card's next entry (sequence {@code through + 1}) folded in. */
    public CardLedgerStats plus(LedgerEntry entry) {
        if (entry.sequence() != through + 1) {
            throw new IllegalArgumentException("entry " + entry.sequence() + " does not follow " + through);
        }
        long nextSpend = spend;
        long nextOrders = orders;
        long nextItems = itemsMilli;
        Optional<CheckoutFacts> sale = entry.type() == EntryType.CHECKOUT ? entry.posting().checkout() : Optional.empty();
        if (sale.isPresent() && sale.get().stage() == CheckoutFacts.Stage.COMMIT) {
            nextOrders = Math.addExact(nextOrders, 1);
            nextSpend = Math.addExact(nextSpend, scaled(sale.get().checkoutTotal(), 4));
            for (CheckoutFacts.Line line : sale.get().lines()) {
                nextItems = Math.addExact(nextItems, scaled(line.quantity(), 3));
            }
        }
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
                last);
    }

    private static long scaled(BigDecimal decimal, int scale) {
        return decimal.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
