package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The ledger in memory, with the adapter's semantics: append is a put-if-absent on (card, sequence)
 * and nothing more (no gap check, as one conditional PutItem cannot do one); history pages by an opaque
 * cursor; everything is scoped by brand. Thread-safe, for the concurrency tests.
 */
public final class InMemoryCardLedgerPort implements CardLedgerPort {
    private final Map<String, TreeMap<Long, LedgerEntry>> cards = new HashMap<>();
    private final Map<String, CardNumber> ledgerIds = new HashMap<>();
    /**
     * The sweeper's due index with the adapter's shape: an entry names its card's due instant (ceiling millisecond)
     * where it changed; superseded names stay until {@link #dueCards} meets them.
     */
    private final TreeMap<DueKey, BrandId> dueIndex = new TreeMap<>();
    /** The outbox: entries whose event has not been relayed yet, in append order. */
    private final Map<String, LedgerEntry> outbox = new LinkedHashMap<>();
    private int appendFailuresToInject;
    private int conflicts;
    private final Set<String> failingCards = new HashSet<>();

    private Predicate<LedgerEntry> crashAfter = e -> false;

    /**
     * The process dies right after storing an entry that matches ({@link Crash}): the entry is written, nothing after
     * the write runs. For fault-injection tests that kill a call after each write.
     */
    public synchronized void crashAfterAppending(Predicate<LedgerEntry> which) {
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

    private volatile CyclicBarrier readersMeet;

    /**
     * Makes the next {@code parties} head readers wait for each other (up to a second) after reading, so that
     * they all decide from the same head and race for the same sequence number, as concurrent tills do on a
     * busy card. Lets a concurrency test prove that races happened instead of hoping the scheduler makes them.
     */
    public void makeNextReadersMeet(int parties) {
        readersMeet = new CyclicBarrier(parties, () -> readersMeet = null);
    }

    @Override
    public Optional<LedgerEntry> head(BrandId brand, CardNumber card) {
        Optional<LedgerEntry> head;
        synchronized (this) {
            TreeMap<Long, LedgerEntry> entries = entriesOf(brand, card);
            head = entries.isEmpty() ? Optional.empty() : Optional.of(entries.lastEntry().getValue());
        }
        CyclicBarrier barrier = readersMeet;
        if (barrier != null) {
            try {
                barrier.await(1, TimeUnit.SECONDS);
            } catch (BrokenBarrierException | TimeoutException e) {
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
    public synchronized AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
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
        Optional<Long> due = dueMillis(next);
        if (due.isPresent() && (previous.isEmpty() || !due.equals(dueMillis(previous.get())))) {
            dueIndex.put(new DueKey(due.get(), next.card().value(), next.sequence()), next.brand());
        }
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
    public int dueShards() {
        return 1;
    }

    @Override
    public synchronized DuePage dueCards(int shard, Instant now, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_DUE || shard != 0) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE + ", shard 0");
        }
        List<DueCard> due = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<DueKey> superseded = new ArrayList<>();
        DueKey last = null;
        Map<String, Optional<Long>> headsDue = new HashMap<>();
        var after = cursor.map(DueKey::parse).map(k -> dueIndex.tailMap(k, false)).orElse(dueIndex);
        for (var hit : after.entrySet()) {
            DueKey key = hit.getKey();
            if (key.due() > now.toEpochMilli() || due.size() == limit) {
                break;
            }
            last = key;
            LedgerEntry head = cards.get(key.card()).lastEntry().getValue();
            boolean live = head.sequence() == key.sequence()
                    || headsDue.computeIfAbsent(key.card(), c -> dueMillis(head)).equals(Optional.of(key.due()));
            if (!live) {
                superseded.add(key);
            } else if (listed.add(key.card())) {
                due.add(new DueCard(hit.getValue(), head.card(), Instant.ofEpochMilli(key.due())));
            }
        }
        superseded.forEach(dueIndex::remove);
        boolean more = last != null && dueIndex.higherKey(last) != null && dueIndex.higherKey(last).due() <= now.toEpochMilli();
        return new DuePage(due, more ? Optional.of(last.text()) : Optional.empty(), superseded.size());
    }

    /**
     * Adds {@code n} superseded names of this card to the due index at {@code due} (test helper): what a long history
     * whose due instant kept changing leaves behind in the adapter's index.
     */
    public synchronized void indexSuperseded(BrandId brand, CardNumber card, Instant due, int n) {
        for (int i = 1; i <= n; i++) {
            dueIndex.put(new DueKey(ceilMillis(due), card.value(), -i), brand);
        }
    }

    /** How many names the due index holds, superseded ones included (test helper). */
    public synchronized int dueIndexSize() {
        return dueIndex.size();
    }

    private static Optional<Long> dueMillis(LedgerEntry e) {
        return ExpireDueUseCase.nextDue(e).map(InMemoryCardLedgerPort::ceilMillis);
    }

    private static long ceilMillis(Instant at) {
        return at.toEpochMilli() + (at.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    /** A due index name: the due millisecond, the card, the entry that named it. */
    private record DueKey(long due, String card, long sequence) implements Comparable<DueKey> {
        static DueKey parse(String text) {
            String[] p = text.split("\\|");
            return new DueKey(Long.parseLong(p[0]), p[1], Long.parseLong(p[2]));
        }

        String text() {
            return due + "|" + card + "|" + sequence;
        }

        @Override
        public int compareTo(DueKey o) {
            return Comparator.comparingLong(DueKey::due).thenComparing(DueKey::card).thenComparingLong(DueKey::sequence)
                    .compare(this, o);
        }
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
