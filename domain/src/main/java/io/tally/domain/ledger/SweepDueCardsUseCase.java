package io.tally.domain.ledger;

import io.tally.domain.shared.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The expiry sweeper: finds, through the ledger's due index (never a scan), the cards whose value has expired or
 * whose holds have lapsed, and writes down what time did to them ({@link ExpireDueUseCase}). Its progress guarantee:
 * <ul>
 * <li>It walks every shard of the index with a cursor, earliest due first across shards, so superseded index
 * entries are skipped (and removed by the port) and never end a run or hide the cards behind them.</li>
 * <li>A card whose sweep fails (a storage fault, a card busy beyond the retries) is counted and left for the next
 * run; the run goes on with the others, and each failing card costs a run one visit at most.</li>
 * <li>A card whose expired value a hold keeps in full is not due at all ({@link Settlement#nextChange} skips
 * instants that change nothing), so no such card is visited run after run.</li>
 * </ul>
 * So with at most {@code maxCards} visits a run, n due cards are all swept within ceil(n / (maxCards - f)) runs when f
 * cards keep failing. Reading the index is bounded too ({@link #MAX_PAGES_PER_RUN}). Cards may be swept several at a
 * time ({@code parallelism}); the index is walked by the calling thread alone.
 */
public final class SweepDueCardsUseCase {
    /** Index pages one run reads at most (superseded entries included): bounds a run's time. */
    static final int MAX_PAGES_PER_RUN = 2_000;

    private final CardLedgerPort ledger;
    private final ExpireDueUseCase expire;
    private final int parallelism;

    /** Sweeps one card at a time. */
    public SweepDueCardsUseCase(CardLedgerPort ledger, ExpireDueUseCase expire) {
        this(ledger, expire, 1);
    }

    /**
     * Sweeps up to {@code parallelism} cards at once (each card's writes are its own; the index is read by one
     * thread): a run's time is round trips, so overlapping cards multiplies what one run gets through.
     */
    public SweepDueCardsUseCase(CardLedgerPort ledger, ExpireDueUseCase expire, int parallelism) {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism 1..64");
        }
        this.ledger = ledger;
        this.expire = expire;
        this.parallelism = parallelism;
    }

    /**
     * What one run did: cards visited, entries written, superseded index entries removed, and the cards that failed
     * (left for the next run) with the reason.
     */
    public record Report(int cardsVisited, int entriesWritten, int supersededRemoved, List<Failure> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        public int cardsLeftForNextRun() {
            return failures.size();
        }
    }

    public record Failure(CardLedgerPort.DueCard card, String reason) {
    }

    /** Sweeps at most {@code maxCards} due cards, earliest due first. */
    public Report sweep(Instant now, int maxCards) {
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < ledger.dueShards(); i++) {
            shards.add(new Shard(i));
        }
        Tally tally = new Tally();
        ExecutorService workers = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism);
        Semaphore slots = new Semaphore(parallelism);
        int visited = 0;
        int pages = 0;
        int superseded = 0;
        try {
            while (visited < maxCards && pages < MAX_PAGES_PER_RUN) {
                for (Shard s : shards) {
                    if (s.queue.isEmpty() && !s.done && pages < MAX_PAGES_PER_RUN) {
                        CardLedgerPort.DuePage page = ledger.dueCards(s.index, now, CardLedgerPort.MAX_DUE, s.cursor);
                        pages++;
                        superseded += page.superseded();
                        s.queue.addAll(page.cards());
                        s.cursor = page.next();
                        s.done = page.next().isEmpty();
                    }
                }
                Optional<Shard> earliest = shards.stream().filter(s -> !s.queue.isEmpty())
                        .min(Comparator.comparing((Shard s) -> s.queue.peekFirst().due()));
                if (earliest.isEmpty()) {
                    if (shards.stream().allMatch(s -> s.done)) {
                        break;
                    }
                    continue;
                }
                CardLedgerPort.DueCard card = earliest.get().queue.pollFirst();
                visited++;
                if (workers == null) {
                    sweepOne(card, tally);
                } else {
                    slots.acquireUninterruptibly();
                    workers.execute(() -> {
                        try {
                            sweepOne(card, tally);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
        } finally {
            slots.acquireUninterruptibly(parallelism); // every card of the run is done
            if (workers != null) {
                workers.shutdown();
            }
        }
        return new Report(visited, tally.written(), superseded, tally.failures());
    }

    private void sweepOne(CardLedgerPort.DueCard card, Tally tally) {
        try {
            Outcome<List<LedgerEntry>> outcome = expire.sweep(card.brand(), card.card());
            if (outcome.isAccepted()) {
                tally.wrote(outcome.value().size());
            } else {
                tally.failed(new Failure(card, ((Outcome.Rejected<?>) outcome).rejection().reason().name()));
            }
        } catch (RuntimeException fault) {
            tally.failed(new Failure(card, fault.getClass().getSimpleName() + ": " + fault.getMessage()));
        }
    }

    /** What the run's workers did, counted safely across threads. */
    private static final class Tally {
        private int written;
        private final List<Failure> failures = new ArrayList<>();

        synchronized void wrote(int entries) {
            written += entries;
        }

        synchronized void failed(Failure failure) {
            failures.add(failure);
        }

        synchronized int written() {
            return written;
        }

        synchronized List<Failure> failures() {
            return List.copyOf(failures);
        }
    }

    /** One shard's walk: the cards read but not yet swept, and where to continue. */
    private static final class Shard {
        private final int index;
        private final Deque<CardLedgerPort.DueCard> queue = new ArrayDeque<>();
        private Optional<String> cursor = Optional.empty();
        private boolean done;

        Shard(int index) {
            this.index = index;
        }
    }
}
