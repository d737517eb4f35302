package io.tally.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One card's checkouts, written from the rules of issue 11 and docs/API.md alone (no campaign or checkout code): the
 * demo campaigns computed here by hand, the USD balance of the {@link CardModel} it belongs to, and the card's Points
 * and Punches balances (side {@link CardModel}s: lots that never expire, never held).
 *
 * <p>The demo campaigns, in their order: +1 punch for a checkout with a coffee; at 10 punches (counting that one) a
 * FREE-COFFEE coupon and 10 punches taken; 10% off the basket with a SPRING coupon (rounded to the cent, half up), which
 * uses the coupon; 1 point per whole USD of the basket after the discount (floored). Redemptions do not change what is
 * earned.
 *
 * <p>Readings chosen where the spec is silent:
 * <ul>
 *   <li>refusals in the order: coupon used, coupon held by another checkout, funds (a redemption beyond what is
 *       available; a completion's punch take beyond the punches available);</li>
 *   <li>a setup earns nothing and evaluates at its own instant; its completion applies exactly that evaluation (so a
 *       punch take the setup counted on may be INSUFFICIENT_FUNDS by then);</li>
 *   <li>completing needs the setup open, before its lapse (not at it), and its hold untouched: captured or released by
 *       a merchant call first, it is CHECKOUT_CLOSED; completing an id that is no setup of this card is
 *       CHECKOUT_NOT_FOUND;</li>
 *   <li>voiding a completed or voided setup is CHECKOUT_CLOSED; voiding a setup that lapsed is accepted and changes
 *       nothing (its hold and coupon are free already);</li>
 *   <li>a void of a checkout takes back each lot it earned like an issuance's void (whole and still there, else
 *       NOT_VOIDABLE) and puts what it spent back like a redemption's void; a reward coupon it awarded is withdrawn.</li>
 * </ul>
 */
public final class CheckoutModel {
    public static final Duration SETUP_LIFETIME = Duration.ofMinutes(30);
    /** SKUs the demo tags {@code coffee}. */
    public static final Set<String> COFFEE = Set.of("COFFEE-S", "COFFEE-L");
    static final long PUNCHES_FOR_A_COFFEE = 10;

    private final CardModel usd;
    private final CardModel points;
    private final CardModel punches;
    private final CouponsModel coupons;
    private final Map<String, Sale> sales = new LinkedHashMap<>();
    private int awards;

    /** A basket line: quantity and unit price in cents. */
    public record Line(String sku, int quantity, long unitPrice) {
    }

    /** What a checkout earned and spent, as its void needs it; a setup: what its completion will apply. */
    private static final class Sale {
        final boolean setup;
        final Instant until;
        final long redeemed;
        final long points;
        final long punchDelta;
        final boolean award;
        final Optional<String> coupon;
        boolean closed;
        Lot pointsLot;
        Lot punchesLot;
        List<Txn.Slice> usdSpent = List.of();
        List<Txn.Slice> punchesSpent = List.of();

        Sale(boolean setup, Instant until, long redeemed, long points, long punchDelta, boolean award,
             Optional<String> coupon) {
            this.setup = setup;
            this.until = until;
            this.redeemed = redeemed;
            this.points = points;
            this.punchDelta = punchDelta;
            this.award = award;
            this.coupon = coupon;
        }
    }

    CheckoutModel(CardModel usd, CouponsModel coupons, Instant opened) {
        this.usd = usd;
        this.coupons = coupons;
        this.points = CardModel.sideBalance(opened);
        this.punches = CardModel.sideBalance(opened);
    }

    /** A single-stage checkout, or ({@code setup}) the first stage of two. */
    public Answer checkout(Instant now, String id, List<Line> basket, Optional<String> coupon, long redeem, boolean setup) {
        usd.settle(now);
        if (coupon.isPresent()) {
            Optional<Refusal> problem = coupons.presentable(coupon.get(), now);
            if (problem.isPresent()) {
                return Answer.refused(problem.get());
            }
        }
        if (redeem > usd.availableAt(now)) {
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        long total = basket.stream().mapToLong(l -> l.quantity() * l.unitPrice()).sum();
        long discount = coupon.isPresent() ? (total + 5) / 10 : 0; // 10%, to the cent, half up
        long earned = (total - discount) / 100;
        long before = punches.availableAt(now);
        long after = before + (basket.stream().anyMatch(l -> COFFEE.contains(l.sku())) ? 1 : 0);
        boolean award = after >= PUNCHES_FOR_A_COFFEE;
        if (award) {
            after -= PUNCHES_FOR_A_COFFEE;
        }
        Instant until = now.plus(SETUP_LIFETIME);
        Sale sale = new Sale(setup, until, redeem, earned, after - before, award, coupon);
        sales.put(id, sale);
        usd.record(id, Txn.Kind.CHECKOUT);
        if (setup) {
            if (redeem > 0) {
                usd.openHold(now, id, redeem, until);
            }
            coupon.ifPresent(c -> coupons.reserve(c, id, until));
            return Answer.accepted();
        }
        if (redeem > 0) {
            sale.usdSpent = usd.spend(now, redeem);
        }
        apply(now, id, sale, sale);
        return Answer.accepted();
    }

    /** The second stage: the setup's hold captured in full and what the setup evaluated applied, once. */
    public Answer complete(Instant now, String id, String setupId) {
        usd.settle(now);
        Sale setup = sales.get(setupId);
        if (setup == null || !setup.setup) {
            return Answer.refused(Refusal.CHECKOUT_NOT_FOUND);
        }
        if (setup.closed || !now.isBefore(setup.until)
                || setup.redeemed > 0 && !usd.holdUntouched(now, setupId, setup.redeemed)) {
            return Answer.refused(Refusal.CHECKOUT_CLOSED);
        }
        if (-setup.punchDelta > punches.availableAt(now)) {
            return Answer.refused(Refusal.INSUFFICIENT_FUNDS);
        }
        setup.closed = true;
        Sale done = new Sale(false, setup.until, setup.redeemed, setup.points, setup.punchDelta, setup.award,
                setup.coupon);
        sales.put(id, done);
        usd.record(id, Txn.Kind.CHECKOUT);
        if (setup.redeemed > 0) {
            done.usdSpent = usd.captureWhole(now, setupId);
        }
        apply(now, id, setup, done);
        return Answer.accepted();
    }

    private void apply(Instant now, String id, Sale evaluated, Sale done) {
        if (evaluated.punchDelta < 0) {
            done.punchesSpent = punches.spend(now, -evaluated.punchDelta);
        } else if (evaluated.punchDelta > 0) {
            done.punchesLot = punches.earn(now, id, evaluated.punchDelta);
        }
        if (evaluated.points > 0) {
            done.pointsLot = points.earn(now, id, evaluated.points);
        }
        evaluated.coupon.ifPresent(c -> coupons.use(c, id));
        awards += evaluated.award ? 1 : 0;
    }

    /** Called by {@link CardModel#voidTransaction} for a checkout's id, after it settled the card to {@code now}. */
    Answer voidCheckout(Instant now, String id, String target) {
        Sale sale = sales.get(target);
        if (sale.setup) {
            if (sale.closed) {
                return Answer.refused(Refusal.CHECKOUT_CLOSED);
            }
            sale.closed = true;
            usd.releaseIfOpen(now, target);
            sale.coupon.ifPresent(c -> coupons.unreserve(c, target));
            usd.record(id, Txn.Kind.VOID);
            return Answer.accepted();
        }
        if (sale.closed) {
            return Answer.refused(Refusal.ALREADY_VOIDED);
        }
        if (sale.pointsLot != null && !points.canTakeBack(now, sale.pointsLot)
                || sale.punchesLot != null && !punches.canTakeBack(now, sale.punchesLot)) {
            return Answer.refused(Refusal.NOT_VOIDABLE);
        }
        sale.closed = true;
        if (sale.pointsLot != null) {
            points.takeBack(sale.pointsLot);
        }
        if (sale.punchesLot != null) {
            punches.takeBack(sale.punchesLot);
        }
        usd.putBack(now, sale.usdSpent);
        punches.putBack(now, sale.punchesSpent);
        sale.coupon.ifPresent(coupons::giveBack);
        awards -= sale.award ? 1 : 0;
        usd.record(id, Txn.Kind.VOID);
        return Answer.accepted();
    }

    /** Open setups' lapses after {@code now}: instants at which a completion turns CHECKOUT_CLOSED. */
    TreeSet<Instant> comingEvents(Instant now) {
        TreeSet<Instant> events = new TreeSet<>();
        sales.values().stream().filter(s -> s.setup && !s.closed && s.until.isAfter(now)).forEach(s -> events.add(s.until));
        return events;
    }

    /** Setups of the card that were neither completed nor voided (lapsed ones too: completing them is a refusal). */
    public List<String> setupIds() {
        return sales.entrySet().stream().filter(e -> e.getValue().setup).map(Map.Entry::getKey).toList();
    }

    public List<String> openSetupIds(Instant now) {
        return sales.entrySet().stream().filter(e -> e.getValue().setup && !e.getValue().closed
                && now.isBefore(e.getValue().until)).map(Map.Entry::getKey).toList();
    }

    /** The coupon a checkout (or setup) presented. */
    Optional<String> couponOf(String id) {
        return Optional.ofNullable(sales.get(id)).flatMap(s -> s.coupon);
    }

    public List<String> checkoutIds() {
        return List.copyOf(sales.keySet());
    }

    public ModelBalance points(Instant now) {
        return points.balanceAt(now);
    }

    public ModelBalance punches(Instant now) {
        return punches.balanceAt(now);
    }

    /** Reward coupons allocated to this card by checkouts that stand. */
    public int awards() {
        return awards;
    }

    public long available(Instant now) {
        return usd.availableAt(now);
    }
}
