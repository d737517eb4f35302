package io.tally.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Campaign.Award;
import io.tally.domain.campaign.Campaign.EventOfCategory;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordEventUseCase;
import io.tally.domain.engagement.RecordEventUseCase.RecordEventCommand;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.RecordedEventsListener;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.ForwardingCardLedgerPort;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.RandomCrashes;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.UnreliableDelivery;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Event campaigns against an independent model: random coffee purchases (a checkout campaign adds a punch), recorded
 * events of three categories with random values and times (some in the past, some retried under the same
 * customRequestId), delivered late, twice, out of order and lost then redelivered, with the consumer killed after
 * any write (the award's claim, the budget's slot, the ledger's append, the kept event). The expected balances are
 * computed here from the operations and the campaign definitions written out below, not from the engine.
 */
class EventCampaignsModelTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final Instant REVIEWS_FROM = TestWorld.START.plus(Duration.ofHours(10));
    private static final Instant SURVEYS_TO = TestWorld.START.plus(Duration.ofHours(50));
    private static final long SURVEY_TOTAL = 2;
    private static final List<String> CATEGORIES = List.of("review", "survey", "complaint");

    /** 50 points for a review from hour 10; 2 punches for a survey rated at least 4.00 until hour 50, 2 in all. */
    static List<Campaign> eventCampaigns() {
        Campaign reviews = new Campaign(BRAND, new CampaignId("review-50"), "Review", true, Optional.of(REVIEWS_FROM),
                Optional.empty(), 3, false, List.of(new EventOfCategory(new EventCategoryId("review"), Optional.empty())),
                List.of(new Award(TestWorld.POINTS, new BigDecimal("50"))), Campaign.Limits.NONE);
        Campaign surveys = new Campaign(BRAND, new CampaignId("survey-4"), "Survey", true, Optional.empty(),
                Optional.of(SURVEYS_TO), 4, true,
                List.of(new EventOfCategory(new EventCategoryId("survey"), Optional.of(new BigDecimal("4.00")))),
                List.of(new Award(CheckoutWorld.PUNCHES, new BigDecimal("2"))),
                new Campaign.Limits(Optional.empty(), Optional.empty(), Optional.of(SURVEY_TOTAL)));
        return List.of(reviews, surveys);
    }

    private final Map<String, Integer> total = new TreeMap<>();

    @Test
    void awards_equal_the_model_under_duplicate_late_lost_and_reordered_deliveries_and_crashes() {
        for (long seed = 1; seed <= 25; seed++) {
            run(seed);
        }
        for (String what : List.of("crashes", "late deliveries", "duplicate deliveries", "reviews awarded",
                "reviews before the campaign", "surveys awarded", "surveys over the budget", "surveys below the value",
                "retried requests")) {
            assertTrue(total.getOrDefault(what, 0) > 10, "the runs exercised " + what + ": " + total);
        }
    }

    /** One recorded event as the test made it. */
    private record Made(CardNumber card, String category, Instant at, Optional<Long> valueHundredths) {
    }

    private void run(long seed) {
        Random random = new Random(seed);
        CheckoutWorld shop = new CheckoutWorld();
        TestWorld w = shop.world;
        List<Campaign> campaigns = new ArrayList<>(CheckoutWorld.demoCampaigns().subList(0, 1)); // +1 punch per coffee
        campaigns.addAll(eventCampaigns());
        shop.config = CheckoutWorld.demoConfig(campaigns);
        InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
        CATEGORIES.forEach(c -> definitions.save(new EventDefinition(BRAND, new EventCategoryId(c), EventType.OTHER, c, "",
                Set.of(), Sentiment.NEUTRAL)));
        RecordEventUseCase record = new RecordEventUseCase(w.cards, definitions, w.events, w.random, w.clock);
        Faults faults = new Faults(random);
        CardLedgerWriter writer = new CardLedgerWriter(w.cards, faults.ledger(w.ledger), w.events, w.clock, w.random,
                RetryPolicy.of(8, Backoff.NONE));
        HandleEventUseCase consumer = new HandleEventUseCase(w.programs, List.of(
                new RecordedEventsListener(new InMemoryCardEvents()),
                new EventCampaignsListener(brand -> shop.config, faults.budget(shop.budget), new IssueUseCase(writer, w.programs),
                        faults.claims(w.idempotency), w.random, w.clock)));
        List<DomainEvent> crashed = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        UnreliableDelivery delivery = new UnreliableDelivery(w, random, e -> {
            try {
                consumer.handle(e);
            } catch (Crash died) {
                counts.merge("crashes", 1, Integer::sum);
                crashed.add(e);
            }
        }, (what, n) -> counts.merge(what, n, Integer::sum));

        List<CardNumber> cards = List.of(w.activeCard(), w.activeCard());
        Map<CardNumber, Long> coffees = new HashMap<>();
        Map<String, Made> made = new TreeMap<>(); // by customRequestId
        for (int step = 0; step < 80; step++) {
            CardNumber card = cards.get(random.nextInt(cards.size()));
            w.clock.advance(Duration.ofMinutes(random.nextInt(90)));
            if (random.nextInt(3) == 0) {
                if (shop.buy(card, CheckoutWorld.basket("COFFEE-S", 1, "3.50")).isAccepted()) {
                    coffees.merge(card, 1L, Long::sum);
                }
            } else {
                boolean retry = !made.isEmpty() && random.nextInt(5) == 0;
                String requestId = retry ? List.copyOf(made.keySet()).get(random.nextInt(made.size())) : "req-" + step;
                Made m = retry ? made.get(requestId) : new Made(card, CATEGORIES.get(random.nextInt(3)),
                        w.clock.instant().minus(Duration.ofMinutes(random.nextInt(4) == 0 ? random.nextInt(600) : 0)),
                        random.nextBoolean() ? Optional.empty() : Optional.of((long) random.nextInt(701)));
                counts.merge(retry ? "retried requests" : "events", 1, Integer::sum);
                made.put(requestId, m);
                assertTrue(record.record(new RecordEventCommand(TestWorld.context(), m.card(), new EventCategoryId(m.category()),
                        Optional.of(m.at()), m.valueHundredths(), Map.of(), "ref-" + step, Optional.of(requestId))).isAccepted());
            }
            if (random.nextInt(3) == 0) {
                delivery.some();
            }
        }
        delivery.all(BRAND, cards);
        List<DomainEvent> recorded = new ArrayList<>(w.events.published().stream()
                .filter(e -> RecordedEvent.TYPE.equals(e.type())).toList());
        Collections.shuffle(recorded, random);
        recorded.forEach(delivery::deliverNow);
        faults.off();
        new ArrayList<>(crashed).forEach(consumer::handle);

        // the model: every distinct event once; reviews from hour 10 by occurredAt; surveys rated >= 4.00 until hour 50,
        // at most SURVEY_TOTAL of them (which ones depends on the delivery order, so only their number is known)
        Map<CardNumber, Long> points = new HashMap<>();
        long qualifyingSurveys = 0;
        for (Made m : made.values()) {
            if (m.category().equals("review")) {
                if (m.at().isBefore(REVIEWS_FROM)) {
                    counts.merge("reviews before the campaign", 1, Integer::sum);
                } else {
                    points.merge(m.card(), 50L, Long::sum);
                    counts.merge("reviews awarded", 1, Integer::sum);
                }
            } else if (m.category().equals("survey") && m.at().isBefore(SURVEYS_TO)) {
                if (m.valueHundredths().orElse(-1L) >= 400) {
                    qualifyingSurveys++;
                } else {
                    counts.merge("surveys below the value", 1, Integer::sum);
                }
            }
        }
        long surveysAwarded = Math.min(SURVEY_TOTAL, qualifyingSurveys);
        counts.merge("surveys awarded", (int) surveysAwarded, Integer::sum);
        counts.merge("surveys over the budget", (int) (qualifyingSurveys - surveysAwarded), Integer::sum);
        long surveyPunches = 0;
        for (CardNumber card : cards) {
            String where = "seed " + seed + ", card " + card + " " + counts;
            assertEquals(points.getOrDefault(card, 0L), shop.balance(card, TestWorld.POINTS), where);
            long punches = shop.balance(card, CheckoutWorld.PUNCHES) - coffees.getOrDefault(card, 0L);
            assertEquals(0, punches % 2, where);
            surveyPunches += punches;
        }
        assertEquals(2 * surveysAwarded, surveyPunches, "seed " + seed + " " + counts);
        // every qualifying event asked for one slot, once however often it came (counted past the total too)
        assertEquals(qualifyingSurveys, shop.budget.taken(BRAND, new CampaignId("survey-4")), "seed " + seed);
        counts.forEach((what, n) -> total.merge(what, n, Integer::sum));
    }

    /** Kills the consumer right after a write of the award's claim, the budget's slot or the ledger's append, now and then. */
    private static final class Faults extends RandomCrashes {
        Faults(Random random) {
            super(random);
        }

        CardLedgerPort ledger(CardLedgerPort inner) {
            return new ForwardingCardLedgerPort(inner) {
                @Override
                public AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
                    AppendOutcome appended = delegate.append(next, previous);
                    maybeCrash("the award's append");
                    return appended;
                }
            };
        }

        CampaignBudgetPort budget(CampaignBudgetPort inner) {
            return new CampaignBudgetPort() {
                @Override
                public boolean take(BrandId brand, CampaignId campaign, String checkoutKey, long total) {
                    boolean took = inner.take(brand, campaign, checkoutKey, total);
                    maybeCrash("the budget's take");
                    return took;
                }

                @Override
                public long taken(BrandId brand, CampaignId campaign) {
                    return inner.taken(brand, campaign);
                }
            };
        }

        IdempotencyPort claims(IdempotencyPort inner) {
            return new IdempotencyPort() {
                @Override
                public Claim claim(BrandId brand, String customRequestId, String fingerprint, String token, Instant now,
                                   Instant leaseUntil) {
                    Claim claim = inner.claim(brand, customRequestId, fingerprint, token, now, leaseUntil);
                    maybeCrash("the award's claim");
                    return claim;
                }

                @Override
                public boolean saveProgress(BrandId brand, String customRequestId, String token, String progress) {
                    return inner.saveProgress(brand, customRequestId, token, progress);
                }

                @Override
                public boolean complete(BrandId brand, String customRequestId, String token, String response) {
                    return inner.complete(brand, customRequestId, token, response);
                }

                @Override
                public void release(BrandId brand, String customRequestId, String token) {
                    inner.release(brand, customRequestId, token);
                }
            };
        }
    }
}
