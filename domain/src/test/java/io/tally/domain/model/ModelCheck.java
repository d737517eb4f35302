package io.tally.domain.model;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.fakes.Crash;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.shared.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Drives two cards of a {@link ModelWorld} and a {@link CardModel} per card through the same steps and compares them
 * after every step: the answer (accepted or the refusal, the overdraw report), the balances as a lookup shows them,
 * and the ledger's EXPIRE and RELEASE entries and their dates. The first difference fails with the whole trace.
 *
 * <p>With {@link Mode#faults} every operation carries a customRequestId and may die right after a ledger write; it
 * is then retried with the same id, possibly later. The model applies the operation exactly once: when the write
 * that died was the operation's own entry, at that entry's instant (and the retry must replay it); otherwise at the
 * retry's instant.
 */
public final class ModelCheck {
    private static final int MAX_ATTEMPTS = 6;
    private static final int MAX_SWEEPER_RUNS = 10;
    private static final int REWARD_POOL = 30;
    static final CouponSetId SPRING = new CouponSetId("SPRING");
    static final CouponSetId FREE_COFFEE = new CouponSetId("FREE-COFFEE");
    /** How long the coupon claims of a single-stage checkout that died last (docs/ARCHITECTURE.md). */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final ModelWorld world;
    private final Mode mode;
    private final List<CardNumber> cards = new ArrayList<>();
    private final List<CardModel> models = new ArrayList<>();
    private final CouponsModel coupons = new CouponsModel();
    private final Resolver resolver;
    private final Set<String> merchantEntries = new HashSet<>();
    private final List<String> trace = new ArrayList<>();
    private boolean keptValue;
    private boolean expired;
    private boolean lapsed;
    private int crashes;
    private int checkouts;
    private int completions;
    private int abandoned;
    /** Only merchant calls change coupons (a lapse frees a claim, which the next checkout meets): read them after those. */
    private boolean couponsChanged;
    private int replays;
    private int requests;
    private int steps;

    /** What a run exercised, for the property's statistics. */
    public record Tally(boolean keptValue, boolean expired, boolean lapsed, int crashes, int replays, int checkouts,
                        int completions, int abandoned, int awards) {
    }

    public ModelCheck(ModelWorld world, Mode mode) {
        this.world = world;
        this.mode = mode;
        for (int i = 0; i < 2; i++) {
            cards.add(world.activeCard());
            models.add(new CardModel(world.clock().instant(), coupons));
        }
        world.checkouts().ifPresent(this::createCoupons);
        this.resolver = new Resolver(models, mode, world.checkouts().map(k -> coupons));
    }

    /**
     * The SPRING coupons the checkouts present, and a pool of FREE-COFFEE coupons larger than a sequence can award
     * (the brand's pool may hold earlier checks' coupons too): codes unique in a world that outlives this check.
     */
    private void createCoupons(ModelCheckouts k) {
        String prefix = cards.get(0).value();
        for (int i = 0; i < CouponsModel.SPRING_COUPONS; i++) {
            String code = "SPRING-" + prefix + "-" + i;
            create(k, code, SPRING);
            coupons.add(code);
        }
        for (int i = 0; i < REWARD_POOL; i++) {
            create(k, "FREE-" + prefix + "-" + i, FREE_COFFEE);
        }
    }

    private void create(ModelCheckouts k, String code, CouponSetId set) {
        if (!k.coupons().create(Coupon.fresh(world.brand(), new CouponCode(code), set, Set.of(), Set.of(), Optional.empty(),
                Optional.empty()))) {
            throw new IllegalStateException("coupon " + code + " exists already");
        }
    }

    public Tally run(List<Step> steps) {
        for (Step s : steps) {
            FaultPlan plan = mode.faults() ? FaultPlan.of(s.fault()) : FaultPlan.NONE;
            resolver.resolve(s, now()).ifPresent(action -> perform(action, plan));
        }
        int awards = models.stream().mapToInt(m -> m.checkouts().awards()).sum();
        return new Tally(keptValue, expired, lapsed, crashes, replays, checkouts, completions, abandoned, awards);
    }

    private void perform(Action action, FaultPlan plan) {
        trace.add("#" + ++steps + " at " + now() + ": " + action);
        if (action instanceof Action.Operation op) {
            couponsChanged = op instanceof Action.Checkout || op instanceof Action.Complete || op instanceof Action.Void;
            operate(op, plan);
        } else if (action instanceof Action.Switch s) {
            switchCard(s);
            compare(card -> false);
        } else if (action instanceof Action.Advance a) {
            world.clock().advance(a.by());
            compare(card -> false);
        } else if (action instanceof Action.SweepCard s) {
            withFaults(plan, () -> world.expire().sweep(world.brand(), cards.get(s.card())));
            compare(card -> card == s.card());
        } else {
            withFaults(plan, this::sweepAllDueCards);
            compare(card -> true);
        }
        Instant now = now();
        keptValue |= models.stream().anyMatch(m -> m.kept(now) > 0);
        expired |= models.stream().anyMatch(m -> !m.expiredUntil(now).isEmpty());
        lapsed |= models.stream().anyMatch(m -> !m.lapsedUntil(now).isEmpty());
    }

    /** Runs the operation on the code (retrying after injected deaths) and on the model once, and compares. */
    private void operate(Action.Operation op, FaultPlan plan) {
        String requestId = "req-" + cards.get(0).value() + "-" + ++requests; // unique in a world that outlives this check
        CardModel model = models.get(op.card());
        Optional<LedgerEntry> ownEntry = Optional.empty();
        Optional<Instant> completionPinnedAt = Optional.empty();
        Optional<Answer> expected = Optional.empty();
        Instant performedAt = now();
        Outcome<BalanceResult> outcome = null;
        for (int attempt = 0; outcome == null; attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                fail(List.of("the call kept dying"));
            }
            CrashProbe probe = new CrashProbe(mode.faults() ? plan.crashAfter(attempt) : 0);
            arm(probe);
            Instant attemptAt = now();
            try {
                outcome = op.onCode(world, cards.get(op.card()), info(requestId));
            } catch (Crash crash) {
                crashes++;
                Optional<LedgerEntry> own = probe.written().stream().filter(e -> isOwn(e, op, requestId)).findFirst();
                if (ownEntry.isEmpty() && own.isPresent()) {
                    ownEntry = own;
                    performedAt = own.get().time();
                    expected = Optional.of(onModel(op, model, performedAt, own.get().transactionId().value()));
                }
                if (plan.abandoned() && attempt == 0 && world.checkouts().isPresent() && abandonable(op)) {
                    abandon(op, probe, ownEntry, attemptAt, expected);
                    return;
                }
                if (op instanceof Action.Complete c) {
                    Optional<String> pinned = models.get(c.card()).checkouts().couponOf(c.setup()).filter(probe::leftClaimed);
                    if (pinned.isPresent()) {
                        completionPinnedAt = Optional.of(attemptAt);
                    }
                }
                trace.add("   died after writing " + probe.diedAfter().orElse("?") + "; retried " + plan.retryDelay() + " later");
                world.clock().advance(resolver.allowed(now(), plan.retryDelay()));
            } finally {
                disarm();
            }
        }
        if (expected.isEmpty()) {
            performedAt = now();
            String id = outcome.isAccepted() ? outcome.value().transactionId().value() : "refused-" + requests;
            expected = Optional.of(onModel(op, model, performedAt, id));
        }
        trace.add("   model: " + expected.get() + "; code: " + Answers.describe(outcome));
        if (ownEntry.isEmpty() && !outcome.isAccepted() && completionPinnedAt.isPresent()) {
            // A completion attempt that died after re-pinning its setup's coupon may, for all anyone can tell, still be
            // in flight (its append is decided by the sequence it read): its pin holds for the claim's lease even when
            // the retry is refused (the setup lapsed meanwhile), as for a completion that was never retried.
            Action.Complete c = (Action.Complete) op;
            Instant pinUntil = completionPinnedAt.get().plus(LEASE);
            models.get(c.card()).checkouts().couponOf(c.setup()).ifPresent(code -> coupons.leased(code, pinUntil));
        }
        List<String> diffs = Answers.differences(op, outcome, expected.get(), ownEntry, performedAt);
        if (!diffs.isEmpty()) {
            fail(diffs);
        }
        if (outcome.isAccepted()) {
            checkouts += op instanceof Action.Checkout ? 1 : 0;
            completions += op instanceof Action.Complete ? 1 : 0;
            merchantEntries.add(outcome.value().transactionId().value());
            replays += outcome.value().replayed() ? 1 : 0;
        }
        // A replay "changes nothing" (docs/API.md), so only a call that was performed must have caught its card up.
        boolean performed = outcome.isAccepted() && !outcome.value().replayed();
        compare(card -> performed && card == op.card());
    }

    /**
     * An inactive card refuses every operation (time still acts on it). READING: a void or a completion names its
     * transaction, not the card, so one that names nothing of this card is not found before the card is looked at.
     */
    private static Answer onModel(Action.Operation op, CardModel model, Instant t, String id) {
        if (model.active()) {
            return op.onModel(model, t, id);
        }
        if (op instanceof Action.Void v && !model.knows(v.target())) {
            return Answer.refused(Refusal.TRANSACTION_NOT_FOUND);
        }
        if (op instanceof Action.Complete c && !model.checkouts().setupIds().contains(c.setup())) {
            return Answer.refused(Refusal.CHECKOUT_NOT_FOUND);
        }
        return Answer.refused(Refusal.CARD_NOT_ACTIVE);
    }

    /** The back office's switch: one conditional write of the card's profile (on the version read). */
    private void switchCard(Action.Switch s) {
        CardNumber number = cards.get(s.card());
        Card card = world.cards().load(world.brand(), number).orElseThrow();
        CardStatus to = s.on() ? CardStatus.ACTIVE : CardStatus.INACTIVE;
        if (world.cards().update(card.withStatus(to)) != CardPort.WriteOutcome.WRITTEN) {
            fail(List.of("switching card " + s.card() + " to " + to + " was not written"));
        }
        models.get(s.card()).setActive(s.on());
    }

    private static boolean abandonable(Action.Operation op) {
        return op instanceof Action.Checkout || op instanceof Action.Complete || op instanceof Action.Void;
    }

    /**
     * The till gave up after the first attempt died. If its entry was written the operation happened (the model did
     * it above) and the event consumer finishes what follows the commit; if not, nothing happened, but the coupons it
     * left claimed stay taken for the claim's life: a setup's, or {@link #LEASE}; a completion keeps its setup's
     * coupon at least as long as the setup lives.
     */
    private void abandon(Action.Operation op, CrashProbe probe, Optional<LedgerEntry> ownEntry, Instant attemptAt,
                         Optional<Answer> expected) {
        abandoned++;
        trace.add("   died after writing " + probe.diedAfter().orElse("?") + "; never retried"
                + ownEntry.map(e -> ": it committed (model: " + expected.orElseThrow() + "), the event consumer finishes it")
                .orElse(""));
        if (ownEntry.isPresent()) {
            merchantEntries.add(ownEntry.get().transactionId().value());
            world.checkouts().orElseThrow().checkout().afterCommit(ownEntry.get());
        } else if (op instanceof Action.Checkout c && c.coupon().filter(probe::leftClaimed).isPresent()) {
            coupons.leased(c.coupon().get(), attemptAt.plus(c.setup() ? CheckoutModel.SETUP_LIFETIME : LEASE));
        } else if (op instanceof Action.Complete c) {
            models.get(c.card()).checkouts().couponOf(c.setup()).filter(probe::leftClaimed)
                    .ifPresent(code -> coupons.leased(code, attemptAt.plus(LEASE)));
        }
        compare(card -> false);
    }

    private void arm(CrashProbe probe) {
        world.crashAfterAppending(probe);
        world.checkouts().ifPresent(k -> k.crashAfterCouponWrite(probe::afterCouponWrite));
    }

    private void disarm() {
        world.crashAfterAppending(e -> false);
        world.checkouts().ifPresent(k -> k.crashAfterCouponWrite(c -> false));
    }

    /** Balances of both cards, and their ledgers: complete where {@code caughtUp} says so, else written right. */
    private void compare(IntPredicate caughtUp) {
        Instant now = now();
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            String card = "card " + i + " ";
            Observations.balance(world, cards.get(i), models.get(i), now).forEach(d -> diffs.add(card + d));
            Observations.ledger(world, cards.get(i), models.get(i), now, merchantEntries, caughtUp.test(i))
                    .forEach(d -> diffs.add(card + d));
            if (world.checkouts().isPresent()) {
                Observations.checkouts(world, cards.get(i), models.get(i).checkouts(), now, couponsChanged)
                        .forEach(d -> diffs.add(card + d));
            }
        }
        if (couponsChanged) {
            world.checkouts().ifPresent(k -> diffs.addAll(Observations.coupons(world, k, coupons)));
        }
        couponsChanged = false;
        if (!diffs.isEmpty()) {
            fail(diffs);
        }
    }

    /** A sweeper job: may die after a write too; the next run (maybe a little later) carries on. */
    private void withFaults(FaultPlan plan, Runnable job) {
        for (int attempt = 0; ; attempt++) {
            CrashProbe probe = new CrashProbe(mode.faults() ? plan.crashAfter(attempt) : 0);
            arm(probe);
            try {
                job.run();
                return;
            } catch (Crash crash) {
                crashes++;
                trace.add("   the sweeper died after writing " + probe.diedAfter().orElse("?") + "; runs again "
                        + plan.retryDelay() + " later");
                world.clock().advance(resolver.allowed(now(), plan.retryDelay()));
            } finally {
                disarm();
            }
        }
    }

    private void sweepAllDueCards() {
        for (int run = 0; run < MAX_SWEEPER_RUNS; run++) {
            SweepDueCardsUseCase.Report report = world.sweeper().sweep(now(), CardLedgerPort.MAX_DUE);
            if (report.cardsLeftForNextRun() == 0) {
                return;
            }
        }
    }

    private RequestInfo info(String requestId) {
        RequestInfo info = RequestInfo.of("ref-" + steps + "-" + trace.size());
        return mode.faults() ? info.withCustomRequestId(requestId) : info;
    }

    /** The operation's own entry carries its customRequestId; catch-up EXPIRE/RELEASE entries written before it do not. */
    private static boolean isOwn(LedgerEntry e, Action.Operation op, String requestId) {
        return e.type() == op.entryType() && e.posting().origin().request().map(Origin.RequestKey::customRequestId)
                .filter(requestId::equals).isPresent();
    }

    private Instant now() {
        return world.clock().instant();
    }

    private void fail(List<String> diffs) {
        throw new AssertionError("the code and the model differ after step #" + steps + ":\n  "
                + String.join("\n  ", diffs) + "\ntrace:\n" + String.join("\n", trace));
    }
}
