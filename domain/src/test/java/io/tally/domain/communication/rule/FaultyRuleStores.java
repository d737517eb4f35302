package io.tally.domain.communication.rule;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.fakes.InMemoryDateRuns;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules' stores as the model tests drive them: the in-memory fakes with a hook right after each write (where a test
 * injects a crash: the write was made, the caller never learns it), and the last visits a test decides.
 */
final class FaultyRuleStores {
    private FaultyRuleStores() {
    }

    /** Due sends kept in {@code store}; {@code written} runs after each put and delete. */
    static DueMailsPort dueMails(InMemoryDueMails store, Runnable written) {
        return new DueMailsPort() {
            public void put(DueMail mail) {
                store.put(mail);
                written.run();
            }

            public List<DueMail> due(Instant now, int limit) {
                return store.due(now, limit);
            }

            public void delete(DueMail mail) {
                store.delete(mail);
                written.run();
            }
        };
    }

    /** Date runs kept in {@code store}; {@code beforeSave} runs before each save, {@code written} after it. */
    static DateRunsPort dateRuns(InMemoryDateRuns store, Runnable beforeSave, Runnable written) {
        return new DateRunsPort() {
            public Optional<DateRun> find(BrandId brand) {
                return store.find(brand);
            }

            public boolean save(DateRun run) {
                beforeSave.run();
                boolean saved = store.save(run);
                written.run();
                return saved;
            }
        };
    }

    /** Ledger statistics that hold only a card's last visit, as {@code lastVisit} says it is now. */
    static CardStatsPort lastVisits(Function<CardNumber, Optional<Instant>> lastVisit) {
        return new CardStatsPort() {
            public Optional<CardLedgerStats> ledgerStats(BrandId brand, CardNumber card) {
                return Optional.of(new CardLedgerStats(brand, card, 1, 0, 0, 0, 0, Optional.empty(),
                        lastVisit.apply(card)));
            }

            public boolean putLedgerStats(CardLedgerStats next, long previousThrough) {
                throw new UnsupportedOperationException();
            }

            public Optional<CardEventStats> eventStats(BrandId brand, CardNumber card) {
                throw new UnsupportedOperationException();
            }

            public boolean putEventStats(CardEventStats next) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
