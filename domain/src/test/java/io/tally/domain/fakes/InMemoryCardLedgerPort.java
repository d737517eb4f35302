package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger in memory, with the adapter's semantics: append is a put-if-absent on (card, sequence)
 * and nothing more (no gap check, as one conditional PutItem cannot do one); history pages by an opaque
 * cursor; everything is scoped by brand. Thread-safe, for the concurrency tests.
 */
public final class InMemoryCardLedgerPort implements CardLedgerPort {
    private final Map<String, TreeMap<Long, LedgerEntry>> cards = new HashMap<>();
    private final Map<String, CardNumber> ledgerIds = new HashMap<>();
    /** The outbox: entries whose event has not been relayed yet, in append order. */
    private final Map<String, LedgerEntry> outbox = new java.util.LinkedHashMap<>();
    private int appendFailuresToInject;
    private int conflicts;
    private final java.util.Set<String> failingCards = new java.util.HashSet<>();

    private java.util.function.Predicate<LedgerEntry> crashAfter = e -> false;

    /**
     * The process dies right after storing an entry that matches ({@link Crash}): the entry is written, nothing after
     * the write runs. For fault-injection tests that kill a call after each write.
     */
    public synchronized void crashAfterAppending(java.util.function.Predicate<LedgerEntry> which) {
        crashAfter = which;
    }

    /** Every append to this card fails from now on, as a storage fault would (an exception, not a conflict). */
    public synchronized void failAppendsOf(CardNumber card) {
        failingCards.add(card.value());
    }

    /** The next {@code n} appends report a conflict even though nothing is stored (simulates losing races). */
    public synchronized void failNextAppends(int n) {
        appendFailuresToInject = n;
    }

    /** How many appends lost a race so far. */
    public synchronized int conflicts() {
        return conflicts;
    }

    private volatile java.util.concurrent.CyclicBarrier readersMeet;

    /**
     * Makes the next {@code parties} head readers wait for each other (up to a second) after reading, so that
     * they all decide from the same head and race for the same sequence number, as concurrent tills do on a
     * busy card. Lets a concurrency test prove that races happened instead of hoping the scheduler makes them.
     */
    public void makeNextReadersMeet(int parties) {
        readersMeet = new java.util.concurrent.CyclicBarrier(parties, () -> readersMeet = null);
    }

    @Override
    public Optional<LedgerEntry> head(BrandId brand, CardNumber card) {
        Optional<LedgerEntry> head;
        synchronized (this) {
            TreeMap<Long, LedgerEntry> entries = entriesOf(brand, card);
            head = entries.isEmpty() ? Optional.empty() : Optional.of(entries.lastEntry().getValue());
        }
        java.util.concurrent.CyclicBarrier barrier = readersMeet;
        if (barrier != null) {
            try {
                barrier.await(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
                readersMeet = null; // fewer readers came: carry on unsynchronised
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return head;
    }

    @Override
    public synchronized Optional<LedgerEntry> entry(BrandId brand, CardNumber card, long sequence) {
        return Optional.ofNullable(entriesOf(brand, card).get(sequence));
    }

    @Override
    public synchronized AppendOutcome append(LedgerEntry next) {
        if (failingCards.contains(next.card().value())) {
            throw new IllegalStateException("storage fault injected for card " + next.card());
        }
        if (appendFailuresToInject > 0) {
            appendFailuresToInject--;
            return AppendOutcome.CONFLICT;
        }
        TreeMap<Long, LedgerEntry> entries = cards.computeIfAbsent(next.card().value(), k -> new TreeMap<>());
        if (entries.containsKey(next.sequence())) {
            conflicts++;
            return AppendOutcome.CONFLICT;
        }
        entries.put(next.sequence(), next);
        outbox.put(next.card().value() + "|" + next.sequence(), next);
        if (crashAfter.test(next)) {
            throw new Crash("after appending entry " + next.sequence() + " of card " + next.card());
        }
        return AppendOutcome.APPENDED;
    }

    @Override
    public synchronized HistoryPage history(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize,
                                            Optional<String> cursor) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size 1.." + MAX_PAGE);
        }
        long after = cursor.map(Long::parseLong).orElse(0L);
        List<LedgerEntry> matching = entriesOf(brand, card).tailMap(after, false).values()
                .stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
        List<LedgerEntry> page = new ArrayList<>(matching.subList(0, Math.min(pageSize, matching.size())));
        Optional<String> next = matching.size() > pageSize
                ? Optional.of(Long.toString(page.get(page.size() - 1).sequence())) : Optional.empty();
        return new HistoryPage(page, next);
    }

    @Override
    public synchronized List<LedgerEntry> unrelayed(Instant before, int limit) {
        if (limit < 1 || limit > MAX_OUTBOX) {
            throw new IllegalArgumentException("limit 1.." + MAX_OUTBOX);
        }
        return outbox.values().stream().filter(e -> e.time().isBefore(before))
                .sorted(Comparator.comparing(LedgerEntry::time)).limit(limit).toList();
    }

    @Override
    public synchronized void markRelayed(LedgerEntry entry) {
        outbox.remove(entry.card().value() + "|" + entry.sequence());
    }

    /** How many entries wait in the outbox (test helper). */
    public synchronized int outboxSize() {
        return outbox.size();
    }

    @Override
    public synchronized boolean claimLedgerId(BrandId brand, LedgerId ledgerId, CardNumber card) {
        CardNumber holder = ledgerIds.putIfAbsent(brand.value() + "|" + ledgerId.value(), card);
        return holder == null || holder.equals(card);
    }

    @Override
    public synchronized Optional<CardNumber> cardOf(BrandId brand, LedgerId ledgerId) {
        return Optional.ofNullable(ledgerIds.get(brand.value() + "|" + ledgerId.value()));
    }

    @Override
    public synchronized List<DueCard> dueCards(Instant now, int limit) {
        if (limit < 1 || limit > MAX_DUE) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE);
        }
        record Due(Instant at, DueCard card) {
        }
        return cards.values().stream().filter(entries -> !entries.isEmpty()).map(entries -> entries.lastEntry().getValue())
                .flatMap(head -> ExpireDueUseCase.nextDue(head).filter(at -> !at.isAfter(now)).stream()
                        .map(at -> new Due(at, new DueCard(head.brand(), head.card()))))
                .sorted(Comparator.comparing(Due::at)).limit(limit).map(Due::card).toList();
    }

    /** Every entry of the card, in order (test helper; the port itself pages). */
    public synchronized List<LedgerEntry> all(BrandId brand, CardNumber card) {
        return List.copyOf(entriesOf(brand, card).values());
    }

    /** A card's entries as seen by a brand: card numbers are unique across brands, so another brand sees none. */
    private TreeMap<Long, LedgerEntry> entriesOf(BrandId brand, CardNumber card) {
        TreeMap<Long, LedgerEntry> entries = cards.get(card.value());
        return entries == null || entries.isEmpty() || !entries.firstEntry().getValue().brand().equals(brand)
                ? new TreeMap<>() : entries;
    }
}
