package io.tally.domain.backoffice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the brand's transactions, newest first. {@code next} continues after the last event examined, present
 * when more may follow: a page examines at most {@link CustomerServiceUseCase#MAX_EXAMINED} events of the log, so a
 * narrow filter may answer a short (even empty) page that still has a next one.
 */
public record TransactionsPage(List<BrandTransaction> transactions, Optional<String> next, int examined) {
    public TransactionsPage {
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(next, "next");
    }

    static TransactionsPage empty() {
        return new TransactionsPage(List.of(), Optional.empty(), 0);
    }
}
