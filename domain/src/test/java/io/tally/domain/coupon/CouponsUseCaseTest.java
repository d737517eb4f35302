package io.tally.domain.coupon;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.OTHER_BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponsUseCase.AllocateCouponCommand;
import io.tally.domain.coupon.CouponsUseCase.UpdateCouponCommand;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CouponsUseCaseTest {
    private static final CouponSetId SET = new CouponSetId("spring");
    private final TestWorld w = new TestWorld();
    private final InMemoryCouponPort store = new InMemoryCouponPort();
    /** Crashes the next N coupon writes right after they are stored (the write happened; the caller never learns). */
    private final AtomicInteger crashAfterWrites = new AtomicInteger();
    private final AtomicInteger conflictsToInject = new AtomicInteger();
    private final CouponPort coupons = new FaultyCoupons();
    private final CheckoutConfigPort configs = brand -> new CheckoutConfig(brand, TestWorld.USD, ZoneId.of("UTC"),
            List.of(new CouponSet(brand, SET, "Spring", Optional.empty(), Optional.empty())), Map.of(), List.of());
    private final CouponsUseCase useCase = new CouponsUseCase(coupons, w.cards, configs, w.random, w.clock,
            RetryPolicy.of(3, Backoff.NONE));

    private static Reason reason(Outcome<?> o) {
        assertTrue(o instanceof Outcome.Rejected<?>, "expected a rejection, got " + o);
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    private Coupon stock(BrandId brand, String code) {
        Coupon c = Coupon.fresh(brand, new CouponCode(code), SET, Set.of(), Set.of("printed"), Optional.empty(), Optional.empty());
        assertTrue(store.create(c));
        return c;
    }

    private void stock(int n) {
        for (int i = 0; i < n; i++) {
            stock(BRAND, String.format("SPR-%04d", i));
        }
    }

    private Outcome<Coupon> allocate(CardNumber card, Set<String> tags) {
        return useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, tags, Optional.empty()));
    }

    private Outcome<Coupon> update(String code, Optional<Set<String>> tags, Optional<Set<CardNumber>> cards, Optional<Boolean> used) {
        return useCase.update(new UpdateCouponCommand(TestWorld.context(), new CouponCode(code), tags, cards, used));
    }

    private Coupon stored(String code) {
        return store.find(BRAND, new CouponCode(code)).orElseThrow();
    }

    @Test
    void allocating_hands_a_pool_coupon_to_the_card_with_the_tags_added() {
        stock(BRAND, "SPR-0001");
        CardNumber card = w.activeCard();

        Coupon c = allocate(card, Set.of("welcome")).value();

        assertEquals(Set.of(card), c.cards());
        assertEquals(Set.of("printed", "welcome"), c.tags());
        assertEquals(Optional.of(TestWorld.START), c.allocatedAt());
        assertEquals(c, stored("SPR-0001"));
        assertEquals(Reason.COUPON_SET_EXHAUSTED, reason(allocate(w.activeCard(), Set.of())));
    }

    @Test
    void allocating_needs_a_known_set_and_an_active_card_of_the_brand() {
        stock(1);
        CardNumber card = w.activeCard();
        assertEquals(Reason.UNKNOWN_COUPON_SET, reason(useCase.allocate(new AllocateCouponCommand(TestWorld.context(),
                new CouponSetId("autumn"), card, Set.of(), Optional.empty()))));
        assertEquals(Reason.CARD_NOT_FOUND, reason(allocate(w.activeCard(OTHER_BRAND), Set.of())));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(allocate(w.poolCard(BRAND), Set.of())));
        assertEquals(Reason.INVALID_REQUEST, reason(allocate(card, Set.of("no/slash"))));
        assertTrue(stored("SPR-0000").inPool(), "nothing was allocated by the refused calls");
    }

    @Test
    void allocating_skips_coupons_claimed_by_a_checkout_in_progress_and_expired_ones() {
        Coupon claimed = stock(BRAND, "SPR-0001");
        store.update(claimed.with(Set.of(), claimed.tags(), Optional.empty(), Optional.empty(), Optional.of(
                new Coupon.Claim("chk-1", Optional.empty(), 0, Coupon.Purpose.ALLOCATE, TestWorld.START.plusSeconds(30)))));
        store.create(Coupon.fresh(BRAND, new CouponCode("SPR-0002"), SET, Set.of(), Set.of(), Optional.empty(),
                Optional.of(TestWorld.START)));
        stock(BRAND, "SPR-0003");

        assertEquals(new CouponCode("SPR-0003"), allocate(w.activeCard(), Set.of()).value().code());
        assertEquals(Reason.COUPON_SET_EXHAUSTED, reason(allocate(w.activeCard(), Set.of())));
    }

    @Test
    void a_coupon_under_a_lapsed_claim_is_not_handed_out_since_its_checkout_may_have_committed() {
        Coupon claimed = stock(BRAND, "SPR-0001");
        // a checkout claimed it as a reward for card 1's entry 1, committed, and died before finalising; the lease is over
        store.update(claimed.with(Set.of(), claimed.tags(), Optional.empty(), Optional.empty(), Optional.of(
                new Coupon.Claim("co:ACME:died", Optional.of(w.activeCard()), 1, Coupon.Purpose.ALLOCATE,
                        TestWorld.START.minusSeconds(1)))));

        assertEquals(Reason.COUPON_SET_EXHAUSTED, reason(allocate(w.activeCard(), Set.of())),
                "only the checkout side, which reads the ledger, may resolve a claim");
        assertTrue(stored("SPR-0001").claim().isPresent());
    }

    @Test
    void twenty_concurrent_allocations_from_a_set_of_ten_hand_out_ten_distinct_coupons() throws Exception {
        stock(10);
        List<CardNumber> cards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cards.add(w.activeCard());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<Coupon>>> results = new ArrayList<>();
        try {
            for (CardNumber card : cards) {
                results.add(pool.submit(() -> {
                    start.await();
                    return allocate(card, Set.of());
                }));
            }
            start.countDown();
            Set<CouponCode> codes = new HashSet<>();
            int exhausted = 0;
            for (Future<Outcome<Coupon>> f : results) {
                Outcome<Coupon> o = f.get(30, TimeUnit.SECONDS);
                if (o.isAccepted()) {
                    codes.add(o.value().code());
                } else {
                    assertEquals(Reason.COUPON_SET_EXHAUSTED, reason(o));
                    exhausted++;
                }
            }
            assertEquals(10, codes.size());
            assertEquals(10, exhausted);
            Set<CardNumber> owners = new HashSet<>();
            for (CouponCode code : codes) {
                owners.addAll(store.find(BRAND, code).orElseThrow().cards());
            }
            assertEquals(10, owners.size(), "each coupon went to the one card that won it");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_retry_after_a_crash_behind_the_coupon_write_answers_the_same_coupon() {
        stock(5);
        CardNumber card = w.activeCard();
        Checkpoint checkpoint = new Checkpoint();
        crashAfterWrites.set(1);
        assertThrows(Crash.class, () -> useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(),
                Optional.of(checkpoint))));
        w.clock.advance(Duration.ofMinutes(5));

        Coupon again = useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(), Optional.of(checkpoint))).value();

        assertEquals(checkpoint.choice.code(), again.code());
        assertEquals(1, store.ofCard(BRAND, card).size(), "one coupon, not two");
    }

    @Test
    void a_retry_after_a_crash_before_the_coupon_write_allocates_the_chosen_coupon() {
        stock(5);
        CardNumber card = w.activeCard();
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.crashAfterRecord = true;
        assertThrows(Crash.class, () -> useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(),
                Optional.of(checkpoint))));
        assertEquals(0, store.ofCard(BRAND, card).size());

        Coupon again = useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(), Optional.of(checkpoint))).value();

        assertEquals(checkpoint.choice.code(), again.code());
        assertEquals(checkpoint.choice.allocatedAt(), again.allocatedAt().orElseThrow());
        assertEquals(List.of(again), store.ofCard(BRAND, card));
    }

    @Test
    void a_retry_whose_chosen_coupon_went_elsewhere_allocates_another() {
        stock(2);
        CardNumber card = w.activeCard();
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.crashAfterRecord = true;
        assertThrows(Crash.class, () -> useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(),
                Optional.of(checkpoint))));
        CouponCode chosen = checkpoint.choice.code();
        update(chosen.value(), Optional.empty(), Optional.of(Set.of(w.activeCard())), Optional.empty()).value();

        Coupon again = useCase.allocate(new AllocateCouponCommand(TestWorld.context(), SET, card, Set.of(), Optional.of(checkpoint))).value();

        assertTrue(!again.code().equals(chosen));
        assertEquals(List.of(again), store.ofCard(BRAND, card));
    }

    @Test
    void lookup_of_another_brands_coupon_is_not_found_like_an_unknown_code() {
        stock(OTHER_BRAND, "OTH-0001");
        assertEquals(Reason.COUPON_NOT_FOUND, reason(useCase.lookup(TestWorld.context(), new CouponCode("OTH-0001"))));
        assertEquals(Reason.COUPON_NOT_FOUND, reason(useCase.lookup(TestWorld.context(), new CouponCode("NONE-0001"))));
        assertEquals(new CouponCode("OTH-0001"), useCase.lookup(TestWorld.context(OTHER_BRAND), new CouponCode("oth-0001")).value().code());
    }

    @Test
    void update_sets_tags_cards_and_used_and_unmarks_an_api_usage() {
        stock(1);
        CardNumber a = w.activeCard();
        CardNumber b = w.activeCard();

        Coupon c = update("SPR-0000", Optional.of(Set.of("vip")), Optional.of(Set.of(a, b)), Optional.of(true)).value();

        assertEquals(Set.of("vip"), c.tags());
        assertEquals(Set.of(a, b), c.cards());
        assertEquals(new Coupon.Usage(TestWorld.START, Optional.empty(), Optional.empty()), c.used().orElseThrow());
        assertEquals(c, stored("SPR-0000"));
        assertEquals(List.of(c), useCase.ofCard(TestWorld.context(), a).value());

        w.clock.advance(Duration.ofHours(1));
        assertEquals(TestWorld.START, update("SPR-0000", Optional.empty(), Optional.empty(), Optional.of(true)).value()
                .used().orElseThrow().at(), "marking a used coupon used again keeps its usage");
        Coupon unmarked = update("SPR-0000", Optional.empty(), Optional.of(Set.of()), Optional.of(false)).value();
        assertEquals(Optional.empty(), unmarked.used());
        assertEquals(Set.of(), unmarked.cards());
        assertEquals(Set.of("vip"), unmarked.tags());
    }

    @Test
    void update_refuses_unknown_cards_bad_tags_and_a_coupon_used_by_a_checkout() {
        Coupon c = stock(BRAND, "SPR-0001");
        assertEquals(Reason.CARD_NOT_FOUND, reason(update("SPR-0001", Optional.empty(), Optional.of(Set.of(w.activeCard(OTHER_BRAND))),
                Optional.empty())));
        assertEquals(Reason.INVALID_REQUEST, reason(update("SPR-0001", Optional.of(Set.of("")), Optional.empty(), Optional.empty())));
        assertEquals(Reason.COUPON_NOT_FOUND, reason(update("NONE-0001", Optional.empty(), Optional.empty(), Optional.of(true))));
        store.update(c.with(c.cards(), c.tags(), Optional.empty(), Optional.of(new Coupon.Usage(TestWorld.START,
                Optional.of(new TransactionId("1735689600000")), Optional.empty())), Optional.empty()));

        Outcome<Coupon> refused = update("SPR-0001", Optional.empty(), Optional.empty(), Optional.of(false));

        assertEquals(Reason.INVALID_REQUEST, reason(refused));
        assertTrue(((Outcome.Rejected<Coupon>) refused).rejection().detail().contains("void the checkout instead"));
    }

    @Test
    void update_of_a_coupon_claimed_by_a_checkout_in_progress_is_coupon_in_use_until_the_claim_lapses() {
        Coupon c = stock(BRAND, "SPR-0001");
        Coupon.Claim claim = new Coupon.Claim("chk-1", Optional.empty(), 0, Coupon.Purpose.USE, TestWorld.START.plusSeconds(30));
        store.update(c.with(c.cards(), c.tags(), Optional.empty(), Optional.empty(), Optional.of(claim)));

        assertEquals(Reason.COUPON_IN_USE, reason(update("SPR-0001", Optional.of(Set.of("x")), Optional.empty(), Optional.empty())));
        w.clock.advance(Duration.ofSeconds(30));
        Coupon changed = update("SPR-0001", Optional.of(Set.of("x")), Optional.empty(), Optional.empty()).value();
        assertEquals(Optional.of(claim), changed.claim(), "a lapsed claim is the checkout's to settle: carried over");
    }

    @Test
    void update_retries_a_lost_race_and_answers_contended_when_it_keeps_losing() {
        stock(1);
        conflictsToInject.set(2);
        assertEquals(Set.of("a"), update("SPR-0000", Optional.of(Set.of("a")), Optional.empty(), Optional.empty()).value().tags());
        conflictsToInject.set(3);
        assertEquals(Reason.CONTENDED, reason(update("SPR-0000", Optional.of(Set.of("b")), Optional.empty(), Optional.empty())));
    }

    @Test
    void a_cards_coupons_need_a_card_of_the_brand() {
        assertEquals(Reason.CARD_NOT_FOUND, reason(useCase.ofCard(TestWorld.context(), w.activeCard(OTHER_BRAND))));
        assertEquals(List.of(), useCase.ofCard(TestWorld.context(), w.activeCard()).value());
    }

    /** The request's checkpoint as the API keeps it in its claim; optionally the process dies right after recording. */
    private static final class Checkpoint implements CouponCheckpoint {
        volatile Choice choice;
        volatile boolean crashAfterRecord;

        @Override
        public Optional<Choice> previous() {
            return Optional.ofNullable(choice);
        }

        @Override
        public void record(Choice c) {
            choice = c;
            if (crashAfterRecord) {
                crashAfterRecord = false;
                throw new Crash("after recording the chosen coupon");
            }
        }
    }

    /** The in-memory store with injected faults on {@code update}: a crash after the write, or a lost race before it. */
    private final class FaultyCoupons implements CouponPort {
        @Override
        public Optional<Coupon> find(BrandId brand, CouponCode code) {
            return store.find(brand, code);
        }

        @Override
        public Map<CouponCode, Coupon> findAll(BrandId brand, Collection<CouponCode> codes) {
            return store.findAll(brand, codes);
        }

        @Override
        public boolean create(Coupon coupon) {
            return store.create(coupon);
        }

        @Override
        public List<CouponCode> createAll(List<Coupon> batch) {
            return store.createAll(batch);
        }

        @Override
        public WriteOutcome update(Coupon changed) {
            if (conflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return WriteOutcome.CONFLICT;
            }
            WriteOutcome outcome = store.update(changed);
            if (crashAfterWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new Crash("after the coupon write");
            }
            return outcome;
        }

        @Override
        public List<Coupon> pool(BrandId brand, CouponSetId set, int limit) {
            return store.pool(brand, set, limit);
        }

        @Override
        public List<Coupon> ofCard(BrandId brand, CardNumber card) {
            return store.ofCard(brand, card);
        }

        @Override
        public long countInSet(BrandId brand, CouponSetId set) {
            return store.countInSet(brand, set);
        }
    }
}
