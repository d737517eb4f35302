package io.tally.domain.ledger;

import io.tally.domain.event.PublishEventPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gets every committed ledger entry's event to the consumers, at least once, without ever failing the caller whose
 * entry it is. The entry is the event: it is written into the ledger's outbox by its own append
 * ({@link CardLedgerPort#unrelayed}). The fast path ({@link #relay}) publishes right after the write and takes the
 * entries out of the outbox; if the process dies or the transport fails in between, the entries simply stay in the
 * outbox and the periodic drain ({@link #drain}) publishes them. A publish that succeeded but was not yet marked is
 * published again: consumers de-duplicate on the event id ({@link LedgerEvents#eventId}).
 */
public final class EventRelay {
    /** The drain leaves entries younger than this to the fast path, which is normally done within milliseconds. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final CardLedgerPort ledger;
    private final PublishEventPort events;

    public EventRelay(CardLedgerPort ledger, PublishEventPort events) {
        this.ledger = ledger;
        this.events = events;
    }

    /** What a drain did: entries published, and whether it stopped early on a fault (the next run goes on). */
    public record Report(int relayed, boolean interrupted) {
    }

    /** The fast path, right after a commit: true when published and marked; false leaves the rest to {@link #drain}. */
    public boolean relay(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return true;
        }
        try {
            publishAndMark(entries);
            return true;
        } catch (RuntimeException afterCommit) {
            return false; // the entries stay in the outbox: the drain publishes them
        }
    }

    /** Publishes what is in the outbox and older than {@link #GRACE}, oldest first, at most {@code max} entries. */
    public Report drain(Instant now, int max) {
        int relayed = 0;
        while (relayed < max) {
            List<LedgerEntry> page;
            try {
                page = ledger.unrelayed(now.minus(GRACE), Math.min(CardLedgerPort.MAX_OUTBOX, max - relayed));
                if (page.isEmpty()) {
                    return new Report(relayed, false);
                }
                publishAndMark(page);
            } catch (RuntimeException fault) {
                return new Report(relayed, true);
            }
            relayed += page.size();
        }
        return new Report(relayed, false);
    }

    private void publishAndMark(List<LedgerEntry> entries) {
        events.publish(entries.stream().map(LedgerEvents::of).toList());
        entries.forEach(ledger::markRelayed);
    }
}
