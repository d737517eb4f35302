package io.tally.domain.report;

/**
 * What moved in one cell: the sum of the balance increases ({@code credit}) and of the decreases ({@code debit}, a
 * positive number) in minor units, and how many ledger entries did it. A checkout that spends dollars and earns points
 * debits one value type and credits another; a void of a redemption credits.
 */
public record Flow(long credit, long debit, long count) {
    public static final Flow NONE = new Flow(0, 0, 0);

    public Flow {
        if (credit < 0 || debit < 0 || count < 0) {
            throw new IllegalArgumentException("a flow's parts are never negative: " + credit + "/" + debit + "/" + count);
        }
    }

    /** One entry's signed change of one value type's balance. */
    public static Flow of(long balanceDelta) {
        return new Flow(Math.max(0, balanceDelta), Math.max(0, -balanceDelta), 1);
    }

    public Flow plus(Flow other) {
        return new Flow(Math.addExact(credit, other.credit), Math.addExact(debit, other.debit),
                Math.addExact(count, other.count));
    }

    /** The change of the balance: credit minus debit. */
    public long net() {
        return Math.subtractExact(credit, debit);
    }
}
