package io.tally.domain.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * The grain of the outstanding balances (liability): the value a location's, program's and card set's transactions
 * left on cards, per value type. A card's balance belongs to the card, not to a place; "by location" is the net of what
 * was issued minus what was redeemed, expired or voided there, which is how loyalty platforms report a location's
 * liability.
 */
public record BalanceCell(String location, String program, String cardSet, String valueType)
        implements Comparable<BalanceCell> {
    private static final Comparator<BalanceCell> ORDER = Comparator.comparing(BalanceCell::location)
            .thenComparing(BalanceCell::program).thenComparing(BalanceCell::cardSet)
            .thenComparing(BalanceCell::valueType);

    public BalanceCell {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        Objects.requireNonNull(valueType, "valueType");
    }

    @Override
    public int compareTo(BalanceCell o) {
        return ORDER.compare(this, o);
    }
}
