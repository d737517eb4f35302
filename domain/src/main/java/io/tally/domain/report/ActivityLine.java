package io.tally.domain.report;

import java.util.Objects;

/**
 * One row of the Accounting activity: what moved in one group (a location, program, card set, transaction type, or
 * the overview's single group) in one value type, amounts in minor units of {@code scale}. The definitions (also on
 * the page and in docs/ARCHITECTURE.md):
 * <ul>
 * <li>issued: credits of issue and checkout entries (a checkout's earned value); count: issue entries</li>
 * <li>redeemed: debits of redeem and checkout entries (a checkout's spent value); count: redeem entries</li>
 * <li>adjusted: the back office's corrections, credit and debit apart (net = credit - debit); count: adjust entries</li>
 * <li>voided: void entries; credit = voided redemptions given back, debit = voided issuances taken back</li>
 * <li>expired: debits of expire entries (the sweeper); count: expire entries</li>
 * <li>held, released, checkouts: counts of hold, release and checkout entries</li>
 * <li>total: every entry of the row together (net = the change of the outstanding balance)</li>
 * </ul>
 *
 * @param key       the group's id ("" for entries without one, and for the overview)
 * @param valueType the value type's text ({@code Currency:USD}, {@code Points}); "" when no balance moved (enrolments:
 *                  shown by transaction type only)
 */
public record ActivityLine(String key, String label, String valueType, int scale, Moved issued, Moved redeemed,
                           Flow adjusted, Flow voided, Moved expired, long held, long released, long checkouts,
                           Flow total) {
    public ActivityLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(redeemed, "redeemed");
        Objects.requireNonNull(adjusted, "adjusted");
        Objects.requireNonNull(voided, "voided");
        Objects.requireNonNull(expired, "expired");
        Objects.requireNonNull(total, "total");
    }

    /** An amount (minor units, never negative) and how many entries made it. */
    public record Moved(long amount, long count) {
        public static final Moved NONE = new Moved(0, 0);

        public Moved {
            if (amount < 0 || count < 0) {
                throw new IllegalArgumentException("amounts and counts are never negative: " + amount + "/" + count);
            }
        }

        Moved plus(long more, long entries) {
            return new Moved(Math.addExact(amount, more), Math.addExact(count, entries));
        }
    }
}
