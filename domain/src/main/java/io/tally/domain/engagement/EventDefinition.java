package io.tally.domain.engagement;

import io.tally.domain.tenant.BrandId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a brand's event of one category means (the glossary's "Events"): its type, name, optional description, where it
 * is displayed and its sentiment. Recorded events name it by {@code category}; processing reads the sentiment from it.
 */
public record EventDefinition(BrandId brand, EventCategoryId category, EventType type, String name, String description,
                              Set<EventDisplay> display, Sentiment sentiment) {
    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;

    public EventDefinition {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentiment, "sentiment");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("an event's name is 1-" + MAX_NAME + " characters");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("an event's description is at most " + MAX_DESCRIPTION + " characters");
        }
        display = display.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(display));
    }

    public boolean shownOn(EventDisplay where) {
        return display.contains(where);
    }
}
