package io.tally.domain.ledger;

import io.tally.domain.shared.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * The expiry sweeper: finds, through the ledger's due index (never a scan), the cards whose value has
 * expired or whose holds have run out, and writes their EXPIRE and RELEASE entries. Bounded per run; a
 * card it could not finish (a lost race, a fault) is still due and is picked up by the next run.
 */
public final class SweepDueCardsUseCase {
    private final CardLedgerPort ledger;
    private final ExpireDueUseCase expire;

    public SweepDueCardsUseCase(CardLedgerPort ledger, ExpireDueUseCase expire) {
        this.ledger = ledger;
        this.expire = expire;
    }

    /** What one run did. */
    public record Report(int cardsVisited, int entriesWritten, int cardsLeftForNextRun) {
    }

    /** Sweeps at most {@code maxCards} due cards. */
    public Report sweep(Instant now, int maxCards) {
        int visited = 0;
        int written = 0;
        int failed = 0;
        while (visited < maxCards) {
            int batch = Math.min(CardLedgerPort.MAX_DUE, maxCards - visited);
            List<CardLedgerPort.DueCard> due = ledger.dueCards(now, batch);
            for (CardLedgerPort.DueCard card : due) {
                Outcome<List<LedgerEntry>> outcome = expire.sweep(card.brand(), card.card());
                if (outcome.isAccepted()) {
                    written += outcome.value().size();
                } else {
                    failed++;
                }
            }
            visited += due.size();
            if (due.size() < batch || failed == due.size()) {
                break;
            }
        }
        return new Report(visited, written, failed);
    }
}
