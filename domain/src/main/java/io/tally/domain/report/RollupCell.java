package io.tally.domain.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * The finest grain of the accounting rollups: one location, program and card set, one transaction type, one value
 * type. Every view of Accounting (by location, program, card set, transaction type, the overview; a manager's
 * locations; gift, loyalty or reward programs only) is a sum over cells. An empty text means "none" (an entry made
 * without a location; an entry that moved no balance has no value type).
 *
 * @param type      the ledger entry type in lower case (issue, redeem, hold, release, adjust, void, expire, enroll,
 *                  checkout)
 * @param valueType the value type's text ({@code Currency:USD}, {@code Points}), as the ledger events carry it
 */
public record RollupCell(String location, String program, String cardSet, String type, String valueType)
        implements Comparable<RollupCell> {
    private static final Comparator<RollupCell> ORDER = Comparator.comparing(RollupCell::location)
            .thenComparing(RollupCell::program).thenComparing(RollupCell::cardSet)
            .thenComparing(RollupCell::type).thenComparing(RollupCell::valueType);

    public RollupCell {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** Where this cell's balance changes land in the outstanding balances (liability). */
    public BalanceCell balance() {
        return new BalanceCell(location, program, cardSet, valueType);
    }

    @Override
    public int compareTo(RollupCell o) {
        return ORDER.compare(this, o);
    }
}
