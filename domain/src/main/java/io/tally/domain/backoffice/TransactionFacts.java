package io.tally.domain.backoffice;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.event.DomainEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Adds the card's program and card set to a ledger event before the activity log records it, so the brand's
 * transactions can be filtered by them without reading a card per entry at read time. A ledger entry does not know
 * its card's program or card set; the card does, and neither ever changes, so one read of the card when the event is
 * recorded (the events consumer, asynchronously) is enough. Other events, a card not found and an event that already
 * carries both pass unchanged.
 */
public final class TransactionFacts implements UnaryOperator<DomainEvent> {
    private final CardPort cards;

    public TransactionFacts(CardPort cards) {
        this.cards = cards;
    }

    @Override
    public DomainEvent apply(DomainEvent event) {
        String number = event.data().get("cardNumber");
        if (!event.type().startsWith("ledger.") || number == null
                || (event.data().containsKey("program") && event.data().containsKey("cardSet"))) {
            return event;
        }
        return cards.load(event.brand(), new CardNumber(number)).map(card -> {
            Map<String, String> data = new HashMap<>(event.data());
            data.put("program", card.program().value());
            data.put("cardSet", card.cardSet().value());
            return new DomainEvent(event.id(), event.type(), event.brand(), event.occurredAt(), data);
        }).orElse(event);
    }
}
