package io.tally.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One balance of one card (the check uses USD alone), written from docs/API.md ("updateBalance", "Money over time",
 * "voidTransaction") and from nothing else: lots of value, holds, and the system events (expiries, lapses) that
 * time brings. Every operation first {@link #settle}s the card to its own instant, so the state is a function of
 * the operations and their times; nothing here knows about a sweeper.
 *
 * <p>Readings chosen where the spec is silent:
 * <ul>
 *   <li>redeemMaxOnOverdraw with nothing available at all is INSUFFICIENT_FUNDS (there is nothing to "take");</li>
 *   <li>a capture beyond what the hold reserves is INSUFFICIENT_FUNDS, or with redeemMaxOnOverdraw takes what the
 *       hold reserves (never free value beyond it) and reports the rest as due: a hold is the merchant's limit;</li>
 *   <li>"kept value ... as long as the open holds reserve at least as much" is checked against all open holds of the
 *       balance together, and the existing kept value counts as covering holds before new expiring value is kept;</li>
 *   <li>an issuance is voidable while its lot holds its whole amount now (value spent and given back by a void of
 *       the redemption counts as never having left);</li>
 *   <li>the void checks run: unknown → not an issuance/redemption → already voided → the issuance's conditions;
 *       an issuance's expiry "has passed" at its instant itself, as value is expired at it;</li>
 *   <li>a hold with redeemMaxOnOverdraw reserves what is available and reports the rest as due, like a redemption;</li>
 *   <li>a hold's lapse must lie in (now, now + 31 days], 31 days included; none means now + 7 days;</li>
 *   <li>store credit (returnRelated) counts kept store credit too: it is part of the balance;</li>
 *   <li>a hold or transaction of another card is HOLD_NOT_FOUND / TRANSACTION_NOT_FOUND, as an unknown one.</li>
 * </ul>
 */
public final class CardModel {
    static final Duration DEFAULT_HOLD = Duration.ofDays(7);
    static final Duration MAX_HOLD = Duration.ofDays(31);

    private final List<Lot> lots = new ArrayList<>();
    private final Map<String, ModelHold> holds = new LinkedHashMap<>();
    private final Map<String, Txn> txns = new LinkedHashMap<>();
    private final SortedMap<Instant, Long> expired = new TreeMap<>();
    private final SortedMap<Instant, Long> lapsed = new TreeMap<>();
    private Instant settled;
    private boolean active = true;
    /** The card's checkouts, which also change its Points and Punches balances (null for a side balance). */
    private final CheckoutModel checkouts;

    public CardModel(Instant opened) {
        this(opened, new CouponsModel());
    }

    /** {@code coupons}: the brand's coupons, shared by every card of the check. */
    public CardModel(Instant opened, CouponsModel coupons) {
        this.settled = opened;
        this.checkouts = new CheckoutModel(this, coupons, opened);
    }

    /** A side balance of a card (Points, Punches): no checkouts of its own. */
    private CardModel(Instant opened, boolean side) {
        this.settled = opened;
        this.checkouts = null;
    }

    static CardModel sideBalance(Instant opened) {
        return new CardModel(opened, true);
    }

    public CheckoutModel checkouts() {
        return checkouts;
    }

    public Answer issue(Instant now, String id, long amount, Optional<Instant> expiry, boolean storeCredit) {
        settle(now);
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            return Answer.refused(Refusal.INVALID_REQUEST);
        }
        Lot lot = new Lot(id, amount, expiry, storeCredit, lots.size());
        lots.add(lot);
        txns.put(id, Txn.issue(lot));
        return Answer.accepted();
    }

    /**
     * The back office's adjust (docs/API.md has no method for it; the glossary's "adjust" and issue 12): an increase is
     * a lot of its own that never expires (not store credit); a decrease takes what is available, in the order a
     * redemption does, and never more (then refused, nothing taken). Not voidable.
     */
    public Answer adjust(Instant now, String id, long amount) {
        settle(now);
        if (amount > 0) {
            Lot lot = new Lot(id, amount, Optional.empty(), false, lots.size());
            lots.add(lot);
            txns.put(id, Txn.other(Txn.Kind.ADJUST));
            return Answer.accepted();
        }
        if (-amount > available()) {
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        take(unexpiredLots(), -amount);
        txns.put(id, Txn.other(Txn.Kind.ADJUST));
        return Answer.accepted();
    }

    /** Switched on or off by the back office: while off, every money movement is refused; time still acts. */
    public void setActive(boolean on) {
        active = on;
    }

    public boolean active() {
        return active;
    }

    /** Whether a transaction of this card has this id. */
    public boolean knows(String transaction) {
        return txns.containsKey(transaction);
    }

    public Answer redeem(Instant now, String id, long amount, boolean maxOnOverdraw) {
        settle(now);
        long available = available();
        long taken = Math.min(amount, available);
        if (taken < amount && (!maxOnOverdraw || taken == 0)) { // READING: nothing to take is a refusal
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        txns.put(id, Txn.redemption(take(unexpiredLots(), taken)));
        return taken < amount ? Answer.overdrawn(amount - taken) : Answer.accepted();
    }

    public Answer hold(Instant now, String id, long amount, Optional<Instant> lapse, boolean maxOnOverdraw) {
        settle(now);
        Instant lapsesAt = lapse.orElse(now.plus(DEFAULT_HOLD));
        if (!lapsesAt.isAfter(now) || lapsesAt.isAfter(now.plus(MAX_HOLD))) {
            return Answer.refused(Refusal.INVALID_REQUEST);
        }
        long available = available();
        long reserved = Math.min(amount, available);
        if (reserved < amount && (!maxOnOverdraw || reserved == 0)) {
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        holds.put(id, new ModelHold(id, reserved, lapsesAt));
        txns.put(id, Txn.other(Txn.Kind.HOLD));
        return reserved < amount ? Answer.overdrawn(amount - reserved) : Answer.accepted();
    }

    /** A redemption from a hold: spends kept value first (earliest expiry), then unexpired value. */
    public Answer capture(Instant now, String id, String holdId, long amount, boolean releaseRemainder,
                          boolean maxOnOverdraw) {
        settle(now);
        ModelHold hold = holds.get(holdId);
        if (hold == null) {
            return Answer.refused(Refusal.HOLD_NOT_FOUND);
        }
        if (!hold.open) {
            return Answer.refused(Refusal.HOLD_CLOSED);
        }
        long taken = Math.min(amount, hold.remaining);
        if (taken < amount && !maxOnOverdraw) { // READING: a hold is the limit of what a capture may take
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        txns.put(id, Txn.redemption(take(valueLots(), taken)));
        hold.remaining -= taken;
        if (hold.remaining == 0 || releaseRemainder) {
            hold.open = false;
        }
        expireKeptBeyondHolds(now);
        return taken < amount ? Answer.overdrawn(amount - taken) : Answer.accepted();
    }

    public Answer release(Instant now, String id, String holdId) {
        settle(now);
        ModelHold hold = holds.get(holdId);
        if (hold == null) {
            return Answer.refused(Refusal.HOLD_NOT_FOUND);
        }
        if (!hold.open) {
            return Answer.refused(Refusal.HOLD_CLOSED);
        }
        hold.open = false;
        txns.put(id, Txn.other(Txn.Kind.RELEASE));
        expireKeptBeyondHolds(now);
        return Answer.accepted();
    }

    public Answer voidTransaction(Instant now, String id, String target) {
        settle(now);
        Txn voided = txns.get(target);
        if (voided == null) {
            return Answer.refused(Refusal.TRANSACTION_NOT_FOUND);
        }
        if (voided.kind == Txn.Kind.CHECKOUT) {
            return checkouts.voidCheckout(now, id, target);
        }
        if (voided.kind != Txn.Kind.ISSUE && voided.kind != Txn.Kind.REDEEM) {
            return Answer.refused(Refusal.NOT_VOIDABLE);
        }
        if (voided.voided) {
            return Answer.refused(Refusal.ALREADY_VOIDED);
        }
        if (voided.kind == Txn.Kind.ISSUE) {
            Lot lot = voided.lot;
            if (lot.expiredAt(now) || lot.remaining < lot.issued || lot.issued > available()) {
                return Answer.refused(Refusal.NOT_VOIDABLE);
            }
            lot.remaining = 0;
        } else {
            for (Txn.Slice s : voided.slices) {
                s.lot().remaining += s.amount(); // back to its lot, with its original expiry: expired value comes back kept
            }
            expireKeptBeyondHolds(now);
        }
        voided.voided = true;
        txns.put(id, Txn.other(Txn.Kind.VOID));
        return Answer.accepted();
    }

    /** The balance at {@code now} (settling the card to it first). */
    public ModelBalance balanceAt(Instant now) {
        settle(now);
        List<ModelBalance.OpenHold> open = holds.values().stream().filter(h -> h.open)
                .sorted(Comparator.comparing(h -> h.id))
                .map(h -> new ModelBalance.OpenHold(h.id, h.remaining, h.lapse)).toList();
        long storeCredit = lots.stream().filter(l -> l.storeCredit).mapToLong(l -> l.remaining).sum();
        return new ModelBalance(total(), held(), available(), storeCredit, open);
    }

    /** What expired at each instant up to {@code now}: every EXPIRE the ledger must show, dated at its instant. */
    public SortedMap<Instant, Long> expiredUntil(Instant now) {
        settle(now);
        return new TreeMap<>(expired);
    }

    /** What lapsing holds released at each instant up to {@code now}: the sweeper's RELEASE entries. */
    public SortedMap<Instant, Long> lapsedUntil(Instant now) {
        settle(now);
        return new TreeMap<>(lapsed);
    }

    /**
     * The instants after {@code now} at which time matters: open holds' lapses and every lot's expiry, emptied lots
     * too (a void may give value back to them).
     */
    public TreeSet<Instant> comingEvents(Instant now) {
        settle(now);
        TreeSet<Instant> events = new TreeSet<>();
        lots.stream().filter(l -> l.expiry.isPresent() && l.expiry.get().isAfter(now)).forEach(l -> events.add(l.expiry.get()));
        holds.values().stream().filter(h -> h.open).forEach(h -> events.add(h.lapse));
        if (checkouts != null) {
            events.addAll(checkouts.comingEvents(now));
        }
        return events;
    }

    /** Kept value: expired value that open holds still need. */
    public long kept(Instant now) {
        settle(now);
        return keptLots().stream().mapToLong(l -> l.remaining).sum();
    }

    public Optional<Long> openHoldRemaining(String holdId) {
        ModelHold h = holds.get(holdId);
        return h == null || !h.open ? Optional.empty() : Optional.of(h.remaining);
    }

    public int openHolds() {
        return (int) holds.values().stream().filter(h -> h.open).count();
    }

    public List<String> holdIds() {
        return List.copyOf(holds.keySet());
    }

    public List<String> openHoldIds() {
        return holds.values().stream().filter(h -> h.open).map(h -> h.id).toList();
    }

    /** Transactions a void may take back (issuances and redemptions), voided or not. */
    public List<String> voidCandidates() {
        return txns.entrySet().stream()
                .filter(e -> e.getValue().kind == Txn.Kind.ISSUE || e.getValue().kind == Txn.Kind.REDEEM
                        || e.getValue().kind == Txn.Kind.CHECKOUT || e.getValue().kind == Txn.Kind.ADJUST)
                .map(Map.Entry::getKey).toList();
    }

    // The parts a checkout is made of, on this balance (CheckoutModel decides; these only move value).

    /** What is available now (settling first). */
    long availableAt(Instant now) {
        settle(now);
        return available();
    }

    /** Spends {@code amount} of what is available, in spending order; the caller has checked that it is there. */
    List<Txn.Slice> spend(Instant now, long amount) {
        settle(now);
        return take(unexpiredLots(), amount);
    }

    /** Value earned by a checkout: a lot of its own that never expires. */
    Lot earn(Instant now, String source, long amount) {
        settle(now);
        Lot lot = new Lot(source, amount, Optional.empty(), false, lots.size());
        lots.add(lot);
        return lot;
    }

    /** Whether a void may take an earned lot back: as an issuance's void (whole, unexpired, not needed by holds). */
    boolean canTakeBack(Instant now, Lot lot) {
        settle(now);
        return !lot.expiredAt(now) && lot.remaining == lot.issued && lot.issued <= available();
    }

    void takeBack(Lot lot) {
        lot.remaining = 0;
    }

    /** A void puts spent value back into its lots, as a redemption's void does. */
    void putBack(Instant now, List<Txn.Slice> slices) {
        settle(now);
        slices.forEach(sl -> sl.lot().remaining += sl.amount());
        expireKeptBeyondHolds(now);
    }

    /** A setup's hold, named after the setup; the caller has checked what is available. */
    void openHold(Instant now, String id, long amount, Instant lapse) {
        settle(now);
        holds.put(id, new ModelHold(id, amount, lapse));
    }

    /** Whether the hold is open and still reserves exactly {@code amount} (nobody captured or released any of it). */
    boolean holdUntouched(Instant now, String id, long amount) {
        settle(now);
        ModelHold h = holds.get(id);
        return h != null && h.open && h.remaining == amount;
    }

    /** A completion captures the setup's hold in full: kept value first, as a capture. */
    List<Txn.Slice> captureWhole(Instant now, String id) {
        settle(now);
        ModelHold h = holds.get(id);
        List<Txn.Slice> slices = take(valueLots(), h.remaining);
        h.remaining = 0;
        h.open = false;
        expireKeptBeyondHolds(now);
        return slices;
    }

    /** A setup's void releases what is left of its hold, if it is still open. */
    void releaseIfOpen(Instant now, String id) {
        settle(now);
        ModelHold h = holds.get(id);
        if (h != null && h.open) {
            h.open = false;
            expireKeptBeyondHolds(now);
        }
    }

    void record(String id, Txn.Kind kind) {
        txns.put(id, Txn.other(kind));
    }

    public List<String> transactionIds() {
        return List.copyOf(txns.keySet());
    }

    /**
     * Brings the card to {@code now}: every instant at which a hold lapses or value expires, in time order. The
     * sweeper and every call do the same computation, so when it runs does not matter; here it simply runs first.
     */
    public void settle(Instant now) {
        if (now.isBefore(settled)) {
            throw new IllegalArgumentException("the model only moves forward in time: " + now + " < " + settled);
        }
        for (Optional<Instant> next = nextEvent(now); next.isPresent(); next = nextEvent(now)) {
            atInstant(next.get());
        }
        settled = now;
    }

    private Optional<Instant> nextEvent(Instant now) {
        TreeSet<Instant> due = new TreeSet<>();
        holds.values().stream().filter(h -> h.open && !h.lapse.isAfter(now)).forEach(h -> due.add(h.lapse));
        lots.stream().filter(l -> l.remaining > 0 && l.expiry.isPresent() && l.expiry.get().isAfter(settled)
                && !l.expiry.get().isAfter(now)).forEach(l -> due.add(l.expiry.get()));
        return due.isEmpty() ? Optional.empty() : Optional.of(due.first());
    }

    /**
     * "One instant, in order": lapsing holds are released; then kept value beyond what the remaining holds reserve
     * expires; then value expiring at this instant expires, except what the holds still need once unexpired value
     * and the value already kept cover them. Within each step value goes in spending order, so what is kept is the
     * last in spending order.
     */
    private void atInstant(Instant t) {
        holds.values().stream().filter(h -> h.open && !h.lapse.isAfter(t)).sorted(Comparator.comparing(h -> h.id))
                .forEach(h -> {
                    h.open = false;
                    lapsed.merge(t, h.remaining, Long::sum);
                });
        expireKeptBeyondHolds(t);
        List<Lot> expiring = lots.stream().filter(l -> l.remaining > 0 && l.expiresAt(t))
                .sorted(Lot.SPENDING_ORDER).toList();
        long expiringValue = expiring.stream().mapToLong(l -> l.remaining).sum();
        long stillUnexpired = lots.stream().filter(l -> !l.expiredAt(t)).mapToLong(l -> l.remaining).sum();
        long need = Math.max(0, held() - stillUnexpired - keptValue());
        long keptNow = Math.min(need, expiringValue);
        expire(t, take(expiring, expiringValue - keptNow));
        settled = t;
    }

    /** Kept value stays only while the open holds reserve at least as much; the excess expires at {@code t}. */
    private void expireKeptBeyondHolds(Instant t) {
        long excess = keptValue() - held();
        if (excess > 0) {
            expire(t, take(keptLots(), excess));
        }
        if (keptValue() > held()) {
            throw new IllegalStateException("model bug: kept value beyond the holds");
        }
    }

    private void expire(Instant t, List<Txn.Slice> slices) {
        long amount = slices.stream().mapToLong(Txn.Slice::amount).sum();
        if (amount > 0) {
            expired.merge(t, amount, Long::sum);
        }
    }

    /** Takes {@code amount} from {@code from} in the order given; the caller has checked that it is there. */
    private static List<Txn.Slice> take(List<Lot> from, long amount) {
        List<Txn.Slice> slices = new ArrayList<>();
        long left = amount;
        for (Lot lot : from) {
            long part = Math.min(left, lot.remaining);
            if (part > 0) {
                lot.remaining -= part;
                slices.add(new Txn.Slice(lot, part));
                left -= part;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("model bug: " + left + " short taking " + amount + " from " + from);
        }
        return slices;
    }

    /** Lots with value past their expiry: kept value (everything up to {@link #settled} has been settled). */
    private List<Lot> keptLots() {
        return lots.stream().filter(l -> l.remaining > 0 && l.expiredAt(settled)).sorted(Lot.SPENDING_ORDER).toList();
    }

    private List<Lot> unexpiredLots() {
        return lots.stream().filter(l -> l.remaining > 0 && !l.expiredAt(settled)).sorted(Lot.SPENDING_ORDER).toList();
    }

    private List<Lot> valueLots() {
        return lots.stream().filter(l -> l.remaining > 0).sorted(Lot.SPENDING_ORDER).toList();
    }

    private long keptValue() {
        return keptLots().stream().mapToLong(l -> l.remaining).sum();
    }

    private long total() {
        return lots.stream().mapToLong(l -> l.remaining).sum();
    }

    private long held() {
        return holds.values().stream().filter(h -> h.open).mapToLong(h -> h.remaining).sum();
    }

    /** Unexpired value minus what the holds reserve beyond the kept value; kept never exceeds held, so total − held. */
    private long available() {
        long unexpired = unexpiredLots().stream().mapToLong(l -> l.remaining).sum();
        return unexpired - Math.max(0, held() - keptValue());
    }
}
