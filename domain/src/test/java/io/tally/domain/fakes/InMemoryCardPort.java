package io.tally.domain.fakes;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Card profiles in memory with the adapter's conditional-write semantics: keyed by number alone (numbers are
 * unique across brands, like the adapter's {@code CARD#n} item), every read and write scoped by brand. Thread-safe.
 */
public final class InMemoryCardPort implements CardPort {
    private final Map<String, Card> cards = new HashMap<>();
    private int crashes;
    private volatile CountDownLatch[] pause;

    /** The process dies at the next {@code n} profile updates ({@link Crash}). */
    public synchronized void crashNextUpdates(int n) {
        crashes = n;
    }

    /** The next allocation signals {@code entered} and then waits (up to 5 s) for {@code goOn} before it writes. */
    public void pauseNextAllocate(CountDownLatch entered, CountDownLatch goOn) {
        pause = new CountDownLatch[] {entered, goOn};
    }

    @Override
    public synchronized Optional<Card> load(BrandId brand, CardNumber number) {
        return Optional.ofNullable(cards.get(number.value())).filter(c -> c.brand().equals(brand));
    }

    @Override
    public synchronized WriteOutcome create(Card card) {
        return cards.putIfAbsent(card.number().value(), card) == null
                ? WriteOutcome.WRITTEN : WriteOutcome.CONDITION_FAILED;
    }

    @Override
    public synchronized WriteOutcome update(Card changed) {
        if (crashes > 0) {
            crashes--;
            throw new Crash("updating card " + changed.number());
        }
        return replaceIf(changed, false);
    }

    @Override
    public WriteOutcome allocate(Card activated) {
        CountDownLatch[] p = pause;
        if (p != null) {
            pause = null;
            p[0].countDown();
            try {
                p[1].await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            return replaceIf(activated, true);
        }
    }

    @Override
    public synchronized List<Card> unallocated(BrandId brand, CardSetId cardSet, int limit) {
        checkLimit(limit);
        return cards.values().stream()
                .filter(c -> c.brand().equals(brand) && c.cardSet().equals(cardSet) && c.status() == CardStatus.UNALLOCATED)
                .sorted(Comparator.comparing(Card::number)).limit(limit).toList();
    }

    @Override
    public synchronized List<Card> search(BrandId brand, CardSearch criterion, int limit) {
        checkLimit(limit);
        return cards.values().stream().filter(c -> c.brand().equals(brand) && criterion.matches(c))
                .sorted(criterion.order()).limit(limit).toList();
    }

    @Override
    public synchronized long countInCardSet(BrandId brand, CardSetId cardSet) {
        return cards.values().stream().filter(c -> c.brand().equals(brand) && c.cardSet().equals(cardSet)).count();
    }

    @Override
    public synchronized CardPage allocatedInCardSet(BrandId brand, CardSetId cardSet, NumberRange range,
                                                    Optional<CardNumber> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        List<Card> page = cards.values().stream()
                .filter(c -> c.brand().equals(brand) && c.cardSet().equals(cardSet) && c.status() != CardStatus.UNALLOCATED)
                .filter(c -> range.contains(c.number()) && after.map(a -> c.number().compareTo(a) > 0).orElse(true))
                .sorted(Comparator.comparing(Card::number)).limit(limit).toList();
        return new CardPage(page, page.size() < limit ? Optional.empty() : Optional.of(page.get(page.size() - 1).number()));
    }

    /** Every card number of a card set, allocated or not, in order (a test helper; the port itself is bounded). */
    public synchronized List<CardNumber> numbersInCardSet(BrandId brand, CardSetId cardSet) {
        return cards.values().stream().filter(c -> c.brand().equals(brand) && c.cardSet().equals(cardSet))
                .map(Card::number).sorted().toList();
    }

    private WriteOutcome replaceIf(Card changed, boolean mustBeUnallocated) {
        String key = changed.number().value();
        Card stored = cards.get(key);
        if (stored == null || !stored.brand().equals(changed.brand())) {
            return WriteOutcome.NOT_FOUND;
        }
        if (stored.version() != changed.version() - 1 || (mustBeUnallocated && stored.status() != CardStatus.UNALLOCATED)) {
            return WriteOutcome.CONDITION_FAILED;
        }
        cards.put(key, changed);
        return WriteOutcome.WRITTEN;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit 1.." + MAX_RESULTS);
        }
    }
}
