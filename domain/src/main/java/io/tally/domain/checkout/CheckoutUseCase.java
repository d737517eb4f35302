package io.tally.domain.checkout;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CampaignEngine;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CardFacts;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.campaign.Evaluation;
import io.tally.domain.campaign.PresentedCoupon;
import io.tally.domain.campaign.SegmentLookups;
import io.tally.domain.campaign.Situation;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponRules;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.CheckoutLedger;
import io.tally.domain.ledger.CheckoutStats;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.Settlement;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.shared.ZeroPadded;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.MerchantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sale: the campaigns evaluated on the basket, the card's balance changes of the sale decided by ONE conditional
 * write (its CHECKOUT entry: value spent, points, punches and counters earned or taken, the sale's facts), and the
 * coupons it uses or hands out claimed before that write and finalised after it ({@link CouponClaims}). Single stage,
 * or two: a SETUP holds the redemptions and reserves the coupons (earning nothing yet) for {@link #SETUP_LIFETIME}; the
 * completing call commits exactly what the setup evaluated. Anonymous sales (no card) are recorded too: their record is
 * their commit. Everything after the commit (finalising coupons, the event) is retryable and never fails the call.
 */
public final class CheckoutUseCase {
    /** The key prefix of an anonymous checkout's coupon claims; the rest is its transaction id. */
    public static final String ANONYMOUS = "anon:";
    public static final Duration SETUP_LIFETIME = Duration.ofMinutes(30);
    /** Anonymous transaction ids: 13 digits of milliseconds and 18 random digits (card ids have 32 digits). */
    public static final int ANONYMOUS_ID_LENGTH = 31;
    private static final LocationGroupId NO_GROUP = new LocationGroupId("none");

    private final CardLedgerWriter writer;
    private final CardPort cards;
    private final VoidUseCase voids;
    private final CardLedgerPort ledger;
    private final LoadProgramsPort programs;
    private final CheckoutConfigPort configs;
    private final CouponPort coupons;
    private final CampaignBudgetPort budget;
    private final CheckoutRecordPort records;
    private final CouponClaims claims;
    private final SegmentMembershipPort segments;
    private final Clock clock;
    private final RandomSource random;

    /** Without segment snapshots: a "card in segment" condition never holds (tests and tools without them). */
    public CheckoutUseCase(CardLedgerWriter writer, VoidUseCase voids, CardPort cards, CardLedgerPort ledger, LoadProgramsPort programs,
                           CheckoutConfigPort configs,
                           CouponPort coupons, CampaignBudgetPort budget, CheckoutRecordPort records, Clock clock,
                           RandomSource random) {
        this(writer, voids, cards, ledger, programs, configs, coupons, budget, records, (brand, segment, card) -> false,
                clock, random);
    }

    /** With the segment memberships that "card in segment" conditions read ({@link SegmentLookups}). */
    public CheckoutUseCase(CardLedgerWriter writer, VoidUseCase voids, CardPort cards, CardLedgerPort ledger, LoadProgramsPort programs,
                           CheckoutConfigPort configs, CouponPort coupons, CampaignBudgetPort budget,
                           CheckoutRecordPort records, SegmentMembershipPort segments, Clock clock, RandomSource random) {
        this.segments = segments;
        this.writer = writer;
        this.voids = voids;
        this.cards = cards;
        this.ledger = ledger;
        this.programs = programs;
        this.configs = configs;
        this.coupons = coupons;
        this.budget = budget;
        this.records = records;
        this.claims = new CouponClaims(coupons, ledger, records, random);
        this.clock = clock;
        this.random = random;
    }

    public CouponClaims claims() {
        return claims;
    }

    /** Value spent from the card towards the basket, in the value type's unit. */
    public record Redemption(ValueTypeKey key, BigDecimal amount) {
        public Redemption {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * @param completes the setup this call completes (then basket, coupons and redemptions are the setup's)
     * @param fingerprint the request's fingerprint (method and body), for customRequestId repeats
     */
    public record CheckoutCommand(MerchantContext context, RequestInfo info, Optional<CardNumber> card, Optional<String> pin,
                                  Basket basket, List<CouponCode> coupons, List<Redemption> redemptions, boolean setup,
                                  Optional<TransactionId> completes, String fingerprint) {
        public CheckoutCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(basket, "basket");
            coupons = List.copyOf(new LinkedHashSet<>(coupons));
            redemptions = List.copyOf(redemptions);
            Objects.requireNonNull(completes, "completes");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A recorded checkout: its transaction, card (none: anonymous), sale, the card's state after it, where and when. */
    public record CheckoutResult(TransactionId transactionId, Optional<CardNumber> card, CheckoutFacts facts,
                                 Optional<CardState> state, Instant at, Optional<String> location, boolean replayed,
                                 Optional<Reference> setup) {
    }

    /** What a dry run tells: the evaluation, nothing changed. */
    public record DryRun(Evaluation evaluation, CheckoutConfig config) {
    }

    public Outcome<CheckoutResult> checkout(CheckoutCommand c) {
        Optional<Rejection> info = c.info().check();
        if (info.isPresent()) {
            return Outcome.rejected(info.get());
        }
        if (c.completes().isPresent()) {
            return complete(c);
        }
        CheckoutConfig config = configs.load(c.context().brand());
        if (c.card().isEmpty()) {
            Outcome<List<Coupon>> presented = presented(c, clock.instant());
            if (!presented.isAccepted()) {
                return Outcome.rejected(rejection(presented));
            }
            if (c.setup() || !c.redemptions().isEmpty()) {
                return Outcome.rejected(Reason.NO_CARD_NUMBER, "redemptions and two-stage checkouts need a card");
            }
            return anonymous(c, config, presented.value());
        }
        String key = "co:" + c.context().brand().value() + ":" + c.info().customRequestId().orElseGet(this::nonce);
        Map<SegmentId, Boolean> memberships = SegmentLookups.lookUp(segments, c.context().brand(), c.card().get(),
                SegmentLookups.atCheckout(config, clock.instant()));
        Attempts attempts = new Attempts();
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(c.context().brand(), c.card().get(),
                Origin.of(c.context(), c.info(), c.fingerprint()), c.pin(), true, c.info().resumeSince());
        Outcome<CardLedgerWriter.Written> written = writer.write(target,
                (card, state, txn, now) -> decide(c, config, key, attempts, memberships, card, state, txn, now));
        if (!written.isAccepted() || written.value().entry().isEmpty()) {
            claims.release(c.context().brand(), attempts.claimed(), key);
            return written.isAccepted() ? Outcome.rejected(Reason.INVALID_REQUEST, "nothing to record")
                    : Outcome.rejected(rejection(written));
        }
        LedgerEntry entry = written.value().entry().get();
        afterCommit(entry, written.value().replayed() ? Map.of() : attempts.latest);
        if (entry.type() != EntryType.CHECKOUT) {
            return Outcome.rejected(Reason.REQUEST_ID_REUSED, "this customRequestId was used for another kind of request");
        }
        return Outcome.accepted(result(entry, written.value().state(), written.value().replayed()));
    }

    /** Evaluates the basket as a checkout would, changing nothing (no claim, no write, no budget taken). */
    public Outcome<DryRun> dryRun(CheckoutCommand c) {
        CheckoutConfig config = configs.load(c.context().brand());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Outcome<List<Coupon>> presented = presented(c, now);
        if (!presented.isAccepted()) {
            return Outcome.rejected(rejection(presented));
        }
        Optional<CardFacts> facts = Optional.empty();
        if (c.card().isPresent()) {
            Optional<CardLedgerPort.CardWithHead> read = ledger.cardWithHead(cards, c.context().brand(), c.card().get());
            if (read.isEmpty()) {
                return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
            }
            CardState state = read.get().head().map(e -> Settlement.settled(e, now)).orElse(CardState.EMPTY);
            facts = Optional.of(cardFacts(read.get().card(), state, now, SegmentLookups.lookUp(segments,
                    c.context().brand(), c.card().get(), SegmentLookups.atCheckout(config, now))));
        }
        Set<CampaignId> exhausted = new LinkedHashSet<>();
        for (Campaign campaign : config.campaigns()) {
            if (campaign.limits().total().isPresent()
                    && budget.taken(c.context().brand(), campaign.id()) >= campaign.limits().total().get()) {
                exhausted.add(campaign.id());
            }
        }
        Situation situation = new Situation(c.basket(), facts, presentedCoupons(presented.value()), c.context().location(),
                c.context().group().orElse(NO_GROUP), now, exhausted);
        return Outcome.accepted(new DryRun(CampaignEngine.evaluate(config, situation), config));
    }

    /** The recorded checkout named by the id (a card's CHECKOUT entry, or an anonymous record). */
    public Outcome<CheckoutResult> lookup(MerchantContext context, TransactionId id) {
        if (id.value().length() == ANONYMOUS_ID_LENGTH) {
            return records.find(context.brand(), id)
                    .<Outcome<CheckoutResult>>map(r -> Outcome.accepted(new CheckoutResult(r.transactionId(), Optional.empty(),
                            r.facts(), Optional.empty(), r.at(), r.origin().location().map(Object::toString), false,
                            Optional.empty())))
                    .orElseGet(() -> Outcome.rejected(Reason.CHECKOUT_NOT_FOUND, "no checkout " + id));
        }
        return ledger.byTransactionId(context.brand(), id).filter(e -> e.type() == EntryType.CHECKOUT)
                .<Outcome<CheckoutResult>>map(e -> Outcome.accepted(result(e, Settlement.settled(e, e.time()), false)))
                .orElseGet(() -> Outcome.rejected(Reason.CHECKOUT_NOT_FOUND, "no checkout " + id));
    }

    /**
     * The merchant's void: of a card's transaction through {@link VoidUseCase} (a checkout's coupons given back right
     * after the VOID's commit, and again by its event if that fails), or of an anonymous checkout.
     */
    public Outcome<BalanceResult> voidCardTransaction(VoidUseCase.VoidCommand c) {
        Outcome<BalanceResult> voided = voids.voidTransaction(c);
        if (voided.isAccepted()) {
            afterCommit(voided.value().entry());
        }
        return voided;
    }

    /** Voids an anonymous checkout once: its coupons are given back. */
    public Outcome<CheckoutResult> voidAnonymous(MerchantContext context, TransactionId id) {
        Optional<AnonymousCheckout> record = records.find(context.brand(), id);
        if (record.isEmpty()) {
            return Outcome.rejected(Reason.TRANSACTION_NOT_FOUND, "no transaction " + id);
        }
        Instant now = clock.instant();
        if (!records.markVoided(context.brand(), id, now)) {
            // voided before: finish giving its coupons back (the first void may have died after its commit)
            records.find(context.brand(), id).filter(r -> r.voidedAt().isPresent()).ifPresent(r -> {
                try {
                    claims.finalise(r);
                } catch (RuntimeException again) {
                    // the next retry of the void tries once more
                }
            });
            return Outcome.rejected(Reason.ALREADY_VOIDED, "transaction " + id + " was already voided");
        }
        AnonymousCheckout voided = new AnonymousCheckout(record.get().brand(), id, record.get().at(), record.get().origin(),
                record.get().facts(), Optional.of(now));
        try {
            claims.finalise(voided);
        } catch (RuntimeException afterCommit) {
            // an anonymous void has no ledger event: a retry of the void (answered ALREADY_VOIDED) gives them back
        }
        return Outcome.accepted(new CheckoutResult(id, Optional.empty(), voided.facts(), Optional.empty(), now,
                voided.origin().location().map(Object::toString), false, Optional.empty()));
    }

    /** What the decisions of one call claimed, across attempts (released if the call ends without a commit). */
    private static final class Attempts {
        final List<CouponCode> used = new ArrayList<>();
        final Map<Integer, CouponCode> rewards = new HashMap<>();
        /** Each coupon as this call last wrote it (its claim): the finalisation starts from that version. */
        final Map<CouponCode, Coupon> latest = new HashMap<>();

        List<CouponCode> claimed() {
            List<CouponCode> all = new ArrayList<>(used);
            all.addAll(rewards.values());
            return all;
        }
    }

    /**
     * The presented coupons are checked here, after the writer has found no earlier entry of this customRequestId: a
     * retry of a checkout that committed replays it, though its coupons are used by then.
     */
    private Outcome<Optional<CardLedgerWriter.Draft>> decide(CheckoutCommand c, CheckoutConfig config, String key,
                                                             Attempts attempts, Map<SegmentId, Boolean> memberships,
                                                             Card card, CardState state, TransactionId txn, Instant now) {
        Outcome<List<Coupon>> found = presented(c, now);
        if (!found.isAccepted()) {
            return Outcome.rejected(rejection(found));
        }
        List<Coupon> presented = found.value();
        Map<ValueTypeKey, ValueType> types = valueTypes(card);
        Outcome<Map<ValueTypeKey, Long>> redemptions = redemptions(c.redemptions(), types);
        if (!redemptions.isAccepted()) {
            return Outcome.rejected(rejection(redemptions));
        }
        CardFacts facts = cardFacts(card, state, now, memberships);
        Evaluation eval = evaluate(config, c, Optional.of(facts), presented, now, key);
        Optional<Instant> holdUntil = c.setup() ? Optional.of(now.plus(SETUP_LIFETIME)) : Optional.empty();
        Instant until = holdUntil.orElse(now.plus(CouponClaims.LEASE));
        CouponClaims.Claimant who = new CouponClaims.Claimant(key, Optional.of(card.number()), state.sequence() + 1, until);
        List<String> used = new ArrayList<>();
        for (CouponCode code : eval.couponsToUse()) {
            Optional<Coupon> read = Optional.ofNullable(attempts.latest.get(code))
                    .or(() -> presented.stream().filter(p -> p.code().equals(code)).findFirst());
            Outcome<Coupon> claimed = claims.claimUse(c.context().brand(), code, read, who, now);
            if (!claimed.isAccepted()) {
                return Outcome.rejected(rejection(claimed));
            }
            attempts.latest.put(code, claimed.value());
            if (!attempts.used.contains(code)) {
                attempts.used.add(code);
            }
            used.add(code.value());
        }
        List<String> awarded = new ArrayList<>();
        List<String> messages = new ArrayList<>(eval.messages());
        for (int i = 0; i < eval.rewardCoupons().size(); i++) {
            Evaluation.RewardCoupon reward = eval.rewardCoupons().get(i);
            Optional<Coupon> got = Optional.ofNullable(attempts.rewards.get(i))
                    .flatMap(code -> claims.repin(c.context().brand(), code, who, now))
                    .filter(k -> k.set().equals(reward.set()))
                    .or(() -> claims.claimReward(c.context().brand(), reward.set(), who, now));
            if (got.isEmpty()) {
                messages.add("No coupon of set " + reward.set() + " is left to award.");
                continue;
            }
            attempts.rewards.put(i, got.get().code());
            attempts.latest.put(got.get().code(), got.get());
            awarded.add(got.get().code().value());
        }
        Outcome<List<Change>> changes = CheckoutLedger.changes(state, txn, now, types, redemptions.value(),
                eval.balanceChanges(), holdUntil);
        if (!changes.isAccepted()) {
            return Outcome.rejected(rejection(changes));
        }
        CheckoutFacts sale = facts(key, c.setup() ? CheckoutFacts.Stage.SETUP : CheckoutFacts.Stage.COMMIT, holdUntil, c.basket(),
                config, eval, redemptions.value(), used, awarded, messages);
        return Outcome.accepted(Optional.of(new CardLedgerWriter.Draft(EntryType.CHECKOUT, changes.value(), Optional.empty(), 0,
                Optional.of(sale))));
    }

    private Outcome<CheckoutResult> complete(CheckoutCommand c) {
        TransactionId setupId = c.completes().get();
        Optional<LedgerEntry> found = ledger.byTransactionId(c.context().brand(), setupId)
                .filter(e -> e.type() == EntryType.CHECKOUT)
                .filter(e -> e.posting().checkout().orElseThrow().stage() == CheckoutFacts.Stage.SETUP)
                .filter(e -> c.card().map(e.card()::equals).orElse(true));
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.CHECKOUT_NOT_FOUND, "no checkout setup " + setupId);
        }
        LedgerEntry setup = found.get();
        CheckoutFacts sale = setup.posting().checkout().get();
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(c.context().brand(), setup.card(),
                Origin.of(c.context(), c.info(), c.fingerprint()), c.pin(), true, c.info().resumeSince());
        Outcome<CardLedgerWriter.Written> written = writer.write(target, (card, state, txn, now) -> {
            if (state.isVoided(setupId) || !now.isBefore(sale.until().get())) {
                return Outcome.rejected(Reason.CHECKOUT_CLOSED, "checkout setup " + setupId + " was completed, voided or has expired");
            }
            // never shorter than the setup: a completion that dies after re-pinning must not cut the setup's reservation
            Instant lease = now.plus(CouponClaims.LEASE);
            Instant until = sale.until().get().isAfter(lease) ? sale.until().get() : lease;
            CouponClaims.Claimant who = new CouponClaims.Claimant(sale.key(), Optional.of(card.number()), state.sequence() + 1,
                    until);
            List<String> codes = new ArrayList<>(sale.couponsUsed());
            codes.addAll(sale.couponsAwarded());
            for (String code : codes) {
                if (claims.repin(c.context().brand(), new CouponCode(code), who, now).isEmpty()) {
                    return Outcome.rejected(Reason.CHECKOUT_CLOSED, "checkout setup " + setupId + " no longer holds coupon " + code);
                }
            }
            Map<ValueTypeKey, Long> earned = new LinkedHashMap<>();
            sale.mutations().stream().filter(m -> m.kind() == CheckoutFacts.Kind.EARN)
                    .forEach(m -> earned.merge(m.key(), m.amount(), Long::sum));
            Outcome<List<Change>> changes = CheckoutLedger.completion(state, setup, txn, now, valueTypes(card), earned);
            if (!changes.isAccepted()) {
                return Outcome.rejected(rejection(changes));
            }
            CheckoutFacts committed = new CheckoutFacts(sale.key(), CheckoutFacts.Stage.COMMIT, Optional.empty(), sale.lines(),
                    sale.checkoutTotal(), sale.totalDiscount(), sale.mutations(), sale.couponsUsed(), sale.couponsAwarded(),
                    sale.explanations(), sale.messages(), sale.perCardFires());
            return Outcome.accepted(Optional.of(new CardLedgerWriter.Draft(EntryType.CHECKOUT, changes.value(),
                    Optional.of(new Reference(setupId, setup.sequence())), 0, Optional.of(committed))));
        });
        if (!written.isAccepted()) {
            return Outcome.rejected(rejection(written));
        }
        LedgerEntry entry = written.value().entry().orElseThrow();
        afterCommit(entry);
        return Outcome.accepted(result(entry, written.value().state(), written.value().replayed()));
    }

    private Outcome<CheckoutResult> anonymous(CheckoutCommand c, CheckoutConfig config, List<Coupon> presented) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < 5; attempt++) {
            TransactionId txn = anonymousId(now);
            String key = ANONYMOUS + txn.value();
            Evaluation eval = evaluate(config, c, Optional.empty(), presented, now, key);
            CouponClaims.Claimant who = new CouponClaims.Claimant(key, Optional.empty(), 0, now.plus(CouponClaims.LEASE));
            List<String> used = new ArrayList<>();
            for (CouponCode code : eval.couponsToUse()) {
                Outcome<Coupon> claimed = claims.claimUse(c.context().brand(), code, who, now);
                if (!claimed.isAccepted()) {
                    claims.release(c.context().brand(), eval.couponsToUse(), key);
                    return Outcome.rejected(rejection(claimed));
                }
                used.add(code.value());
            }
            CheckoutFacts sale = facts(key, CheckoutFacts.Stage.COMMIT, Optional.empty(), c.basket(), config, eval, Map.of(),
                    used, List.of(), eval.messages());
            AnonymousCheckout record = new AnonymousCheckout(c.context().brand(), txn, now,
                    Origin.of(c.context(), c.info(), c.fingerprint()), sale, Optional.empty());
            if (records.create(record)) {
                try {
                    claims.finalise(record);
                } catch (RuntimeException afterCommit) {
                    // the record is the commit: whoever meets the coupons' claims next finalises them
                }
                return Outcome.accepted(new CheckoutResult(txn, Optional.empty(), sale, Optional.empty(), now,
                        Optional.of(c.context().location().value()), false, Optional.empty()));
            }
            claims.release(c.context().brand(), eval.couponsToUse(), key);
        }
        throw new IllegalStateException("no free anonymous checkout id in 5 tries: is the random source broken?");
    }

    /**
     * The event consumer's part: for the event of a CHECKOUT or VOID entry, its coupons finalised (or given back) once
     * more: idempotent, so redeliveries and the call's own finalisation meet harmlessly.
     */
    public void onEvent(DomainEvent event) {
        if (!event.type().equals("ledger.checkout") && !event.type().equals("ledger.void")) {
            return;
        }
        String card = event.data().get("cardNumber");
        String sequence = event.data().get("sequence");
        if (card == null || sequence == null) {
            return;
        }
        ledger.entry(event.brand(), new CardNumber(card), Long.parseLong(sequence))
                .filter(e -> e.posting().checkout().isPresent())
                .ifPresent(claims::finalise);
    }

    /**
     * Finalises the coupons of a committed checkout (or gives back those of a voided one); after the commit, so never
     * fails the call. The event consumer calls it again for every CHECKOUT and VOID entry (idempotent).
     */
    public void afterCommit(LedgerEntry entry) {
        afterCommit(entry, Map.of());
    }

    private void afterCommit(LedgerEntry entry, Map<CouponCode, Coupon> known) {
        if (entry.posting().checkout().isEmpty()) {
            return;
        }
        try {
            claims.finalise(entry, known);
        } catch (RuntimeException afterCommit) {
            // the entry's event (outbox) finalises them, or whoever meets the claims next
        }
    }

    /** Evaluates, taking a total-limit slot for each fired campaign that has one (a campaign out of slots is re-evaluated away). */
    private Evaluation evaluate(CheckoutConfig config, CheckoutCommand c, Optional<CardFacts> card, List<Coupon> presented,
                                Instant now, String key) {
        Set<CampaignId> exhausted = new LinkedHashSet<>();
        Map<CampaignId, Campaign> byId = new HashMap<>();
        config.campaigns().forEach(k -> byId.put(k.id(), k));
        for (int round = 0; round <= config.campaigns().size(); round++) {
            Situation situation = new Situation(c.basket(), card, presentedCoupons(presented), c.context().location(),
                    c.context().group().orElse(NO_GROUP), now, exhausted);
            Evaluation eval = CampaignEngine.evaluate(config, situation);
            boolean changed = false;
            for (CampaignId fired : eval.fired()) {
                Campaign campaign = byId.get(fired);
                if (campaign != null && campaign.limits().total().isPresent() && !c.setup()
                        && !budget.take(c.context().brand(), fired, key, campaign.limits().total().get())) {
                    exhausted.add(fired);
                    changed = true;
                }
            }
            if (!changed) {
                return eval;
            }
        }
        throw new IllegalStateException("campaign budgets did not settle");
    }

    private Outcome<List<Coupon>> presented(CheckoutCommand c, Instant now) {
        if (c.coupons().isEmpty()) {
            return Outcome.accepted(List.of());
        }
        if (c.coupons().size() > CouponPort.MAX_BATCH) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "at most " + CouponPort.MAX_BATCH + " coupons per checkout");
        }
        Map<CouponCode, Coupon> found = coupons.findAll(c.context().brand(), c.coupons());
        List<Coupon> out = new ArrayList<>();
        for (CouponCode code : c.coupons()) {
            Coupon coupon = found.get(code);
            if (coupon == null) {
                return Outcome.rejected(Reason.COUPON_NOT_FOUND, "no coupon " + code);
            }
            Optional<Rejection> problem = CouponRules.check(coupon, c.card(), now);
            if (problem.isPresent()) {
                return Outcome.rejected(problem.get());
            }
            out.add(coupon);
        }
        return Outcome.accepted(out);
    }

    private static List<PresentedCoupon> presentedCoupons(List<Coupon> presented) {
        return presented.stream().map(k -> new PresentedCoupon(k.code(), k.set(), k.tags())).toList();
    }

    private CardFacts cardFacts(Card card, CardState state, Instant now, Map<SegmentId, Boolean> memberships) {
        Map<ValueTypeKey, ValueType> types = valueTypes(card);
        Map<ValueTypeKey, Long> balances = new HashMap<>();
        state.balances().forEach((k, b) -> balances.put(k, b.spendable(now)));
        Map<CampaignId, CardFacts.Fired> fires = new HashMap<>();
        state.checkouts().fires().forEach((id, f) -> fires.put(new CampaignId(id),
                new CardFacts.Fired(f.total(), f.recent().stream().map(CheckoutStats.Fire::at).toList())));
        return new CardFacts(card.number(), card.program(), card.cardSet(), card.enrolled() || state.enrolledAt().isPresent(),
                balances, types, state.checkouts().count(), fires, memberships);
    }

    private Map<ValueTypeKey, ValueType> valueTypes(Card card) {
        Map<ValueTypeKey, ValueType> types = new HashMap<>();
        programs.catalogue(card.brand()).valueTypes().stream().filter(v -> v.program().equals(card.program()))
                .forEach(v -> types.put(v.key(), v));
        return types;
    }

    private static Outcome<Map<ValueTypeKey, Long>> redemptions(List<Redemption> redemptions, Map<ValueTypeKey, ValueType> types) {
        Map<ValueTypeKey, Long> out = new LinkedHashMap<>();
        for (Redemption r : redemptions) {
            ValueType type = types.get(r.key());
            if (type == null) {
                return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, r.key() + " is not a value type of the card's program");
            }
            Optional<Long> minor = DecimalAmounts.toMinor(r.amount(), type.scale()).filter(m -> m > 0);
            if (minor.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_AMOUNT, "a redemption of " + r.key() + " is a positive amount with at most "
                        + type.scale() + " decimals");
            }
            out.merge(r.key(), minor.get(), Long::sum);
        }
        return Outcome.accepted(out);
    }

    private static CheckoutFacts facts(String key, CheckoutFacts.Stage stage, Optional<Instant> until, Basket basket,
                                       CheckoutConfig config, Evaluation eval, Map<ValueTypeKey, Long> redemptions,
                                       List<String> used, List<String> awarded, List<String> messages) {
        List<CheckoutFacts.Mutation> mutations = new ArrayList<>();
        redemptions.forEach((k, v) -> mutations.add(new CheckoutFacts.Mutation(k, -v, CheckoutFacts.Kind.REDEEM)));
        eval.balanceChanges().forEach((k, v) -> {
            if (v != 0) {
                mutations.add(new CheckoutFacts.Mutation(k, v, CheckoutFacts.Kind.EARN));
            }
        });
        int scale = config.currency().defaultScale();
        for (Evaluation.Discount d : eval.discounts()) {
            long minor = d.amount().setScale(scale, RoundingMode.HALF_UP).movePointRight(scale).longValueExact();
            if (minor != 0) {
                mutations.add(new CheckoutFacts.Mutation(config.currency(), -minor, CheckoutFacts.Kind.DISCOUNT));
            }
        }
        List<CheckoutFacts.Explained> explained = eval.explanations().stream()
                .map(x -> new CheckoutFacts.Explained(x.campaign().value(), x.fired(), CheckoutFacts.shortened(x.failed())))
                .toList();
        Map<CampaignId, Campaign> byId = new HashMap<>();
        config.campaigns().forEach(k -> byId.put(k.id(), k));
        List<CheckoutFacts.PerCardFire> perCard = eval.fired().stream()
                .filter(id -> byId.containsKey(id) && byId.get(id).limits().perCardLimited())
                .map(id -> new CheckoutFacts.PerCardFire(id.value(), byId.get(id).limits().firingsToKeep())).toList();
        List<CheckoutFacts.Line> lines = basket.lines().stream()
                .map(l -> new CheckoutFacts.Line(l.sku(), l.quantity(), l.unitPrice())).toList();
        return new CheckoutFacts(key, stage, until, lines, basket.checkoutTotal(), eval.totalDiscount(), mutations, used, awarded,
                explained, CheckoutFacts.shown(messages), perCard);
    }

    private CheckoutResult result(LedgerEntry entry, CardState state, boolean replayed) {
        return new CheckoutResult(entry.transactionId(), Optional.of(entry.card()), entry.posting().checkout().orElseThrow(),
                Optional.of(state), entry.time(), entry.posting().origin().location().map(Object::toString), replayed,
                entry.posting().related());
    }

    private TransactionId anonymousId(Instant now) {
        StringBuilder digits = new StringBuilder(ZeroPadded.of(now.toEpochMilli(), 13));
        for (int i = 0; i < ANONYMOUS_ID_LENGTH - 13; i++) {
            digits.append(random.nextInt(10));
        }
        return new TransactionId(digits.toString());
    }

    private String nonce() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Rejection rejection(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection();
    }
}
