package io.tally.lambda.jobs;

import io.tally.domain.ledger.EventRelay;
import io.tally.lambda.topology.PeriodicJobs;
import java.time.Instant;

/** {@code event-relay}: publishes the events of committed ledger entries that the fast path did not get out. */
public final class EventRelayTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.EVENT_RELAY.name();
    /** Entries per run: a backlog larger than this (a long transport outage) drains over several runs. */
    static final int MAX_ENTRIES_PER_RUN = 10_000;

    private final EventRelay relay;

    public EventRelayTask(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        EventRelay.Report r = relay.drain(now, MAX_ENTRIES_PER_RUN);
        return r.relayed() + " outbox entries relayed" + (r.interrupted() ? ", stopped by a fault (the next run goes on)" : "");
    }
}
