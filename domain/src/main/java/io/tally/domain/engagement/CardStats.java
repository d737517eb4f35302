package io.tally.domain.engagement;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** A card's statistics as the pages show them: its purchases and visits, its events, and what derives from both. */
public record CardStats(CardLedgerStats ledger, CardEventStats events) {
    /** Average order value in ten-thousandths of the checkout currency (spend / orders, rounded down); empty without orders. */
    public Optional<Long> averageOrderValue() {
        return ledger.orders() == 0 ? Optional.empty() : Optional.of(ledger.spend() / ledger.orders());
    }

    /** The newest of the last customer transaction and the last recorded event. */
    public Optional<Instant> lastActivity() {
        return Stream.of(ledger.lastTransactionAt(), events.lastEventAt()).flatMap(Optional::stream).max(Instant::compareTo);
    }
}
