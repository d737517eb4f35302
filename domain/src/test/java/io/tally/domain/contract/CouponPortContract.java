package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponPort.WriteOutcome;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@link CouponPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CouponPortContract {
    protected abstract CouponPort port();

    /** How long the pool index may lag in this implementation. */
    protected Duration indexLag() {
        return Duration.ofSeconds(5);
    }

    private static final Instant T0 = ContractData.T0;
    private final BrandId brand = ContractData.freshBrand();
    private final CouponSetId set = new CouponSetId("spring");

    private Coupon fresh(String code, CardNumber... cards) {
        return Coupon.fresh(brand, new CouponCode(code), set, Set.of(cards), Set.of("promo", "10 off"),
                Optional.of(T0), Optional.of(T0.plus(Duration.ofDays(30))));
    }

    private Coupon stored(String code, CardNumber... cards) {
        Coupon c = fresh(code, cards);
        assertTrue(port().create(c));
        return c;
    }

    private static Coupon allocated(Coupon c, CardNumber card) {
        return c.with(Set.of(card), c.tags(), Optional.of(T0.plusSeconds(60)), c.used(), Optional.empty());
    }

    private static Coupon withCards(Coupon c, CardNumber... cards) {
        return c.with(Set.of(cards), c.tags(), c.allocatedAt(), c.used(), c.claim());
    }

    @Test
    void a_created_coupon_reads_back_exactly_and_its_code_is_taken_once() {
        Coupon c = stored("SPRING-0001");
        Coupon minimal = Coupon.fresh(brand, new CouponCode("bare-1"), set, Set.of(), Set.of(), Optional.empty(),
                Optional.empty());
        assertTrue(port().create(minimal));

        assertEquals(Optional.of(c), port().find(brand, new CouponCode("spring-0001")), "codes ignore case");
        assertEquals(Optional.of(minimal), port().find(brand, minimal.code()));
        assertFalse(port().create(c));
        assertFalse(port().create(Coupon.fresh(brand, c.code(), new CouponSetId("other"), Set.of(), Set.of(),
                Optional.empty(), Optional.empty())), "a code is unique in the brand, whatever the set");
        assertEquals(Map.of(c.code(), c, minimal.code(), minimal),
                port().findAll(brand, List.of(c.code(), minimal.code(), new CouponCode("NOPE-0000"))));
        assertTrue(port().find(brand, new CouponCode("NOPE-0000")).isEmpty());
    }

    @Test
    void another_brand_neither_sees_nor_changes_a_coupon() {
        Coupon mine = stored("SHARED-CODE");
        BrandId other = ContractData.freshBrand();
        Coupon theirs = Coupon.fresh(other, mine.code(), set, Set.of(), Set.of(), Optional.empty(), Optional.empty());

        assertTrue(port().find(other, mine.code()).isEmpty());
        assertTrue(port().findAll(other, List.of(mine.code())).isEmpty());
        assertEquals(WriteOutcome.NOT_FOUND, port().update(theirs.with(Set.of(), Set.of("x"), Optional.empty(),
                Optional.empty(), Optional.empty())));
        assertTrue(port().create(theirs), "codes are unique within a brand only");
        assertEquals(Optional.of(mine), port().find(brand, mine.code()), "the owner's coupon is untouched");
        assertEquals(Optional.of(theirs), port().find(other, mine.code()));
        assertEquals(1L, eventually(() -> port().countInSet(other, set), n -> n == 1));
    }

    @Test
    void every_field_round_trips_through_updates() {
        CardNumber card = ContractData.freshCard();
        Coupon c = stored("FULL-0001");
        Coupon claimed = c.with(Set.of(card), Set.of("vip"), Optional.of(T0.plusMillis(1)), Optional.empty(),
                Optional.of(new Coupon.Claim("checkout-ü-1", Optional.of(card), 42, Coupon.Purpose.ALLOCATE,
                        T0.plusSeconds(30))));
        Coupon used = claimed.with(claimed.cards(), claimed.tags(), claimed.allocatedAt(),
                Optional.of(new Coupon.Usage(T0.plusSeconds(5), Optional.of(new TransactionId("1234567890123")),
                        Optional.of(card))), Optional.empty());
        Coupon anonymous = stored("ANON-0001").with(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.of(new Coupon.Claim("k", Optional.empty(), 0, Coupon.Purpose.USE, T0)));
        Coupon markedUsed = anonymous.with(Set.of(), Set.of(), Optional.empty(),
                Optional.of(new Coupon.Usage(T0, Optional.empty(), Optional.empty())), Optional.empty());

        assertEquals(WriteOutcome.WRITTEN, port().update(claimed));
        assertEquals(Optional.of(claimed), port().find(brand, c.code()));
        assertEquals(WriteOutcome.WRITTEN, port().update(used));
        assertEquals(Optional.of(used), port().find(brand, c.code()));
        assertEquals(WriteOutcome.WRITTEN, port().update(anonymous));
        assertEquals(Optional.of(anonymous), port().find(brand, anonymous.code()));
        assertEquals(WriteOutcome.WRITTEN, port().update(markedUsed));
        assertEquals(Optional.of(markedUsed), port().find(brand, anonymous.code()));
    }

    @Test
    void create_all_writes_the_free_codes_and_answers_the_taken_ones() {
        Coupon old = stored("BULK-0002");
        List<Coupon> batch = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            batch.add(fresh(String.format("BULK-%04d", i)));
        }
        batch.add(fresh("BULK-0007"));

        List<CouponCode> taken = port().createAll(batch);

        assertEquals(Set.of(old.code(), new CouponCode("BULK-0007")), Set.copyOf(taken));
        assertEquals(2, taken.size(), "one report per refused coupon");
        assertEquals(30, port().findAll(brand, batch.stream().map(Coupon::code).toList()).size());
        assertEquals(List.of(batch.get(0).code()), port().createAll(List.of(batch.get(0))), "a retry finds it taken");
        assertEquals(List.of(), port().createAll(List.of()));
    }

    @Test
    void updates_are_conditional_on_the_version() {
        Coupon c = stored("VERSION-01");
        Coupon mine = c.with(Set.of(), Set.of("mine"), Optional.empty(), Optional.empty(), Optional.empty());
        Coupon yours = c.with(Set.of(), Set.of("yours"), Optional.empty(), Optional.empty(), Optional.empty());

        assertEquals(WriteOutcome.CONFLICT, port().update(mine.with(Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty())), "skips a version");
        assertEquals(WriteOutcome.WRITTEN, port().update(mine));
        assertEquals(WriteOutcome.CONFLICT, port().update(yours), "two updates from one read: the second loses");
        assertEquals(Optional.of(mine), port().find(brand, c.code()));
        assertEquals(WriteOutcome.NOT_FOUND, port().update(fresh("NEVER-STORED").with(Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @Test
    void of_twenty_concurrent_updates_from_one_version_exactly_one_wins() throws Exception {
        Coupon c = stored("RACE-0001");
        int callers = 20;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WriteOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Coupon change = c.with(Set.of(), Set.of("caller-" + i), Optional.empty(), Optional.empty(), Optional.empty());
            outcomes.add(threads.submit(() -> {
                go.await();
                return port().update(change);
            }));
        }
        go.countDown();
        List<WriteOutcome> seen = new ArrayList<>();
        for (Future<WriteOutcome> f : outcomes) {
            seen.add(f.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertEquals(1, seen.stream().filter(o -> o == WriteOutcome.WRITTEN).count(), seen.toString());
        assertEquals(callers - 1, seen.stream().filter(o -> o == WriteOutcome.CONFLICT).count(), seen.toString());
        assertEquals(2, port().find(brand, c.code()).orElseThrow().version());
    }

    @Test
    void the_pool_holds_the_sets_unrestricted_unallocated_unused_coupons_by_code() {
        CardNumber card = ContractData.freshCard();
        Coupon b = stored("POOL-B");
        Coupon a = stored("POOL-A");
        stored("POOL-C", card);
        Coupon d = stored("POOL-D");
        Coupon e = stored("POOL-E");
        Coupon claimed = e.with(Set.of(), e.tags(), Optional.empty(), Optional.empty(),
                Optional.of(new Coupon.Claim("k", Optional.of(card), 3, Coupon.Purpose.ALLOCATE, T0)));
        assertEquals(WriteOutcome.WRITTEN, port().update(claimed));
        Coupon f = stored("POOL-F");
        assertEquals(WriteOutcome.WRITTEN, port().update(f.with(Set.of(), f.tags(), Optional.empty(),
                Optional.of(new Coupon.Usage(T0, Optional.empty(), Optional.empty())), Optional.empty())));
        Coupon allocatedD = allocated(d, card);
        assertEquals(WriteOutcome.WRITTEN, port().update(allocatedD));
        assertTrue(port().create(Coupon.fresh(brand, new CouponCode("POOL-0"), new CouponSetId("other"), Set.of(),
                Set.of(), Optional.empty(), Optional.empty())));
        assertTrue(port().create(Coupon.fresh(ContractData.freshBrand(), new CouponCode("POOL-00"), set, Set.of(),
                Set.of(), Optional.empty(), Optional.empty())));

        List<Coupon> pool = eventually(() -> port().pool(brand, set, 10), l -> l.size() == 3);

        assertEquals(List.of(a, b, claimed), pool, "claimed ones included; restricted, allocated, used not");
        assertEquals(List.of(a, b), port().pool(brand, set, 2));
        assertEquals(6L, eventually(() -> port().countInSet(brand, set), n -> n == 6), "every coupon counts");
        assertEquals(0L, port().countInSet(brand, new CouponSetId("none")));

        assertEquals(WriteOutcome.WRITTEN, port().update(withCards(allocatedD)));
        Coupon g = stored("POOL-G");
        List<Coupon> after = eventually(() -> port().pool(brand, set, 10), l -> l.contains(g));
        assertEquals(List.of(a, b, claimed, g), after, "once allocated, a coupon leaves the pool for good");
    }

    @Test
    void a_cards_coupons_follow_the_coupons_restrictions() {
        CardNumber ann = ContractData.freshCard();
        CardNumber bob = ContractData.freshCard();
        Coupon two = stored("CARD-2", ann);
        Coupon one = stored("CARD-1", ann, bob);
        stored("CARD-3");

        assertEquals(List.of(one, two), port().ofCard(brand, ann));
        assertEquals(List.of(one), port().ofCard(brand, bob));
        assertEquals(List.of(), port().ofCard(ContractData.freshBrand(), ann), "another brand sees nothing");

        Coupon moved = withCards(two, bob);
        assertEquals(WriteOutcome.WRITTEN, port().update(moved));
        assertEquals(List.of(one), port().ofCard(brand, ann), "it left ann's list");
        assertEquals(List.of(one, moved), port().ofCard(brand, bob));

        Coupon freed = withCards(one);
        assertEquals(WriteOutcome.WRITTEN, port().update(freed));
        assertEquals(List.of(), port().ofCard(brand, ann));
        assertEquals(List.of(moved), port().ofCard(brand, bob));

        Coupon lost = withCards(moved, ann);
        assertEquals(WriteOutcome.CONFLICT, port().update(withCards(two, ann)), "a stale change moves nothing");
        assertEquals(List.of(moved), port().ofCard(brand, bob));
        assertEquals(List.of(), port().ofCard(brand, ann));
        assertEquals(WriteOutcome.WRITTEN, port().update(lost));
        assertEquals(List.of(lost), port().ofCard(brand, ann));
    }

    private <T> T eventually(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + indexLag().toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            value = read.get();
        }
        return value;
    }
}
