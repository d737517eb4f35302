package io.tally.domain.delivery;

import java.util.Optional;

/**
 * The delivery figures of a mailing, a day or a location, as the glossary defines them. Counts only; the rates are
 * derived ({@link #deliveredRate} and the others) and absent when their denominator is zero.
 */
public record Figures(long sendRequests, long delivered, long opens, long uniqueOpens, long clicks, long uniqueClicks,
                      long spamReports, long softBounces, long hardBounces, long bounceDrops) {
    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures one counted event adds ({@code first}: the recipient's first open, click or complaint of the mailing). */
    public static Figures of(DeliveryEvent.Kind kind, boolean first) {
        long u = first ? 1 : 0;
        return switch (kind) {
            case SEND -> new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            case DELIVERY -> new Figures(0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
            case OPEN -> new Figures(0, 0, 1, u, 0, 0, 0, 0, 0, 0);
            case CLICK -> new Figures(0, 0, 0, 0, 1, u, 0, 0, 0, 0);
            case COMPLAINT -> new Figures(0, 0, 0, 0, 0, 0, u, 0, 0, 0); // users who reported: once per recipient
            case SOFT_BOUNCE -> new Figures(0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
            case HARD_BOUNCE -> new Figures(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
            case BOUNCE_DROP -> new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
            case IGNORED -> ZERO;
        };
    }

    /** Whether the kind counts once per recipient and mailing in one of its figures. */
    public static boolean perRecipient(DeliveryEvent.Kind kind) {
        return kind == DeliveryEvent.Kind.OPEN || kind == DeliveryEvent.Kind.CLICK || kind == DeliveryEvent.Kind.COMPLAINT;
    }

    public Figures plus(Figures o) {
        return new Figures(Math.addExact(sendRequests, o.sendRequests), Math.addExact(delivered, o.delivered),
                Math.addExact(opens, o.opens), Math.addExact(uniqueOpens, o.uniqueOpens), Math.addExact(clicks, o.clicks),
                Math.addExact(uniqueClicks, o.uniqueClicks), Math.addExact(spamReports, o.spamReports),
                Math.addExact(softBounces, o.softBounces), Math.addExact(hardBounces, o.hardBounces),
                Math.addExact(bounceDrops, o.bounceDrops));
    }

    /** Delivered rate: delivered / send requests. */
    public Optional<Rate> deliveredRate() {
        return Rate.of(delivered, sendRequests);
    }

    /** Open rate: unique opens / delivered. */
    public Optional<Rate> openRate() {
        return Rate.of(uniqueOpens, delivered);
    }

    /** Click rate: unique clicks / delivered. */
    public Optional<Rate> clickRate() {
        return Rate.of(uniqueClicks, delivered);
    }

    /** Adjusted click rate: unique clicks / unique opens. */
    public Optional<Rate> adjustedClickRate() {
        return Rate.of(uniqueClicks, uniqueOpens);
    }

    /** A part of a whole, shown as a percentage with one decimal (rounded half up, integer arithmetic). */
    public record Rate(long part, long whole) {
        static Optional<Rate> of(long part, long whole) {
            return whole == 0 ? Optional.empty() : Optional.of(new Rate(part, whole));
        }

        /** E.g. {@code 33.3%}; may exceed 100% (opens of messages delivered on another day, SES's late events). */
        public String percent() {
            long tenths = (Math.multiplyExact(part, 2000) / whole + 1) / 2;
            return tenths / 10 + "." + tenths % 10 + "%";
        }
    }
}
