package io.tally.domain.report;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Told of every event the activity log holds (the events consumer, after recording; a redelivery too): a ledger entry
 * of a day that has already ended in the brand's zone is noted late, so the rollup job rolls that day up again. An
 * entry recorded before its day ended is in every computation of the day (the job computes a day only once it has
 * ended), so the rollups miss nothing whatever the order of the job and the deliveries.
 */
public final class LateEntries implements Consumer<DomainEvent> {
    private final RollupPort rollups;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;
    private final Supplier<String> tokens;

    public LateEntries(RollupPort rollups, Function<BrandId, ZoneId> zones, Clock clock, Supplier<String> tokens) {
        this.rollups = Objects.requireNonNull(rollups, "rollups");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public void accept(DomainEvent event) {
        if (!event.type().startsWith("ledger.")) {
            return;
        }
        ZoneId zone = zones.apply(event.brand());
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), zone);
        if (day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            rollups.noteLate(event.brand(), day, tokens.get());
        }
    }
}
