package io.tally.domain.model;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Movement;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What the code shows compared with what the model says, as a list of differences (empty when they agree). The
 * balance is read only the way a merchant reads it (a lookup at now); the ledger is read entry by entry.
 */
final class Observations {
    private Observations() {
    }

    /** Total, held, available (spendable now), store credit and each open hold, as a lookup at {@code now} shows them. */
    static List<String> balance(ModelWorld w, CardNumber card, CardModel m, Instant now) {
        Balance b = w.queries().lookup(w.brand(), card, Optional.empty()).value().state().balance(ModelWorld.USD);
        ModelBalance expected = m.balanceAt(now);
        List<String> diffs = new ArrayList<>();
        differ(diffs, "total", expected.total(), b.total());
        differ(diffs, "held", expected.held(), b.held());
        differ(diffs, "available (spendable now)", expected.available(), b.spendable(now));
        differ(diffs, "store credit (returnRelated)", expected.storeCredit(), b.returnRelated());
        List<ModelBalance.OpenHold> holds = b.holds().stream()
                .map(h -> new ModelBalance.OpenHold(h.id().value(), h.remaining(), h.expiresAt()))
                .sorted(Comparator.comparing(ModelBalance.OpenHold::id)).toList();
        differ(diffs, "open holds", expected.holds(), holds);
        return diffs;
    }

    /**
     * The card's entries: times never decrease and none lies ahead of now; each instant's EXPIRE entries take what
     * the model expired at that instant, and the RELEASE entries no merchant asked for release what lapsed at it.
     * {@code complete}: everything due by now must be written (after a sweep, and after an accepted operation, which
     * brings its card to now first); otherwise only what is written must be right.
     *
     * <p>Readings: a refused call and a replay need not write catch-up entries (a replay "changes nothing"); amounts
     * are compared as sums per instant, so the code may split or merge one instant's expiries into entries as it
     * likes; what a capture, release or void makes expire is an EXPIRE entry dated at that operation's instant.
     */
    static List<String> ledger(ModelWorld w, CardNumber card, CardModel m, Instant now, Set<String> merchantEntries,
                               boolean complete) {
        List<LedgerEntry> entries = w.entries(card);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Instant t = entries.get(i).time();
            if (t.isAfter(now) || i > 0 && t.isBefore(entries.get(i - 1).time())) {
                diffs.add("entry " + entries.get(i).sequence() + " is dated " + t + ": after now or before its predecessor");
            }
        }
        SortedMap<Instant, Long> expired = byInstant(entries, e -> e.type() == EntryType.EXPIRE, mv -> -mv.balanceDelta());
        SortedMap<Instant, Long> lapsed = byInstant(entries, e -> e.type() == EntryType.RELEASE
                && !merchantEntries.contains(e.transactionId().value()), mv -> -mv.heldDelta());
        compareEvents(diffs, "EXPIRE entries (amount by instant)", m.expiredUntil(now), expired, complete);
        compareEvents(diffs, "lapse RELEASE entries (amount by instant)", m.lapsedUntil(now), lapsed, complete);
        return diffs;
    }

    /**
     * What checkouts did to the card: its Points and Punches (total, spendable now), and ({@code coupons}) how many
     * reward coupons it holds allocated and unused.
     */
    static List<String> checkouts(ModelWorld w, CardNumber card, CheckoutModel m, Instant now, boolean coupons) {
        CardState state = w.queries().lookup(w.brand(), card, Optional.empty()).value().state();
        List<String> diffs = new ArrayList<>();
        compareSide(diffs, "Points", m.points(now), state, TestWorld.POINTS, now);
        compareSide(diffs, "Punches", m.punches(now), state, CheckoutWorld.PUNCHES, now);
        if (!coupons) {
            return diffs;
        }
        long held = w.checkouts().orElseThrow().coupons().ofCard(w.brand(), card).stream()
                .filter(c -> c.set().equals(ModelCheck.FREE_COFFEE) && c.allocatedAt().isPresent() && c.used().isEmpty())
                .count();
        differ(diffs, "reward coupons allocated and unused", (long) m.awards(), held);
        return diffs;
    }

    private static void compareSide(List<String> diffs, String what, ModelBalance expected, CardState state,
                                    ValueTypeKey key, Instant now) {
        Balance b = state.balance(key);
        differ(diffs, what + " total", expected.total(), b.total());
        differ(diffs, what + " available", expected.available(), b.spendable(now));
    }

    /** Each SPRING coupon: used exactly by the checkout that stands and used it, unused otherwise. */
    static List<String> coupons(ModelWorld w, ModelCheckouts k, CouponsModel m) {
        List<String> diffs = new ArrayList<>();
        for (String code : m.codes()) {
            Coupon c = k.coupons().find(w.brand(), new CouponCode(code)).orElseThrow();
            Optional<String> usedBy = c.used().map(u -> u.transactionId().map(TransactionId::value).orElse("(none)"));
            differ(diffs, "coupon " + code + " used by", m.usedBy(code), usedBy);
        }
        return diffs;
    }

    private static SortedMap<Instant, Long> byInstant(List<LedgerEntry> entries, Predicate<LedgerEntry> which,
                                                      ToLongFunction<Movement> amount) {
        SortedMap<Instant, Long> sums = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (which.test(e)) {
                long sum = e.movements().stream().filter(mv -> mv.key().equals(ModelWorld.USD)).mapToLong(amount).sum();
                sums.merge(e.time(), sum, Long::sum);
            }
        }
        sums.values().removeIf(v -> v == 0);
        return sums;
    }

    private static void compareEvents(List<String> diffs, String what, SortedMap<Instant, Long> model,
                                      SortedMap<Instant, Long> ledger, boolean complete) {
        if (complete) {
            differ(diffs, what, model, ledger);
            return;
        }
        for (Map.Entry<Instant, Long> written : ledger.entrySet()) {
            if (written.getValue() > model.getOrDefault(written.getKey(), 0L)) {
                diffs.add(what + ": the ledger has " + written.getValue() + " at " + written.getKey() + ", the model "
                        + model.getOrDefault(written.getKey(), 0L) + " (model: " + model + ", ledger: " + ledger + ")");
            }
        }
    }

    private static void differ(List<String> diffs, String what, Object model, Object code) {
        if (!Objects.equals(model, code)) {
            diffs.add(what + ": model " + model + ", code " + code);
        }
    }
}
