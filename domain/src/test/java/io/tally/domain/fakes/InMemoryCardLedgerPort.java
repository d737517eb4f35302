package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger in memory, with the adapter's semantics: append is a put-if-absent on (brand, card, sequence)
 * and nothing more (no gap check, as one conditional PutItem cannot do one); history pages by an opaque
 * cursor; everything is scoped by brand. Thread-safe, for the concurrency tests.
 */
public final class InMemoryCardLedgerPort implements CardLedgerPort {
    private final Map<String, TreeMap<Long, LedgerEntry>> cards = new HashMap<>();
    private int appendFailuresToInject;
    private int conflicts;

    /** The next {@code n} appends report a conflict even though nothing is stored (simulates losing races). */
    public synchronized void failNextAppends(int n) {
        appendFailuresToInject = n;
    }

    /** How many appends lost a race so far. */
    public synchronized int conflicts() {
        return conflicts;
    }

    @Override
    public synchronized Optional<LedgerEntry> head(BrandId brand, CardNumber card) {
        TreeMap<Long, LedgerEntry> entries = cards.get(key(brand, card));
        return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(entries.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<LedgerEntry> entry(BrandId brand, CardNumber card, long sequence) {
        return Optional.ofNullable(cards.getOrDefault(key(brand, card), new TreeMap<>()).get(sequence));
    }

    @Override
    public synchronized AppendOutcome append(LedgerEntry next) {
        if (appendFailuresToInject > 0) {
            appendFailuresToInject--;
            return AppendOutcome.CONFLICT;
        }
        TreeMap<Long, LedgerEntry> entries = cards.computeIfAbsent(key(next.brand(), next.card()), k -> new TreeMap<>());
        if (entries.containsKey(next.sequence())) {
            conflicts++;
            return AppendOutcome.CONFLICT;
        }
        entries.put(next.sequence(), next);
        return AppendOutcome.APPENDED;
    }

    @Override
    public synchronized HistoryPage history(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize,
                                            Optional<String> cursor) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size 1.." + MAX_PAGE);
        }
        long after = cursor.map(Long::parseLong).orElse(0L);
        List<LedgerEntry> matching = cards.getOrDefault(key(brand, card), new TreeMap<>()).tailMap(after, false).values()
                .stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
        List<LedgerEntry> page = new ArrayList<>(matching.subList(0, Math.min(pageSize, matching.size())));
        Optional<String> next = matching.size() > pageSize
                ? Optional.of(Long.toString(page.get(page.size() - 1).sequence())) : Optional.empty();
        return new HistoryPage(page, next);
    }

    @Override
    public synchronized Optional<LedgerEntry> byTransactionId(BrandId brand, TransactionId transactionId) {
        String prefix = brand.value() + "|";
        return cards.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().values().stream())
                .filter(e -> e.transactionId().equals(transactionId))
                .findFirst();
    }

    /** Every entry of the card, in order (test helper; the port itself pages). */
    public synchronized List<LedgerEntry> all(BrandId brand, CardNumber card) {
        return List.copyOf(cards.getOrDefault(key(brand, card), new TreeMap<>()).values());
    }

    private static String key(BrandId brand, CardNumber card) {
        return brand.value() + "|" + card.value();
    }
}
