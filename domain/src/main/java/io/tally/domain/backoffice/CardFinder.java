package io.tally.domain.backoffice;

/** How the back office's search box reads what was typed (one kind per search, each answered by one index). */
public enum CardFinder {
    CARD_NUMBER("Card number"),
    CUSTOM_CARD_NUMBER("Custom card number"),
    FIRST_NAME("First name begins with"),
    LAST_NAME("Last name begins with"),
    EMAIL("E-mail"),
    PHONE("Phone"),
    THIRD_PARTY_USERNAME("Third-party username (system:username)");

    private final String label;

    CardFinder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
