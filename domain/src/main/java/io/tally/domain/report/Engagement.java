package io.tally.domain.report;

/**
 * What the cards of one {@link ExploreCell} did in a period, beyond the value moved (that is in {@link DayRollup}).
 *
 * @param newCards     cards whose first ledger entry (sequence 1: the value first issued on a gift card, the
 *                     enrollment or first earn of a loyalty card) falls in the period: the card's activation
 * @param visits       member visits: a card's visit transactions (issue, redeem, hold, checkout) clustered into
 *                     90-minute periods, each period one visit ({@link ExploreDay})
 * @param transactions ledger entries of every type
 * @param issues       entries that raised a balance (issue, or a checkout that earned): rewards issued in a reward
 *                     program
 * @param redemptions  entries that lowered a balance (redeem, or a checkout that spent): reward redemptions in a
 *                     reward program
 * @param liftSales    checkout total (minor units of the checkout currency) of the committed checkouts that spent
 *                     currency from this cell's cards
 * @param liftRedeemed the currency those checkouts spent from the cards (minor units): lift = sales minus this
 */
public record Engagement(long newCards, long visits, long transactions, long issues, long redemptions, long liftSales,
                         long liftRedeemed) {
    public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0, 0, 0);

    public Engagement {
        if (newCards < 0 || visits < 0 || transactions < 0 || issues < 0 || redemptions < 0 || liftSales < 0
                || liftRedeemed < 0) {
            throw new IllegalArgumentException("engagement counts are never negative");
        }
    }

    public Engagement plus(Engagement o) {
        return new Engagement(Math.addExact(newCards, o.newCards), Math.addExact(visits, o.visits),
                Math.addExact(transactions, o.transactions), Math.addExact(issues, o.issues),
                Math.addExact(redemptions, o.redemptions), Math.addExact(liftSales, o.liftSales),
                Math.addExact(liftRedeemed, o.liftRedeemed));
    }

    /** Lift: what the checkouts that spent gift value took beyond that value (checkout total minus the redemption). */
    public long lift() {
        return Math.subtractExact(liftSales, liftRedeemed);
    }
}
