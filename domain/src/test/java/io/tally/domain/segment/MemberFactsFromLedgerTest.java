package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.engagement.CardStatsListener;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordEventUseCase;
import io.tally.domain.engagement.RecordEventUseCase.RecordEventCommand;
import io.tally.domain.engagement.RecordedEventsListener;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.segment.SegmentFilter.Events;
import io.tally.domain.segment.SegmentFilter.IssuedOrRedeemed;
import io.tally.domain.segment.SegmentFilter.ItemsPurchased;
import io.tally.domain.segment.SegmentFilter.Movement;
import io.tally.domain.segment.SegmentFilter.RewardsAndBalances;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The filters that read the per-card statistics, recent events and rewards, decided on facts that
 * {@link LedgerMemberFacts} gathered from in-memory ports after real operations: issuances, a redemption, a
 * checkout, a void, recorded events and coupons, every event delivered through the consumer.
 */
class MemberFactsFromLedgerTest {
    private final CheckoutWorld shop = new CheckoutWorld();
    private final TestWorld w = shop.world;
    private final InMemoryCardEvents kept = new InMemoryCardEvents();
    private final InMemoryCardStats stats = new InMemoryCardStats();
    private final AtomicInteger eventReads = new AtomicInteger();
    private final AtomicInteger rewardReads = new AtomicInteger();
    private LedgerMemberFacts built;
    private List<Card> listed;
    /** Bought coffee and a mug paying part with her dollars, reviewed twice, holds a coupon she can use. */
    private final CardNumber eve = w.activeCard();
    /** Was issued dollars the till then voided, redeemed some of a second issuance; her coupons are not usable now. */
    private final CardNumber fay = w.activeCard();
    /** Did nothing. */
    private final CardNumber gus = w.activeCard();

    private Map<CardNumber, MemberFacts> factsAfterTheirOperations(FactsNeeded needed) {
        InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
        definitions.save(new EventDefinition(TestWorld.BRAND, new EventCategoryId("review"), EventType.OTHER, "Review", "",
                Set.of(), Sentiment.POSITIVE));
        RecordEventUseCase record = new RecordEventUseCase(w.cards, definitions, w.events, w.random, w.clock);

        w.issue(eve, 5_000);
        record.record(new RecordEventCommand(TestWorld.context(), eve, new EventCategoryId("review"), Optional.empty(),
                Optional.empty(), Map.of(), "ref-1", Optional.of("review-1")));
        TransactionId mistake = w.issue(fay, 800).value().transactionId();
        assertTrue(w.voidTransaction(fay, mistake).isAccepted());
        w.issue(fay, 600);
        w.redeem(fay, 250);
        w.clock.advance(Duration.ofDays(40));
        var sale = shop.checkout.checkout(shop.command(Optional.of(eve),
                CheckoutWorld.basket("LATTE", 2, "4.50", "MUG", 1, "12.00"), List.of(),
                List.of(new CheckoutUseCase.Redemption(TestWorld.USD, new BigDecimal("5.00"))), false, Optional.empty(),
                shop.info()));
        assertTrue(sale.isAccepted(), sale.toString());
        record.record(new RecordEventCommand(TestWorld.context(), eve, new EventCategoryId("review"), Optional.empty(),
                Optional.empty(), Map.of(), "ref-2", Optional.of("review-2")));
        Instant now = w.clock.instant();
        coupon("EVE-1", eve, Optional.empty(), Optional.empty());
        coupon("FAY-OLD", fay, Optional.empty(), Optional.of(now.minus(Duration.ofDays(1))));
        coupon("FAY-SOON", fay, Optional.of(now.plus(Duration.ofDays(1))), Optional.empty());

        HandleEventUseCase consumer = new HandleEventUseCase(w.programs, List.of(new RecordedEventsListener(kept),
                new CardStatsListener(stats, w.ledger, kept)));
        List<DomainEvent> published = w.events.published();
        new ArrayList<>(published).forEach(consumer::handle);

        Function<Card, List<EventOccurrence>> events = new RecentEvents(kept);
        AvailableRewards rewards = new AvailableRewards(shop.coupons);
        var facts = new LedgerMemberFacts(w.ledger, w.cards, new InMemoryLocations(),
                new EngagementStatistics(stats, b -> CheckoutWorld.demoConfig(List.of())), card -> Optional.empty(),
                card -> {
                    eventReads.incrementAndGet();
                    return events.apply(card);
                }, (card, at) -> {
                    rewardReads.incrementAndGet();
                    return rewards.apply(card, at);
                }, w.clock);
        List<Card> page = List.of(load(eve), load(fay), load(gus));
        built = facts;
        listed = page;
        Map<CardNumber, MemberFacts> byCard = new HashMap<>();
        facts.facts(page, needed).forEach(f -> byCard.put(f.card().number(), f));
        return byCard;
    }

    @Test
    void rewards_are_counted_as_of_the_evaluations_instant_not_when_its_page_runs() {
        Map<CardNumber, MemberFacts> now = factsAfterTheirOperations(FactsNeeded.ALL);
        assertEquals(0, now.get(fay).availableRewards(), "FAY-SOON starts tomorrow");

        Instant runStarted = w.clock.instant().plus(Duration.ofDays(2));
        Map<CardNumber, Long> asOfTheRun = new HashMap<>();
        built.facts(listed, FactsNeeded.ALL, runStarted).forEach(f -> asOfTheRun.put(f.card().number(), f.availableRewards()));
        assertEquals(1L, asOfTheRun.get(fay), "as of the run's instant FAY-SOON is usable");
        assertEquals(1L, asOfTheRun.get(eve));
    }

    private Card load(CardNumber card) {
        return w.cards.load(TestWorld.BRAND, card).orElseThrow();
    }

    private void coupon(String code, CardNumber card, Optional<Instant> from, Optional<Instant> to) {
        shop.coupons.create(Coupon.fresh(TestWorld.BRAND, new CouponCode(code), CheckoutWorld.FREE_COFFEE, Set.of(card),
                Set.of(), from, to));
    }

    @Test
    void the_statistics_events_and_rewards_filters_select_from_what_the_cards_did() {
        Map<CardNumber, MemberFacts> facts = factsAfterTheirOperations(FactsNeeded.ALL);
        EvaluationContext at = new EvaluationContext(w.clock.instant(), ZoneOffset.UTC, Optional.empty());
        Map<String, CardNumber> names = Map.of("eve", eve, "fay", fay, "gus", gus);
        List<Executable> rows = new ArrayList<>();
        Map<String, Object[]> table = new LinkedHashMap<>();
        table.put("dollars issued, voids deducted", new Object[] {
                new IssuedOrRedeemed(Movement.ISSUED, TestWorld.USD, Bounds.atLeast(1)), Set.of("eve", "fay")});
        table.put("more than 6.00 issued", new Object[] {
                new IssuedOrRedeemed(Movement.ISSUED, TestWorld.USD, Bounds.atLeast(601)), Set.of("eve")});
        table.put("points issued by a checkout", new Object[] {
                new IssuedOrRedeemed(Movement.ISSUED, TestWorld.POINTS, Bounds.atLeast(1)), Set.of("eve")});
        table.put("2.50 to 5.00 redeemed", new Object[] {
                new IssuedOrRedeemed(Movement.REDEEMED, TestWorld.USD, Bounds.between(250, 500)), Set.of("eve", "fay")});
        table.put("nothing redeemed", new Object[] {
                new IssuedOrRedeemed(Movement.REDEEMED, TestWorld.USD, Bounds.atMost(0)), Set.of("gus")});
        table.put("bought a MUG", new Object[] {new ItemsPurchased(Optional.of("MUG"), Bounds.ANY), Set.of("eve")});
        table.put("bought LATTE, 3+ items", new Object[] {
                new ItemsPurchased(Optional.of("LATTE"), Bounds.atLeast(3)), Set.of("eve")});
        table.put("bought BEANS", new Object[] {new ItemsPurchased(Optional.of("BEANS"), Bounds.ANY), Set.of()});
        table.put("2 reviews ever", new Object[] {
                new Events(Optional.of("review"), Bounds.atLeast(2), Optional.empty()), Set.of("eve")});
        table.put("a review in the last 30 days", new Object[] {
                new Events(Optional.of("review"), Bounds.atLeast(1), Optional.of(DateWindow.last(30))), Set.of("eve")});
        table.put("2 reviews in the last 30 days", new Object[] {
                new Events(Optional.of("review"), Bounds.atLeast(2), Optional.of(DateWindow.last(30))), Set.of()});
        table.put("a reward to use now", new Object[] {
                new RewardsAndBalances(Optional.empty(), Bounds.atLeast(1)), Set.of("eve")});
        table.forEach((row, filterAndMembers) -> rows.add(() -> {
            SegmentFilter filter = (SegmentFilter) filterAndMembers[0];
            Set<String> selected = new TreeSet<>();
            names.forEach((name, card) -> {
                if (filter.matches(facts.get(card), at)) {
                    selected.add(name);
                }
            });
            assertEquals(new TreeSet<>((Set<?>) filterAndMembers[1]), selected, row);
        }));
        assertAll(rows);
    }

    @Test
    void recent_events_and_rewards_are_read_only_when_a_filter_needs_them() {
        Map<CardNumber, MemberFacts> facts = factsAfterTheirOperations(FactsNeeded.of(FilterGroup.all(
                new Events(Optional.of("review"), Bounds.atLeast(2), Optional.empty()),
                new RewardsAndBalances(Optional.of(TestWorld.USD), Bounds.atLeast(1)))));

        assertEquals(0, eventReads.get());
        assertEquals(0, rewardReads.get());
        assertEquals(List.of(), facts.get(eve).recentEvents());
        assertEquals(0, facts.get(eve).availableRewards());
        assertEquals(Map.of("review", 2L), facts.get(eve).statistics().eventsByCategory(), "all-time counts still there");
    }

    @Test
    void the_facts_carry_the_newest_events_first_and_count_only_usable_coupons() {
        Map<CardNumber, MemberFacts> facts = factsAfterTheirOperations(FactsNeeded.of(FilterGroup.any(
                new Events(Optional.empty(), Bounds.atLeast(1), Optional.of(DateWindow.last(7))),
                new RewardsAndBalances(Optional.empty(), Bounds.atLeast(1)))));

        assertEquals(3, eventReads.get());
        assertEquals(3, rewardReads.get());
        List<EventOccurrence> recent = facts.get(eve).recentEvents();
        assertEquals(2, recent.size());
        assertTrue(recent.get(0).occurredAt().isAfter(recent.get(1).occurredAt()), recent.toString());
        assertEquals(1, facts.get(eve).availableRewards());
        assertEquals(0, facts.get(fay).availableRewards(), "expired, and not valid yet");
    }

    @Test
    void only_a_period_events_filter_and_a_rewards_filter_without_a_value_type_need_their_reads() {
        assertEquals(FactsNeeded.NONE, FactsNeeded.of(FilterGroup.all()));
        assertEquals(FactsNeeded.NONE, FactsNeeded.of(FilterGroup.any(
                new Events(Optional.empty(), Bounds.atLeast(1), Optional.empty()),
                new RewardsAndBalances(Optional.of(TestWorld.POINTS), Bounds.atLeast(1)))));
        assertEquals(new FactsNeeded(true, false), FactsNeeded.of(FilterGroup.all(FilterGroup.any(
                new Events(Optional.empty(), Bounds.atLeast(1), Optional.of(DateWindow.last(3)))))));
        assertEquals(new FactsNeeded(false, true), FactsNeeded.of(
                new RewardsAndBalances(Optional.empty(), Bounds.atMost(0))));
    }
}
