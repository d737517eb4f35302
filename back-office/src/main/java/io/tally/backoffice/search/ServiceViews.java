package io.tally.backoffice.search;

import java.util.List;

/** What the customer service templates show: plain values, already formatted; absent values are {@code null}. */
public final class ServiceViews {
    private ServiceViews() {
    }

    /** A choice of a select: its value, its label, whether chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A card found by a search. */
    public record CardRow(String number, String href, String name, String email, String phone, String status) {
    }

    /** One of the brand's transactions. */
    public record TransactionRow(String at, String type, String card, String cardHref, String location, String change,
                                 String transactionId, String requestRef, String externalId) {
    }

    /** A balance as of now. */
    public record BalanceRow(String name, String total, String held, String available) {
    }

    /** An open hold. */
    public record HoldRow(String name, String transactionId, String remaining, String expiresAt) {
    }

    /** One label and value of the profile. */
    public record Fact(String label, String value) {
    }

    /** A history entry: what it changed and the balances after it; {@code voidHref} when it can be voided. */
    public record HistoryRow(String at, String type, String transactionId, String location, String change, String after,
                             String voidHref) {
    }

    public record CouponRow(String code, String set, String validity, String state) {
    }

    /** A link to a card action (shown to members who may act on cards). */
    public record ActionLink(String href, String label) {
    }

    /** The card page. */
    public record CardView(String number, String status, List<Fact> profile, List<Fact> alternate, List<Fact> demographics,
                           List<Fact> customData, List<Fact> usernames, List<BalanceRow> balances, List<HoldRow> holds,
                           List<HistoryRow> history, String olderHref, String newestHref, List<CouponRow> coupons,
                           List<ActionLink> actions, String asOf, EngagementView engagement) {
    }

    /** A recorded event of the card. */
    public record EventRow(String at, String category, String type, String sentiment, String location, String value,
                           String details) {
    }

    /** The card's statistics (label and value) and its newest events. */
    public record EngagementView(List<Fact> stats, List<EventRow> events) {
    }
}
