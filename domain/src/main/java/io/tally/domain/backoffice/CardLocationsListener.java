package io.tally.domain.backoffice;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.LocationId;
import java.util.function.Consumer;

/**
 * Feeds {@link CardLocationsPort} from the brand's events: every event that names a card and the location it happened
 * at (ledger entries, and allocations or enrollments made at a till) links the card to that location. Runs in the
 * events consumer next to the activity log's recording, at least once: linking again changes nothing.
 */
public final class CardLocationsListener implements Consumer<DomainEvent> {
    private final CardLocationsPort locations;

    public CardLocationsListener(CardLocationsPort locations) {
        this.locations = locations;
    }

    @Override
    public void accept(DomainEvent event) {
        String card = event.data().get("cardNumber");
        String location = event.data().get("location");
        if (card != null && location != null && !location.isBlank()) {
            locations.link(event.brand(), new CardNumber(card), new LocationId(location));
        }
    }
}
