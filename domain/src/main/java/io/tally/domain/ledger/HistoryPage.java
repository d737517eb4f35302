package io.tally.domain.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a card's history; {@code next} is present when more entries may follow. */
public record HistoryPage(List<LedgerEntry> entries, Optional<String> next) {
    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
