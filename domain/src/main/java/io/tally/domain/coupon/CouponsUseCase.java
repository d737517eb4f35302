package io.tally.domain.coupon;

import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.MerchantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merchant's coupon operations: hand a coupon of a set's pool to a card, look a coupon up, change its tags, card
 * restriction and used flag, and list a card's coupons. Every change is one conditional write of the coupon (its
 * version), so a change never overwrites a concurrent one: an allocation that loses the race tries another coupon, an
 * update reads again and decides again. A coupon a checkout has claimed ({@link Coupon#claimedAt}) is left alone.
 */
public final class CouponsUseCase {
    /**
     * Pool reads per allocation: each read whose candidates were all taken by others proves that many allocations
     * succeeded, so a few rounds absorb both contention and an index that lags behind.
     */
    static final int POOL_ROUNDS = 5;
    /** Candidates per pool read; allocations start at a random one of them so that concurrent ones spread out. */
    static final int POOL_PAGE = 20;

    private final CouponPort coupons;
    private final CardPort cards;
    private final CheckoutConfigPort configs;
    private final RandomSource random;
    private final Clock clock;
    private final RetryPolicy retry;

    public CouponsUseCase(CouponPort coupons, CardPort cards, CheckoutConfigPort configs, RandomSource random, Clock clock,
                          RetryPolicy retry) {
        this.coupons = coupons;
        this.cards = cards;
        this.configs = configs;
        this.random = random;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * Allocate a coupon of {@code set} to {@code card}, adding {@code tags} to the coupon's own. {@code checkpoint}:
     * present when the allocation must happen once across retries (a customRequestId).
     */
    public record AllocateCouponCommand(MerchantContext context, CouponSetId set, CardNumber card, Set<String> tags,
                                        Optional<CouponCheckpoint> checkpoint) {
        public AllocateCouponCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(card, "card");
            tags = Set.copyOf(tags);
            Objects.requireNonNull(checkpoint, "checkpoint");
        }
    }

    /** Each present field replaces the coupon's: its tags, its card restriction (empty: anyone), used or not. */
    public record UpdateCouponCommand(MerchantContext context, CouponCode code, Optional<Set<String>> tags,
                                      Optional<Set<CardNumber>> cards, Optional<Boolean> used) {
        public UpdateCouponCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(code, "code");
            tags = tags.map(Set::copyOf);
            cards = cards.map(Set::copyOf);
            Objects.requireNonNull(used, "used");
        }
    }

    public Outcome<Coupon> allocate(AllocateCouponCommand c) {
        BrandId brand = c.context().brand();
        Optional<Rejection> invalid = checkTags(c.tags());
        if (invalid.isPresent()) {
            return Outcome.rejected(invalid.get());
        }
        if (configs.load(brand).couponSet(c.set()).isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_COUPON_SET, "no coupon set " + c.set());
        }
        Optional<Rejection> cardProblem = activeCard(brand, c.card());
        if (cardProblem.isPresent()) {
            return Outcome.rejected(cardProblem.get());
        }
        Instant now = now();
        Optional<CouponCheckpoint.Choice> previous = c.checkpoint().flatMap(CouponCheckpoint::previous);
        if (previous.isPresent()) {
            Optional<Outcome<Coupon>> resumed = resume(c, previous.get(), now);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        for (int round = 0; round < POOL_ROUNDS; round++) {
            List<Coupon> candidates = coupons.pool(brand, c.set(), POOL_PAGE).stream().filter(p -> free(p, now)).toList();
            if (candidates.isEmpty()) {
                break;
            }
            int start = random.nextInt(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                Optional<Outcome<Coupon>> won = tryAllocate(candidates.get((start + i) % candidates.size()), c, now);
                if (won.isPresent()) {
                    return won.get();
                }
            }
        }
        return Outcome.rejected(Reason.COUPON_SET_EXHAUSTED, "no unallocated coupons left in coupon set " + c.set());
    }

    /** The coupon; one of another brand is not found, exactly like an unknown code. */
    public Outcome<Coupon> lookup(MerchantContext context, CouponCode code) {
        return coupons.find(context.brand(), code).<Outcome<Coupon>>map(Outcome::accepted).orElseGet(CouponsUseCase::notFound);
    }

    /** The coupons restricted to the card (at most {@link CouponPort#MAX_RESULTS}). */
    public Outcome<List<Coupon>> ofCard(MerchantContext context, CardNumber card) {
        if (cards.load(context.brand(), card).isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        return Outcome.accepted(coupons.ofCard(context.brand(), card));
    }

    /** The coupons restricted to a card the caller has already loaded in the caller's brand (search's returnFields). */
    public List<Coupon> ofCard(MerchantContext context, Card card) {
        if (!card.brand().equals(context.brand())) {
            throw new IllegalArgumentException("a card of another brand");
        }
        return coupons.ofCard(card.brand(), card.number());
    }

    public Outcome<Coupon> update(UpdateCouponCommand c) {
        BrandId brand = c.context().brand();
        Optional<Rejection> invalid = c.tags().flatMap(CouponsUseCase::checkTags).or(() -> checkCards(brand, c.cards()));
        if (invalid.isPresent()) {
            return Outcome.rejected(invalid.get());
        }
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Instant now = now();
            Optional<Coupon> stored = coupons.find(brand, c.code());
            if (stored.isEmpty()) {
                return notFound();
            }
            if (stored.get().claimedAt(now)) {
                return Outcome.rejected(Reason.COUPON_IN_USE, "coupon " + c.code() + " is being used by a checkout");
            }
            Outcome<Coupon> changed = changed(stored.get(), c, now);
            if (!changed.isAccepted() || sameContent(stored.get(), changed.value())) {
                return changed.isAccepted() ? Outcome.accepted(stored.get()) : changed;
            }
            switch (coupons.update(changed.value())) {
                case WRITTEN:
                    return changed;
                case NOT_FOUND:
                    return notFound();
                case CONFLICT:
                    if (attempt < retry.maxAttempts()) {
                        retry.backoff().pause(attempt);
                    }
                    break;
                default:
                    throw new IllegalStateException("unexpected write outcome");
            }
        }
        return Outcome.rejected(Reason.CONTENDED, "coupon " + c.code() + " is busy; retry the request");
    }

    /**
     * The coupon as the command changes it. Marking used records a usage by the API (no transaction, no card); a
     * coupon used by a checkout is unmarked only by voiding that checkout, which also takes back what it gave. A lapsed
     * claim is carried over untouched: whether its checkout committed is for the checkout to settle.
     */
    static Outcome<Coupon> changed(Coupon stored, UpdateCouponCommand c, Instant now) {
        Optional<Coupon.Usage> used = stored.used();
        if (c.used().equals(Optional.of(true)) && used.isEmpty()) {
            used = Optional.of(new Coupon.Usage(now, Optional.empty(), Optional.empty()));
        } else if (c.used().equals(Optional.of(false)) && used.isPresent()) {
            if (used.get().transactionId().isPresent()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "coupon " + stored.code() + " is used by checkout "
                        + used.get().transactionId().get() + "; void the checkout instead");
            }
            used = Optional.empty();
        }
        return Outcome.accepted(stored.with(c.cards().orElse(stored.cards()), c.tags().orElse(stored.tags()),
                stored.allocatedAt(), used, stored.claim()));
    }

    private static boolean sameContent(Coupon a, Coupon b) {
        return a.cards().equals(b.cards()) && a.tags().equals(b.tags()) && a.used().equals(b.used());
    }

    /**
     * Finishes the allocation an earlier attempt of this request chose: its coupon already went to the card (that
     * attempt wrote it) or is still in the pool (it did not get that far). Empty when the coupon went elsewhere since:
     * then this request allocates afresh.
     */
    private Optional<Outcome<Coupon>> resume(AllocateCouponCommand c, CouponCheckpoint.Choice choice, Instant now) {
        Optional<Coupon> stored = coupons.find(c.context().brand(), choice.code());
        if (stored.isEmpty() || !stored.get().set().equals(c.set())) {
            return Optional.empty();
        }
        if (ours(stored.get(), c.card(), choice.allocatedAt())) {
            return Optional.of(Outcome.accepted(stored.get()));
        }
        if (!free(stored.get(), now)) {
            return Optional.empty();
        }
        return tryAllocate(stored.get(), c, choice.allocatedAt());
    }

    /**
     * The allocation of this candidate, a rejection, or empty when someone else changed the coupon first (the caller
     * tries the next). The choice is recorded before the write, so a retry after a crash finds it.
     */
    private Optional<Outcome<Coupon>> tryAllocate(Coupon candidate, AllocateCouponCommand c, Instant allocatedAt) {
        Set<String> tags = new TreeSet<>(candidate.tags());
        tags.addAll(c.tags());
        if (tags.size() > Coupon.MAX_TAGS) {
            return Optional.of(Outcome.rejected(Reason.INVALID_REQUEST, "coupon " + candidate.code() + " would carry more than "
                    + Coupon.MAX_TAGS + " tags"));
        }
        Coupon allocated = candidate.with(Set.of(c.card()), tags, Optional.of(allocatedAt), candidate.used(), Optional.empty());
        c.checkpoint().ifPresent(k -> k.record(new CouponCheckpoint.Choice(candidate.code(), allocatedAt)));
        if (coupons.update(allocated) == CouponPort.WriteOutcome.WRITTEN) {
            return Optional.of(Outcome.accepted(allocated));
        }
        if (c.checkpoint().isEmpty()) {
            return Optional.empty();
        }
        // Another attempt of this same request (a retry that took over) may have finished this very choice first.
        return coupons.find(candidate.brand(), candidate.code()).filter(s -> ours(s, c.card(), allocatedAt))
                .map(Outcome::accepted);
    }

    private static boolean ours(Coupon coupon, CardNumber card, Instant allocatedAt) {
        return coupon.cards().contains(card) && coupon.allocatedAt().equals(Optional.of(allocatedAt));
    }

    /**
     * Can be handed out now: in the pool, not claimed by a checkout (even a lapsed claim: its checkout may have committed;
     * only the checkout side, which reads the ledger, resolves it), not past its validity.
     */
    private static boolean free(Coupon coupon, Instant now) {
        return coupon.inPool() && coupon.claim().isEmpty() && coupon.validTo().map(now::isBefore).orElse(true);
    }

    private Optional<Rejection> activeCard(BrandId brand, CardNumber number) {
        Optional<Card> card = cards.load(brand, number);
        if (card.isEmpty()) {
            return Optional.of(Rejection.of(Reason.CARD_NOT_FOUND, "Could not find the specified card."));
        }
        if (card.get().status() != CardStatus.ACTIVE) {
            return Optional.of(Rejection.of(Reason.CARD_NOT_ACTIVE, "Could not find the account that goes with the specified card."));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkTags(Set<String> tags) {
        if (tags.size() > Coupon.MAX_TAGS) {
            return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "a coupon has at most " + Coupon.MAX_TAGS + " tags"));
        }
        if (!tags.stream().allMatch(Coupon::validTag)) {
            return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "a coupon tag is 1-64 letters, digits, '_', '.', '-' or ' '"));
        }
        return Optional.empty();
    }

    /** At most {@link Coupon#MAX_CARDS} cards, each a card of the brand. */
    private Optional<Rejection> checkCards(BrandId brand, Optional<Set<CardNumber>> restriction) {
        if (restriction.isEmpty()) {
            return Optional.empty();
        }
        if (restriction.get().size() > Coupon.MAX_CARDS) {
            return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "a coupon is restricted to at most " + Coupon.MAX_CARDS + " cards"));
        }
        List<CardNumber> unknown = new ArrayList<>();
        for (CardNumber n : new TreeSet<>(restriction.get())) {
            if (cards.load(brand, n).isEmpty()) {
                unknown.add(n);
            }
        }
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of(Rejection.of(Reason.CARD_NOT_FOUND, "Could not find the specified card " + unknown.get(0) + "."));
    }

    private static <T> Outcome<T> notFound() {
        return Outcome.rejected(Reason.COUPON_NOT_FOUND, "Could not find the specified coupon.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
