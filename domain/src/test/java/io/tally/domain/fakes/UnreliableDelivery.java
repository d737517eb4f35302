package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerEvents;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The events consumer's deliveries under faults, for the rollups' reconciliation tests: the ledger's published events
 * reach {@code consume} late, out of order and some twice ({@link #some}); {@link #all} delivers what is left and every
 * entry's event again (the relay's guarantee: every entry's event gets out, even one whose publish failed). What
 * happened is told to {@code count} ("late deliveries", "duplicate deliveries").
 */
public final class UnreliableDelivery {
    private final TestWorld world;
    private final Random random;
    private final Consumer<DomainEvent> consume;
    private final BiConsumer<String, Integer> count;
    private final List<DomainEvent> undelivered = new ArrayList<>();
    private int delivered;

    public UnreliableDelivery(TestWorld world, Random random, Consumer<DomainEvent> consume,
                              BiConsumer<String, Integer> count) {
        this.world = world;
        this.random = random;
        this.consume = consume;
        this.count = count;
    }

    /** Delivers the events published since the last call and those held back, some now (some twice), some later. */
    public void some() {
        take();
        List<DomainEvent> later = new ArrayList<>();
        for (DomainEvent e : undelivered) {
            int fate = random.nextInt(10);
            if (fate < 6) {
                consume.accept(e);
                if (fate == 0) {
                    consume.accept(e);
                    count.accept("duplicate deliveries", 1);
                }
            } else {
                later.add(e);
                count.accept("late deliveries", 1);
            }
        }
        undelivered.clear();
        undelivered.addAll(later);
    }

    /** Delivers everything held back, then every entry's event of the cards again. */
    public void all(BrandId brand, List<CardNumber> cards) {
        take();
        undelivered.forEach(consume);
        undelivered.clear();
        for (CardNumber card : cards) {
            entries(world, brand, card).forEach(entry -> consume.accept(LedgerEvents.of(entry)));
        }
    }

    /** Delivers one event again now (a redelivery the test chooses). */
    public void deliverNow(DomainEvent event) {
        consume.accept(event);
    }

    private void take() {
        List<DomainEvent> published = world.events.published();
        undelivered.addAll(published.subList(delivered, published.size()));
        delivered = published.size();
    }

    /** Every ledger entry of the card, oldest first (every page of its history). */
    public static List<LedgerEntry> entries(TestWorld world, BrandId brand, CardNumber card) {
        List<LedgerEntry> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            HistoryPage page = world.ledger.history(brand, card, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                    100, cursor);
            all.addAll(page.entries());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }
}
