package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@link CardLedgerPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardLedgerPortContract {
    protected abstract CardLedgerPort port();

    /** How long an eventually consistent read (the sweeper's due index) may lag in this implementation. */
    protected Duration indexLag() {
        return Duration.ofSeconds(5);
    }

    private final BrandId brand = ContractData.freshBrand();
    private final CardNumber card = ContractData.freshCard();

    private List<LedgerEntry> appendChain() {
        List<LedgerEntry> chain = ContractData.chain(brand, card);
        assertTrue(port().claimLedgerId(brand, chain.get(0).stateAfter().ledgerId().orElseThrow(), card));
        chain.forEach(e -> assertInstanceOf(CardLedgerPort.AppendOutcome.Appended.class, port().append(e)));
        return chain;
    }

    @Test
    void every_appended_entry_waits_in_the_outbox_until_marked_relayed() {
        List<LedgerEntry> chain = appendChain();
        Instant before = chain.get(3).time(); // exclusive: the first three entries are older
        List<LedgerEntry> seen = new ArrayList<>();
        for (int round = 0; round < 1_000; round++) {
            List<LedgerEntry> page = port().unrelayed(before, CardLedgerPort.MAX_OUTBOX);
            if (page.isEmpty()) {
                break;
            }
            assertTrue(page.stream().allMatch(e -> e.time().isBefore(before)));
            seen.addAll(page);
            page.forEach(port()::markRelayed);
        }
        assertEquals(chain.subList(0, 3), seen.stream().filter(e -> e.card().equals(card)).toList(), "oldest first, each once");
        port().markRelayed(chain.get(0)); // idempotent
        List<LedgerEntry> rest = port().unrelayed(chain.get(5).time().plusSeconds(1), CardLedgerPort.MAX_OUTBOX)
                .stream().filter(e -> e.card().equals(card)).toList();
        assertEquals(chain.subList(3, 6), rest, "the younger ones are still waiting");
    }

    @Test
    void a_card_without_entries_has_no_head() {
        assertTrue(port().head(brand, card).isEmpty());
        assertTrue(port().entry(brand, card, 1).isEmpty());
    }

    @Test
    void entries_read_back_exactly_as_appended_and_the_head_is_the_latest() {
        List<LedgerEntry> chain = appendChain();

        assertEquals(chain.get(chain.size() - 1), port().head(brand, card).orElseThrow());
        for (LedgerEntry e : chain) {
            assertEquals(e, port().entry(brand, card, e.sequence()).orElseThrow());
        }
    }

    @Test
    void a_sequence_number_can_be_claimed_only_once() {
        List<LedgerEntry> chain = ContractData.chain(brand, card);
        port().append(chain.get(0));

        List<LedgerEntry> rival = ContractData.chain(brand, card);
        assertInstanceOf(CardLedgerPort.AppendOutcome.Conflict.class, port().append(rival.get(0)));
        assertEquals(chain.get(0), port().head(brand, card).orElseThrow(), "the first writer's entry stays");
    }

    @Test
    void another_brand_sees_nothing() {
        List<LedgerEntry> chain = appendChain();
        BrandId other = ContractData.freshBrand();

        assertTrue(port().head(other, card).isEmpty());
        assertTrue(port().entry(other, card, 1).isEmpty());
        assertTrue(port().history(other, card, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10, Optional.empty()).entries().isEmpty());
        assertTrue(port().byTransactionId(other, chain.get(0).transactionId()).isEmpty());
    }

    @Test
    void history_filters_by_time_and_pages_in_sequence_order() {
        List<LedgerEntry> chain = appendChain();
        Instant from = chain.get(1).time();
        Instant to = chain.get(4).time(); // exclusive

        List<LedgerEntry> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            HistoryPage page = port().history(brand, card, from, to, 2, cursor);
            assertTrue(page.entries().size() <= 2);
            seen.addAll(page.entries());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertEquals(chain.subList(1, 4), seen);
    }

    @Test
    void a_transaction_is_found_by_its_id_within_the_brand_and_never_on_another_card() {
        List<LedgerEntry> chain = appendChain();
        TransactionId id = chain.get(2).transactionId();

        assertEquals(chain.get(2), port().byTransactionId(brand, id).orElseThrow(), "strongly consistent: no lag");
        assertTrue(port().byTransactionId(brand, new TransactionId("1")).isEmpty());
        CardNumber other = ContractData.freshCard();
        LedgerId taken = chain.get(0).stateAfter().ledgerId().orElseThrow();
        assertFalse(port().claimLedgerId(brand, taken, other), "a ledger id belongs to one card of the brand");
        assertTrue(port().claimLedgerId(brand, taken, card), "the same card may claim it again (a retried first write)");
        assertTrue(port().claimLedgerId(ContractData.freshBrand(), taken, other), "ledger ids are per brand");
        assertEquals(Optional.of(card), port().cardOf(brand, taken));
    }

    /** Every card the due index lists by {@code now}, walking every shard to its end in pages of {@code pageSize}. */
    private List<CardLedgerPort.DueCard> walk(Instant now, int pageSize) {
        List<CardLedgerPort.DueCard> all = new ArrayList<>();
        for (int shard = 0; shard < port().dueShards(); shard++) {
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                CardLedgerPort.DuePage page = port().dueCards(shard, now, pageSize, cursor);
                all.addAll(page.cards());
                cursor = page.next();
                assertTrue(++pages < 10_000, "the walk ends");
            } while (cursor.isPresent());
        }
        return all;
    }

    private long listed(Instant now, int pageSize) {
        return walk(now, pageSize).stream().filter(d -> d.brand().equals(brand) && d.card().equals(card)).count();
    }

    @Test
    void cards_whose_head_state_is_due_are_listed_for_the_sweeper() {
        List<LedgerEntry> chain = appendChain();
        Instant due = ExpireDueUseCase.nextDue(chain.get(chain.size() - 1)).orElseThrow();

        assertTrue(eventuallyTrue(() -> listed(due, CardLedgerPort.MAX_DUE) == 1), "due at its head's nextDue");
        assertEquals(0, listed(due.minusMillis(1), CardLedgerPort.MAX_DUE), "not before");
        assertEquals(1, listed(due.plusSeconds(60), CardLedgerPort.MAX_DUE), "each card once, however many of its entries were due");
        CardLedgerPort.DueCard mine = walk(due.plusSeconds(60), CardLedgerPort.MAX_DUE).stream()
                .filter(d -> d.card().equals(card)).findFirst().orElseThrow();
        assertEquals(due.truncatedTo(ChronoUnit.MILLIS), mine.due(), "with its due instant");
    }

    @Test
    void a_card_whose_head_has_nothing_left_to_expire_is_not_due_and_stays_so() {
        Instant due = ContractData.T0.plus(Duration.ofDays(30));
        List<LedgerEntry> entries = ContractData.expiringThenSpent(brand, card, due);
        for (int i = 0; i < entries.size(); i++) {
            Optional<LedgerEntry> previous = i == 0 ? Optional.empty() : Optional.of(entries.get(i - 1));
            assertInstanceOf(CardLedgerPort.AppendOutcome.Appended.class, port().append(entries.get(i), previous));
        }

        for (int sweeps = 0; sweeps < 3; sweeps++) {
            assertEquals(0, listed(due.plusSeconds(60), CardLedgerPort.MAX_DUE),
                    "entry 1 was due, but the head (entry 2) has nothing that expires");
        }
    }

    @Test
    void superseded_names_ahead_of_a_due_card_never_end_a_walk_and_are_read_once() {
        Instant lastLapse = ContractData.T0.plus(Duration.ofDays(1));
        CardNumber busy = ContractData.freshCard();
        List<LedgerEntry> entries = ContractData.holdsReleased(brand, busy, 150, lastLapse);
        for (int i = 0; i < entries.size(); i++) {
            port().append(entries.get(i), i == 0 ? Optional.empty() : Optional.of(entries.get(i - 1)));
        }
        Instant due = lastLapse.plus(Duration.ofDays(1));
        for (LedgerEntry e : ContractData.expiringThenSpent(brand, card, due).subList(0, 1)) {
            port().append(e, Optional.empty());
        }
        Instant now = due.plusSeconds(1);

        assertTrue(eventuallyTrue(() -> listed(now, 1) == 1), "the due card behind 150 superseded names is found");
        assertEquals(0, walk(now, CardLedgerPort.MAX_DUE).stream().filter(d -> d.card().equals(busy)).count(),
                "the busy card is not due");
    }

    private boolean eventuallyTrue(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + indexLag().toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private <T> T eventually(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + indexLag().toNanos();
        while (true) {
            Optional<T> value = read.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value.orElseThrow(() -> new AssertionError("not visible within " + indexLag()));
            }
            Thread.onSpinWait();
        }
    }
}
