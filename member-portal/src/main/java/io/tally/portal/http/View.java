package io.tally.portal.http;

import java.util.List;

/** What the templates show: plain values, already formatted. Absent values are {@code null} (templates test for it). */
public final class View {
    private View() {
    }

    /** The frame of every page: the brand, where its pages live and the session's CSRF token. */
    public record Page(String base, String brandName, String logoUrl, String title, String csrf, String nav) {
    }

    public record BalanceLine(String name, String total, String held, String available, String nextExpiry) {
    }

    public record Challenge(String question, String token) {
    }

    /** A form field; with {@code options} (value, then label, in pairs) it is a choice, shown as a select. */
    public record FieldView(String name, String label, String type, String autocomplete, boolean required, String value,
                            String error, List<String> options) {
        public FieldView(String name, String label, String type, String autocomplete, boolean required, String value,
                         String error) {
            this(name, label, type, autocomplete, required, value, error, null);
        }
    }

    public record ListView(String id, String name, boolean on, boolean locked) {
    }

    /**
     * A phone's "Text messages" boxes on the preferences page: {@code id} names the phone in the form's fields
     * ({@code text-<id>}, {@code shown-<id>}) without writing its number into the page, {@code phone} is masked.
     */
    public record TextSet(String id, String phone, List<ListView> lists) {
    }

    /** One of the member's cards on the account page; {@code number} only for the link to its page. */
    public record CardSummary(String number, String lastFour, String status, List<BalanceLine> balances) {
    }

    public record HoldLine(String name, String amount, String expires) {
    }

    public record CouponLine(String code, String validity, String state) {
    }

    public record HistoryLine(String date, String type, String change) {
    }

    /** An event marked for the profile page (issue 14's events); none until they are wired in. */
    public record EventLine(String date, String name, String description) {
    }
}
