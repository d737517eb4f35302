package io.tally.domain.provisioning;

import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.EventSeed;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the {@code events} sections of a seed into event definitions, reporting every problem at once. */
final class EventSeeds {
    private EventSeeds() {
    }

    static List<EventDefinition> definitions(Seed seed, boolean storable, List<String> problems) {
        List<EventDefinition> definitions = new ArrayList<>();
        for (BrandSeed b : seed.brands()) {
            if (b.events().isEmpty()) {
                continue;
            }
            if (!storable) {
                problems.add("brand " + b.id() + ": this runtime cannot store event definitions");
                continue;
            }
            if (b.events().size() > EventDefinitionsPort.MAX_PER_BRAND) {
                problems.add("brand " + b.id() + ": at most " + EventDefinitionsPort.MAX_PER_BRAND + " event definitions");
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (EventSeed e : b.events()) {
                String where = "brand " + b.id() + " event " + e.category() + ": ";
                if (!seen.add(String.valueOf(e.category()))) {
                    problems.add(where + "the category is declared twice");
                    continue;
                }
                try {
                    definitions.add(definition(new BrandId(b.id()), e));
                } catch (IllegalArgumentException | NullPointerException ex) {
                    problems.add(where + ex.getMessage());
                }
            }
        }
        return definitions;
    }

    private static EventDefinition definition(BrandId brand, EventSeed e) {
        EventType type = EventType.byWireName(e.type()).orElseThrow(() -> new IllegalArgumentException(
                "type is one of ecom, email, sms, directMail, inStore, feedback, social, milestone, other"));
        Sentiment sentiment = e.sentiment() == null ? Sentiment.NEUTRAL : Sentiment.byWireName(e.sentiment())
                .orElseThrow(() -> new IllegalArgumentException("sentiment is positive, neutral or negative"));
        Set<EventDisplay> display = EnumSet.noneOf(EventDisplay.class);
        for (String place : e.display()) {
            display.add(EventDisplay.byWireName(place).orElseThrow(() -> new IllegalArgumentException(
                    "display lists profilePage, segmentBuilder, campaignManager")));
        }
        return new EventDefinition(brand, new EventCategoryId(e.category()), type, e.name(), e.description(), display,
                sentiment);
    }
}
