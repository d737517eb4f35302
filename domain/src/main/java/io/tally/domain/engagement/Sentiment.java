package io.tally.domain.engagement;

import java.util.Arrays;
import java.util.Optional;

/** Whether an event says something good, neutral or bad about the customer's relationship with the brand. */
public enum Sentiment {
    POSITIVE("positive"), NEUTRAL("neutral"), NEGATIVE("negative");

    private final String wireName;

    Sentiment(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Sentiment> byWireName(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(text)).findFirst();
    }
}
