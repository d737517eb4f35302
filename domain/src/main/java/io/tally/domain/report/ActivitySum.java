package io.tally.domain.report;

import io.tally.domain.report.ActivityLine.Moved;

/** Adds cells up into one {@link ActivityLine} (one group, one value type) by the definitions written there. */
final class ActivitySum {
    private Moved issued = Moved.NONE;
    private Moved redeemed = Moved.NONE;
    private Moved expired = Moved.NONE;
    private Flow adjusted = Flow.NONE;
    private Flow voided = Flow.NONE;
    private Flow total = Flow.NONE;
    private long held;
    private long released;
    private long checkouts;

    /** One cell's flow, its amounts already in the line's scale. */
    void add(String type, Flow flow) {
        total = total.plus(flow);
        switch (type) {
            case "issue" -> issued = issued.plus(flow.credit(), flow.count());
            case "redeem" -> redeemed = redeemed.plus(flow.debit(), flow.count());
            case "checkout" -> {
                issued = issued.plus(flow.credit(), 0);
                redeemed = redeemed.plus(flow.debit(), 0);
                checkouts = Math.addExact(checkouts, flow.count());
            }
            case "adjust" -> adjusted = adjusted.plus(flow);
            case "void" -> voided = voided.plus(flow);
            case "expire" -> expired = expired.plus(flow.debit(), flow.count());
            case "hold" -> held = Math.addExact(held, flow.count());
            case "release" -> released = Math.addExact(released, flow.count());
            default -> {
                // enrolments and any later entry type: in the total only (shown by transaction type)
            }
        }
    }

    ActivityLine line(String key, String label, String valueType, int scale) {
        return new ActivityLine(key, label, valueType, scale, issued, redeemed, adjusted, voided, expired, held, released,
                checkouts, total);
    }
}
