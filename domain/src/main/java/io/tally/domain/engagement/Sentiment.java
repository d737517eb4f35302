package io.tally.domain.engagement;

import java.util.Optional;

/** Whether an event says something good, neutral or bad about the customer's relationship with the brand. */
public enum Sentiment implements WireNamed {
    POSITIVE("positive"), NEUTRAL("neutral"), NEGATIVE("negative");

    private final String wireName;

    Sentiment(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<Sentiment> byWireName(String text) {
        return WireNamed.find(values(), text);
    }
}
