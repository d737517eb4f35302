package io.tally.domain.engagement;

import java.util.Optional;

/** The glossary's kinds of event: where the customer's action happened. {@code wireName} is the seed's and the pages'. */
public enum EventType implements WireNamed {
    ECOM("ecom", "E-commerce"), EMAIL("email", "E-mail"), SMS("sms", "SMS"), DIRECT_MAIL("directMail", "Direct mail"),
    IN_STORE("inStore", "In store"), FEEDBACK("feedback", "Feedback"), SOCIAL("social", "Social"),
    MILESTONE("milestone", "Milestone"), OTHER("other", "Other");

    private final String wireName;
    private final String label;

    EventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<EventType> byWireName(String text) {
        return WireNamed.find(values(), text);
    }
}
