package io.tally.domain.engagement;

import io.tally.domain.account.ProfileEventsSource;
import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member account's events: the card's newest recorded events whose category's definition, as it reads now, is
 * marked for the customer profile page ({@link EventDisplay#PROFILE_PAGE}), with the definition's name and
 * description. A brand that unmarks a category hides its events at once; one that marks it shows the events already
 * kept. Reads the newest {@link CardEventsPort#MAX_PAGE} events of the card and the brand's definitions (two reads).
 */
public final class ProfilePageEvents implements ProfileEventsSource {
    private final CardEventsPort events;
    private final EventDefinitionsPort definitions;

    public ProfilePageEvents(CardEventsPort events, EventDefinitionsPort definitions) {
        this.events = events;
        this.definitions = definitions;
    }

    @Override
    public List<ProfileEvent> forProfile(BrandId brand, CardNumber card, int limit) {
        List<RecordedEvent> newest = events.newest(brand, card, CardEventsPort.MAX_PAGE);
        if (newest.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<EventCategoryId, EventDefinition> shown = definitions.list(brand).stream()
                .filter(d -> d.shownOn(EventDisplay.PROFILE_PAGE))
                .collect(Collectors.toMap(EventDefinition::category, Function.identity()));
        return newest.stream()
                .flatMap(e -> Optional.ofNullable(shown.get(e.category()))
                        .map(d -> new ProfileEvent(e.occurredAt(), d.name(), d.description())).stream())
                .limit(limit)
                .toList();
    }
}
