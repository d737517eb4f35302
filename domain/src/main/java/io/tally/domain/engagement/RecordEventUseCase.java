package io.tally.domain.engagement;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.MerchantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The merchant API's {@code recordEvent}: checks the card (the brand's, active) and the category (one of the brand's
 * definitions) now, and hands the event to the events queue, where it is processed asynchronously (the card's events,
 * its statistics). Accepted means queued: the publish is the commit, so nothing is written to the table here. The
 * event's id is derived from the brand and the customRequestId when there is one, so a retry of a request whose first
 * attempt died after queueing queues the same event again and processing (once per id) keeps one.
 */
public final class RecordEventUseCase {
    /** How far ahead of the server's clock an event's time may be (tills' clocks drift), and how far back. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    public static final Duration MAX_BACK = Duration.ofDays(366);

    private final CardPort cards;
    private final EventDefinitionsPort definitions;
    private final PublishEventPort events;
    private final RandomSource random;
    private final Clock clock;

    public RecordEventUseCase(CardPort cards, EventDefinitionsPort definitions, PublishEventPort events,
                              RandomSource random, Clock clock) {
        this.cards = cards;
        this.definitions = definitions;
        this.events = events;
        this.random = random;
        this.clock = clock;
    }

    /** {@code occurredAt} empty: now. {@code requestId}: the customRequestId, when the call has one. */
    public record RecordEventCommand(MerchantContext context, CardNumber card, EventCategoryId category,
                                     Optional<Instant> occurredAt, Optional<Long> valueHundredths,
                                     Map<String, String> customData, String requestRef, Optional<String> requestId) {
        public RecordEventCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(valueHundredths, "valueHundredths");
            customData = Map.copyOf(customData);
            Objects.requireNonNull(requestRef, "requestRef");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    public Outcome<RecordedEvent> record(RecordEventCommand c) {
        Instant now = clock.instant();
        Instant at = c.occurredAt().orElse(now);
        if (at.isAfter(now.plus(MAX_AHEAD)) || at.isBefore(now.minus(MAX_BACK))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "eventTime must be within the last 366 days (and not in the future).");
        }
        Optional<Card> card = cards.load(c.context().brand(), c.card());
        if (card.isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        if (card.get().status() != CardStatus.ACTIVE) {
            return Outcome.rejected(Reason.CARD_NOT_ACTIVE, "Could not find the account that goes with the specified card.");
        }
        Optional<EventDefinition> definition = definitions.find(c.context().brand(), c.category());
        if (definition.isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_EVENT_CATEGORY,
                    "The brand has no event of category " + c.category() + ".");
        }
        RecordedEvent event = new RecordedEvent(id(c), c.context().brand(), c.card(), c.category(),
                definition.get().type(), definition.get().sentiment(), at, now, c.context().location(),
                c.context().terminal(), c.valueHundredths(), c.customData(), c.requestRef());
        events.publish(List.of(event.toDomainEvent()));
        return Outcome.accepted(event);
    }

    private String id(RecordEventCommand c) {
        if (c.requestId().isPresent()) {
            return "rec-" + Fingerprint.of("recordEvent", c.context().brand().value(), c.requestId().get());
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "rec-" + HexFormat.of().formatHex(bytes);
    }
}
