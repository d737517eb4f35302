package io.tally.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Campaign.Award;
import io.tally.domain.campaign.Campaign.EventOfCategory;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCampaignsListenerTest {
    private final CheckoutWorld shop = new CheckoutWorld();
    private final TestWorld w = shop.world;
    private final EventCampaignsListener listener = new EventCampaignsListener(brand -> shop.config, shop.budget, w.issue,
            w.idempotency, w.random, w.clock);

    private RecordedEvent review(CardNumber card, String id) {
        return new RecordedEvent(id, TestWorld.BRAND, card, new EventCategoryId("review"), EventType.FEEDBACK,
                Sentiment.POSITIVE, w.clock.instant(), w.clock.instant(), new LocationId("store-1"), new TerminalId("pos-1"),
                Optional.of(500L), Map.of(), "ref-1");
    }

    @Test
    void a_redelivery_after_more_entries_than_the_card_remembers_requests_awards_nothing_again() {
        List<Campaign> campaigns = new ArrayList<>(CheckoutWorld.demoCampaigns());
        campaigns.addAll(EventCampaignsModelTest.eventCampaigns());
        shop.config = CheckoutWorld.demoConfig(campaigns);
        w.clock.advance(java.time.Duration.ofHours(11));
        CardNumber card = w.activeCard();
        RecordedEvent e = review(card, "rec-1");
        listener.accept(e.toDomainEvent());
        assertEquals(50, shop.balance(card, TestWorld.POINTS));
        for (int i = 0; i < LedgerLimits.REQUEST_RING + 8; i++) {
            assertTrue(w.issue(card, 1).isAccepted());
        }
        listener.accept(e.toDomainEvent());
        assertEquals(50, shop.balance(card, TestWorld.POINTS));
        listener.accept(review(card, "rec-2").toDomainEvent());
        assertEquals(100, shop.balance(card, TestWorld.POINTS));
    }

    @Test
    void an_event_campaign_is_not_considered_at_a_checkout() {
        List<Campaign> campaigns = new ArrayList<>(CheckoutWorld.demoCampaigns());
        campaigns.addAll(EventCampaignsModelTest.eventCampaigns());
        shop.config = CheckoutWorld.demoConfig(campaigns);
        w.clock.advance(java.time.Duration.ofHours(11));
        CardNumber card = w.activeCard();
        var result = shop.buy(card, CheckoutWorld.basket("COFFEE-S", 1, "3.00"));
        assertTrue(result.isAccepted());
        assertEquals(3, shop.balance(card, TestWorld.POINTS)); // the "earn" campaign's, no review award
        List<String> considered = result.value().facts().explanations().stream().map(x -> x.campaign()).toList();
        assertTrue(considered.contains("earn") && !considered.contains("review-50") && !considered.contains("survey-4"),
                considered.toString());
    }

    @Test
    void awards_belong_to_event_campaigns_only_and_event_campaigns_have_no_per_card_limit() {
        var award = new Award(TestWorld.POINTS, BigDecimal.TEN);
        var onReview = new EventOfCategory(new EventCategoryId("review"), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> CheckoutWorld.campaign("x", 1, List.of(), List.of(award)));
        assertThrows(IllegalArgumentException.class, () -> CheckoutWorld.campaign("x", 1, List.of(onReview),
                List.of(new Campaign.AddToBalance(CheckoutWorld.PUNCHES, BigDecimal.ONE))));
        assertThrows(IllegalArgumentException.class, () -> CheckoutWorld.campaign("x", 1,
                List.of(onReview, new Campaign.FirstCheckout()), List.of(award)));
        assertThrows(IllegalArgumentException.class, () -> new Campaign(TestWorld.BRAND, new CampaignId("x"), "x", true,
                Optional.empty(), Optional.empty(), 1, true, List.of(onReview), List.of(award),
                new Campaign.Limits(Optional.of(1), Optional.empty(), Optional.empty())));
        assertTrue(CheckoutWorld.campaign("x", 1, List.of(onReview), List.of(award)).onEvent());
    }

    @Test
    void an_event_campaign_in_a_segment_awards_only_cards_in_it_and_looks_up_only_campaigns_matching_the_event() {
        SegmentId vip = new SegmentId("seg-vip");
        var onReview = new EventOfCategory(new EventCategoryId("review"), Optional.empty());
        var onSurvey = new EventOfCategory(new EventCategoryId("survey"), Optional.empty());
        shop.config = CheckoutWorld.demoConfig(List.of(
                CheckoutWorld.campaign("vip-review", 1, List.of(onReview, new Campaign.InSegment(Set.of(vip))),
                        List.of(new Award(TestWorld.POINTS, BigDecimal.TEN))),
                CheckoutWorld.campaign("vip-survey", 2, List.of(onSurvey, new Campaign.InSegment(Set.of(new SegmentId("seg-other")))),
                        List.of(new Award(TestWorld.POINTS, BigDecimal.ONE)))));
        CardNumber inside = w.activeCard();
        CardNumber outside = w.activeCard();
        List<String> asked = new ArrayList<>();
        EventCampaignsListener segmented = new EventCampaignsListener(brand -> shop.config, shop.budget, w.issue,
                w.idempotency, (brand, segment, card) -> {
                    asked.add(segment + "/" + card);
                    return segment.equals(vip) && card.equals(inside);
                }, w.random, w.clock);

        segmented.accept(review(inside, "rec-in").toDomainEvent());
        segmented.accept(review(outside, "rec-out").toDomainEvent());

        assertEquals(10, shop.balance(inside, TestWorld.POINTS));
        assertEquals(0, shop.balance(outside, TestWorld.POINTS));
        assertEquals(List.of("seg-vip/" + inside, "seg-vip/" + outside), asked);
        assertTrue(CheckoutWorld.campaign("x", 1, List.of(onReview, new Campaign.InSegment(Set.of(vip))),
                List.of(new Award(TestWorld.POINTS, BigDecimal.ONE))).onEvent());
        assertThrows(IllegalArgumentException.class, () -> CheckoutWorld.campaign("x", 1, List.of(onReview, onSurvey),
                List.of(new Award(TestWorld.POINTS, BigDecimal.ONE))));
    }

    @Test
    void segment_membership_is_the_one_of_the_events_time_not_of_when_a_delivery_is_processed() {
        SegmentId vip = new SegmentId("seg-vip");
        shop.config = CheckoutWorld.demoConfig(List.of(CheckoutWorld.campaign("vip-review", 1,
                List.of(new EventOfCategory(new EventCategoryId("review"), Optional.empty()),
                        new Campaign.InSegment(Set.of(vip))),
                List.of(new Award(TestWorld.POINTS, BigDecimal.TEN)))));
        CardNumber card = w.activeCard();
        RecordedEvent reviewed = review(card, "rec-late");
        Instant dropped = reviewed.occurredAt().plusSeconds(60);
        // the snapshot READY when the event happened held the card; one READY a minute later does not
        SegmentMembershipPort snapshots = new SegmentMembershipPort() {
            @Override
            public boolean isMember(BrandId brand, SegmentId segment, CardNumber number) {
                return w.clock.instant().isBefore(dropped);
            }

            @Override
            public boolean isMember(BrandId brand, SegmentId segment, CardNumber number, Instant asOf) {
                return asOf.isBefore(dropped);
            }
        };
        EventCampaignsListener late = new EventCampaignsListener(brand -> shop.config, shop.budget, w.issue,
                w.idempotency, snapshots, w.random, w.clock);

        w.clock.advance(Duration.ofMinutes(5));
        late.accept(reviewed.toDomainEvent());

        assertEquals(10, shop.balance(card, TestWorld.POINTS), "a delivery processed after the next snapshot decides the same");
    }

    @Test
    void a_minimum_value_needs_an_event_value_at_or_above_it() {
        var atLeast4 = new EventOfCategory(new EventCategoryId("survey"), Optional.of(new BigDecimal("4")));
        assertTrue(atLeast4.matches(new EventCategoryId("survey"), Optional.of(400L)));
        assertTrue(!atLeast4.matches(new EventCategoryId("survey"), Optional.of(399L)));
        assertTrue(!atLeast4.matches(new EventCategoryId("survey"), Optional.empty()));
        assertTrue(!atLeast4.matches(new EventCategoryId("review"), Optional.of(500L)));
    }
}
