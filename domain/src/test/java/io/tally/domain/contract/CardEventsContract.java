package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CardEventsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardEventsContract {
    protected abstract CardEventsPort port();

    private final BrandId brand = ContractData.freshBrand();

    public static RecordedEvent event(BrandId brand, CardNumber card, String id, Instant at) {
        return new RecordedEvent(id, brand, card, new EventCategoryId("review"), EventType.FEEDBACK, Sentiment.POSITIVE,
                at, at.plusSeconds(2), new LocationId("web"), new TerminalId("site"), Optional.of(450L),
                Map.of("stars", "4.5", "product", "SKU-1"), "ref-" + id);
    }

    @Test
    void an_event_is_kept_once_with_every_field_however_often_it_is_delivered() {
        CardNumber card = ContractData.freshCard();
        RecordedEvent review = event(brand, card, "rec-1", ContractData.T0);
        assertTrue(port().record(review));
        assertFalse(port().record(review));

        assertEquals(List.of(review), port().newest(brand, card, 10));
        assertEquals(List.of(new CardEventsPort.Mark(review.category(), review.sentiment(), review.occurredAt())),
                port().marks(brand, card));
        assertTrue(port().marks(ContractData.freshBrand(), card).isEmpty());
    }

    @Test
    void a_cards_events_come_newest_first_limited_and_only_to_their_brand() {
        CardNumber card = ContractData.freshCard();
        RecordedEvent old = new RecordedEvent("rec-a", brand, card, new EventCategoryId("visit"), EventType.IN_STORE,
                Sentiment.NEUTRAL, ContractData.T0, ContractData.T0, new LocationId("s1"), new TerminalId("t1"),
                Optional.empty(), Map.of(), "ref-a");
        RecordedEvent mid = event(brand, card, "rec-b", ContractData.T0.plus(Duration.ofHours(1)));
        RecordedEvent latest = event(brand, card, "rec-c", ContractData.T0.plus(Duration.ofDays(1)));
        port().record(mid);
        port().record(latest);
        port().record(old);
        port().record(event(brand, ContractData.freshCard(), "rec-other-card", ContractData.T0));

        assertEquals(List.of(latest, mid, old), port().newest(brand, card, 10));
        assertEquals(List.of(latest, mid), port().newest(brand, card, 2));
        assertTrue(port().newest(ContractData.freshBrand(), card, 10).isEmpty());
    }
}
