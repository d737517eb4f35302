package io.tally.domain.communication;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The revenue of mailings: one attribution per committed checkout, the fact itself (no counter), so that duplicated,
 * redelivered and reordered checkout events and a consumer killed after its write count each checkout at most once;
 * totals are sums of the facts on read. A void removes its checkout's revenue (net revenue), also when it comes before
 * the checkout's event. Kept {@link CardMailing#RETENTION} (TTL).
 */
public interface MailingRevenuePort {
    /** The longest period {@link #daily} reads. */
    int MAX_DAYS = 366;

    /**
     * Stores the attribution unless its checkout has one already or was voided (one conditional write, A134); false then,
     * and the stored fact stands (a redelivery that would now choose another mailing changes nothing).
     */
    boolean attribute(Attribution attribution);

    /**
     * The checkout (a transaction id of the brand) was voided at {@code at}: its attribution no longer counts anywhere;
     * if none is stored yet, none ever will be (one write either way, A134). Told of every void: a void of something
     * that is not an attributed checkout leaves a small mark that expires with the retention.
     */
    void voided(BrandId brand, String checkout, Instant at);

    /** A mailing's revenue: the sum and count of its attributed checkouts not voided (A135). */
    Revenue ofMailing(BrandId brand, String mailing);

    /**
     * The attributed revenue of the days {@code from..to} (both included, the brand's zone, at most {@link #MAX_DAYS}),
     * per day, mailing, channel and location, checkouts not voided (A136); ordered by day, mailing, location.
     */
    default List<DailyRevenue> daily(BrandId brand, LocalDate from, LocalDate to) {
        return daily(brand, from, to, Optional.empty());
    }

    /**
     * As {@link #daily(BrandId, LocalDate, LocalDate)}; with a {@code skuTag}, each checkout's revenue is its amount for
     * that SKU tag ({@link Attribution#tags}) and checkouts without any of it are left out (one query per month, A136).
     */
    List<DailyRevenue> daily(BrandId brand, LocalDate from, LocalDate to, Optional<String> skuTag);

    /** A sum of attributed checkouts: {@code amount} in minor units of the brand's checkout currency. */
    record Revenue(long amount, long checkouts) {
        public static final Revenue NONE = new Revenue(0, 0);

        /** With one more checkout of {@code amount}. */
        public Revenue plus(long amount) {
            return new Revenue(Math.addExact(this.amount, amount), checkouts + 1);
        }

        public Revenue plus(Revenue other) {
            return new Revenue(Math.addExact(amount, other.amount), checkouts + other.checkouts);
        }
    }

    /** One day's revenue of one mailing at one location ({@code ""}: the checkouts that named none). */
    record DailyRevenue(LocalDate day, String mailing, CardMailing.Channel channel, String location, Revenue revenue) {
    }
}
