package io.tally.domain.backoffice;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One ledger entry as the brand's activity log tells it (the event {@code ledger.<type>} of {@code LedgerEvents},
 * with the card's program and card set added when the consumer recorded it: {@link TransactionFacts}).
 */
public record BrandTransaction(DomainEvent event) {
    private static final String LEDGER = "ledger.";

    public BrandTransaction {
        Objects.requireNonNull(event, "event");
        if (!event.type().startsWith(LEDGER)) {
            throw new IllegalArgumentException("not a ledger event: " + event.type());
        }
    }

    /** The event as a transaction, if it is one (a ledger entry's event naming its card). */
    public static Optional<BrandTransaction> of(DomainEvent event) {
        return event.type().startsWith(LEDGER) && event.data().containsKey("cardNumber")
                ? Optional.of(new BrandTransaction(event)) : Optional.empty();
    }

    /** Lower case entry type: issue, redeem, hold, release, adjust, void, expire, enroll, checkout. */
    public String type() {
        return event.type().substring(LEDGER.length()).toLowerCase(Locale.ROOT);
    }

    public Instant at() {
        return event.occurredAt();
    }

    public CardNumber card() {
        return new CardNumber(event.data().get("cardNumber"));
    }

    public String transactionId() {
        return event.data().getOrDefault("transactionId", "");
    }

    public Optional<LocationId> location() {
        return text("location").map(LocationId::new);
    }

    public Optional<String> terminal() {
        return text("terminal");
    }

    public Optional<String> program() {
        return text("program");
    }

    public Optional<String> cardSet() {
        return text("cardSet");
    }

    public Optional<String> requestRef() {
        return text("requestRef");
    }

    public Optional<String> externalTransactionId() {
        return text("externalTransactionId");
    }

    /** Signed change of each value type's balance (minor units), by the value type key's text. */
    public Map<String, Long> balanceChanges() {
        Map<String, Long> changes = new TreeMap<>();
        event.data().forEach((k, v) -> {
            if (k.startsWith("balance.")) {
                changes.put(k.substring("balance.".length()), Long.parseLong(v));
            }
        });
        return changes;
    }

    private Optional<String> text(String field) {
        return Optional.ofNullable(event.data().get(field)).filter(s -> !s.isBlank());
    }
}
