package io.tally.domain.program;

import java.util.Optional;

/** The kinds of balance a value type can describe, with their names on the wire. */
public enum BalanceType {
    CURRENCY("Currency", true),
    POINTS("Points", false),
    PUNCHES("Punches", false),
    CUSTOM("Custom", true);

    private final String wireName;
    private final boolean hasCode;

    BalanceType(String wireName, boolean hasCode) {
        this.wireName = wireName;
        this.hasCode = hasCode;
    }

    public String wireName() {
        return wireName;
    }

    /** Currency and Custom value types are told apart by a balanceCode; Points and Punches have none. */
    public boolean hasCode() {
        return hasCode;
    }

    public static Optional<BalanceType> fromWire(String name) {
        for (BalanceType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
