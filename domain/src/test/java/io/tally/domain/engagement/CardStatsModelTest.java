package io.tally.domain.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.engagement.RecordEventUseCase.RecordEventCommand;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.RandomCrashes;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.UnreliableDelivery;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Per-card statistics against an independent model: random purchases (some paying with the card's dollars, of
 * several SKUs, earning points and punches), issuances, redemptions, voids of any of
 * them, recorded events (some retried under the same customRequestId) and time, with deliveries late, twice, out of order and lost then redelivered by the
 * relay, and the consumer killed after any write of the statistics or the card's events (its message then comes again).
 * The expected figures are computed here from the operations and the answers the tills got (amounts issued and
 * redeemed, the balance mutations of a checkout), never from the ledger entries.
 */
class CardStatsModelTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final Map<String, Sentiment> CATEGORIES = Map.of("review", Sentiment.POSITIVE,
            "complaint", Sentiment.NEGATIVE, "survey", Sentiment.NEUTRAL);

    /** What the test expects of one card, from the operations it made. */
    private static final class Expected {
        final List<Instant> transactions = new ArrayList<>();
        long orders;
        BigDecimal spend = BigDecimal.ZERO;
        BigDecimal items = BigDecimal.ZERO;
        final Map<String, Instant> events = new HashMap<>();
        final Map<String, String> categoryOf = new HashMap<>();
        /** Per value type: issued, redeemed, as the answers to the tills said; a void takes its transaction's back. */
        final Map<ValueTypeKey, Long> issued = new HashMap<>();
        final Map<ValueTypeKey, Long> redeemed = new HashMap<>();
        final Map<TransactionId, List<Moved>> moves = new HashMap<>();
        final Map<String, BigDecimal> skus = new TreeMap<>();

        void moved(TransactionId id, ValueTypeKey key, long issuedNow, long redeemedNow) {
            issued.merge(key, issuedNow, Long::sum);
            redeemed.merge(key, redeemedNow, Long::sum);
            moves.computeIfAbsent(id, t -> new ArrayList<>()).add(new Moved(key, issuedNow, redeemedNow));
        }

        void voided(TransactionId id) {
            for (Moved m : moves.remove(id)) {
                issued.merge(m.key(), -m.issued(), Long::sum);
                redeemed.merge(m.key(), -m.redeemed(), Long::sum);
            }
        }

        static Map<ValueTypeKey, Long> nonZero(Map<ValueTypeKey, Long> totals) {
            Map<ValueTypeKey, Long> kept = new HashMap<>(totals);
            kept.values().removeIf(v -> v == 0);
            return kept;
        }

        long visits() {
            long visits = 0;
            Instant open = null;
            for (Instant t : transactions) {
                if (open == null || Duration.between(open, t).compareTo(Duration.ofMinutes(90)) >= 0) {
                    visits++;
                    open = t;
                }
            }
            return visits;
        }
    }

    private record Moved(ValueTypeKey key, long issued, long redeemed) {
    }

    private static final List<String> SKUS = List.of("LATTE", "MUG", "BEANS", "COFFEE-S");

    private final Map<String, Integer> total = new TreeMap<>();

    @Test
    void statistics_equal_the_model_under_duplicate_late_lost_and_reordered_deliveries_and_crashes() {
        for (long seed = 1; seed <= 40; seed++) {
            run(seed);
        }
        for (String what : List.of("crashes", "late deliveries", "duplicate deliveries", "orders", "events", "visits",
                "voids", "points earned", "checkout payments")) {
            assertTrue(total.getOrDefault(what, 0) > 20, "the runs exercised " + what + ": " + total);
        }
    }

    private void run(long seed) {
        Random random = new Random(seed);
        CheckoutWorld shop = new CheckoutWorld();
        TestWorld w = shop.world;
        InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
        CATEGORIES.forEach((c, s) -> definitions.save(new EventDefinition(BRAND, new EventCategoryId(c), EventType.OTHER, c,
                "", Set.of(), s)));
        RecordEventUseCase record = new RecordEventUseCase(w.cards, definitions, w.events, w.random, w.clock);
        InMemoryCardEvents keptEvents = new InMemoryCardEvents();
        InMemoryCardStats keptStats = new InMemoryCardStats();
        Faults faults = new Faults(random);
        HandleEventUseCase consumer = new HandleEventUseCase(w.programs, List.of(
                new RecordedEventsListener(faults.events(keptEvents)),
                new CardStatsListener(faults.stats(keptStats), w.ledger, faults.events(keptEvents))));
        List<DomainEvent> crashed = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        UnreliableDelivery delivery = new UnreliableDelivery(w, random, e -> {
            try {
                consumer.handle(e);
            } catch (Crash died) {
                total.merge("crashes", 1, Integer::sum);
                crashed.add(e);
            }
        }, (what, n) -> counts.merge(what, n, Integer::sum));

        List<CardNumber> cards = List.of(w.activeCard(), w.activeCard(), w.activeCard());
        Map<CardNumber, Expected> expected = new HashMap<>();
        cards.forEach(c -> expected.put(c, new Expected()));
        List<String> requestIds = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            CardNumber card = cards.get(random.nextInt(cards.size()));
            Expected e = expected.get(card);
            w.clock.advance(Duration.ofMinutes(random.nextInt(4) == 0 ? 95 + random.nextInt(200) : random.nextInt(60)));
            switch (random.nextInt(6)) {
                case 0 -> {
                    long amount = 100 + random.nextInt(5000);
                    var issued = w.issue(card, amount);
                    if (issued.isAccepted()) {
                        e.transactions.add(w.clock.instant());
                        e.moved(issued.value().transactionId(), TestWorld.USD, amount, 0);
                    }
                }
                case 1 -> {
                    long amount = 1 + random.nextInt(2000);
                    var redeemed = w.redeem(card, amount);
                    if (redeemed.isAccepted()) {
                        e.transactions.add(w.clock.instant());
                        e.moved(redeemed.value().transactionId(), TestWorld.USD, 0, amount);
                    }
                }
                case 2 -> {
                    int quantity = 1 + random.nextInt(3);
                    String sku = SKUS.get(random.nextInt(SKUS.size()));
                    BigDecimal price = new BigDecimal(100 + random.nextInt(900)).movePointLeft(2);
                    List<CheckoutUseCase.Redemption> paying = random.nextBoolean() ? List.of()
                            : List.of(new CheckoutUseCase.Redemption(TestWorld.USD, new BigDecimal(1 + random.nextInt(5))));
                    var sale = shop.checkout.checkout(shop.command(Optional.of(card),
                            CheckoutWorld.basket(sku, quantity, price), List.of(), paying, false, Optional.empty(),
                            shop.info()));
                    if (sale.isAccepted()) {
                        e.transactions.add(w.clock.instant());
                        e.orders++;
                        e.spend = e.spend.add(price.multiply(BigDecimal.valueOf(quantity)));
                        e.items = e.items.add(BigDecimal.valueOf(quantity));
                        e.skus.merge(sku, BigDecimal.valueOf(quantity), BigDecimal::add);
                        for (CheckoutFacts.Mutation m : sale.value().facts().mutations()) {
                            if (m.kind() == CheckoutFacts.Kind.EARN) {
                                e.moved(sale.value().transactionId(), m.key(), Math.max(0, m.amount()), Math.max(0, -m.amount()));
                                total.merge("points earned", 1, Integer::sum);
                            } else if (m.kind() == CheckoutFacts.Kind.REDEEM) {
                                e.moved(sale.value().transactionId(), m.key(), 0, -m.amount());
                                total.merge("checkout payments", 1, Integer::sum);
                            }
                        }
                    }
                }
                case 3 -> {
                    if (!e.moves.isEmpty()) {
                        List<TransactionId> done = new ArrayList<>(new TreeSet<>(e.moves.keySet()));
                        TransactionId target = done.get(random.nextInt(done.size()));
                        if (w.voidTransaction(card, target).isAccepted()) {
                            e.voided(target);
                            total.merge("voids", 1, Integer::sum);
                        }
                    }
                }
                default -> {
                    String category = List.copyOf(new TreeSet<>(CATEGORIES.keySet())).get(random.nextInt(3));
                    boolean retry = !requestIds.isEmpty() && random.nextInt(4) == 0;
                    String requestId = retry ? requestIds.get(random.nextInt(requestIds.size())) : "req-" + step;
                    if (!retry) {
                        requestIds.add(requestId + "|" + card.value() + "|" + category);
                    }
                    String[] parts = retry ? requestId.split("\\|") : new String[] {requestId, card.value(), category};
                    Optional<Instant> at = Optional.of(w.clock.instant());
                    CardNumber target = retry ? new CardNumber(parts[1]) : card;
                    if (retry) {
                        at = Optional.of(expected.get(target).events.get(idOf(parts[0])));
                    }
                    var accepted = record.record(new RecordEventCommand(TestWorld.context(), target,
                            new EventCategoryId(parts[2]), at, Optional.empty(), Map.of(), "ref-" + step,
                            Optional.of(parts[0])));
                    assertTrue(accepted.isAccepted());
                    expected.get(target).events.put(idOf(parts[0]), at.get());
                    expected.get(target).categoryOf.put(idOf(parts[0]), parts[2]);
                }
            }
            if (random.nextInt(3) == 0) {
                delivery.some();
            }
        }
        delivery.all(BRAND, cards);
        faults.off();
        new ArrayList<>(crashed).forEach(consumer::handle);

        counts.forEach((what, n) -> total.merge(what, n, Integer::sum));
        for (CardNumber card : cards) {
            Expected e = expected.get(card);
            total.merge("orders", (int) e.orders, Integer::sum);
            total.merge("events", e.events.size(), Integer::sum);
            total.merge("visits", (int) e.visits(), Integer::sum);
            CardStats stats = keptStats.stats(BRAND, card);
            String where = "seed " + seed + ", card " + card + " " + counts;
            assertEquals(e.orders, stats.ledger().orders(), where);
            assertEquals(e.spend.movePointRight(4).longValueExact(), stats.ledger().spend(), where);
            assertEquals(e.items.movePointRight(3).longValueExact(), stats.ledger().itemsMilli(), where);
            assertEquals(e.visits(), stats.ledger().visits(), where);
            assertEquals(e.transactions.isEmpty() ? Optional.empty() : Optional.of(e.transactions.get(e.transactions.size() - 1)),
                    stats.ledger().lastTransactionAt(), where);
            Map<String, Long> byCategory = new TreeMap<>();
            Map<String, Long> bySentiment = new TreeMap<>();
            e.categoryOf.values().forEach(c -> {
                byCategory.merge(c, 1L, Long::sum);
                bySentiment.merge(CATEGORIES.get(c).wireName(), 1L, Long::sum);
            });
            assertEquals(e.events.size(), stats.events().seen(), where);
            assertEquals(byCategory, stats.events().byCategory(), where);
            assertEquals(bySentiment, stats.events().bySentiment(), where);
            assertEquals(e.events.values().stream().max(Instant::compareTo), stats.events().lastEventAt(), where);
            assertEquals(e.orders == 0 ? Optional.empty() : Optional.of(stats.ledger().spend() / e.orders),
                    stats.averageOrderValue(), where);
            assertEquals(Expected.nonZero(e.issued), stats.ledger().issued(), where);
            assertEquals(Expected.nonZero(e.redeemed), stats.ledger().redeemed(), where);
            Map<String, Long> skuMilli = new TreeMap<>();
            e.skus.forEach((sku, q) -> skuMilli.put(sku, q.movePointRight(3).longValueExact()));
            assertEquals(skuMilli, stats.ledger().skus().quantityMilli(), where);
        }
    }

    private static String idOf(String requestId) {
        return requestId;
    }

    /** Kills the consumer right after a write of the statistics or the card's events, now and then. */
    private static final class Faults extends RandomCrashes {
        Faults(Random random) {
            super(random);
        }

        CardStatsPort stats(CardStatsPort inner) {
            return new CardStatsPort() {
                @Override
                public Optional<CardLedgerStats> ledgerStats(BrandId brand, CardNumber card) {
                    return inner.ledgerStats(brand, card);
                }

                @Override
                public boolean putLedgerStats(CardLedgerStats next, long previousThrough) {
                    boolean put = inner.putLedgerStats(next, previousThrough);
                    maybeCrash("the ledger statistics' write");
                    return put;
                }

                @Override
                public Optional<CardEventStats> eventStats(BrandId brand, CardNumber card) {
                    return inner.eventStats(brand, card);
                }

                @Override
                public boolean putEventStats(CardEventStats next) {
                    boolean put = inner.putEventStats(next);
                    maybeCrash("the event statistics' write");
                    return put;
                }
            };
        }

        CardEventsPort events(CardEventsPort inner) {
            return new CardEventsPort() {
                @Override
                public boolean record(RecordedEvent event) {
                    boolean kept = inner.record(event);
                    maybeCrash("keeping the event");
                    return kept;
                }

                @Override
                public List<RecordedEvent> newest(BrandId brand, CardNumber card, int limit) {
                    return inner.newest(brand, card, limit);
                }

                @Override
                public List<Mark> marks(BrandId brand, CardNumber card) {
                    return inner.marks(brand, card);
                }
            };
        }
    }
}
