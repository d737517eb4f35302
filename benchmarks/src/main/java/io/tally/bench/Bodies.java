package io.tally.bench;

/** Merchant request bodies in the wire format integrations send (docs/API.md). */
public final class Bodies {
    private Bodies() {
    }

    public static String issue(String card, String amount) {
        return change(card, "issue", amount);
    }

    public static String redeem(String card, String amount) {
        return change(card, "redeem", amount);
    }

    private static String change(String card, String action, String amount) {
        return "{\"cardNumber\":\"" + card + "\",\"action\":\"" + action
                + "\",\"amount\":{\"balanceType\":\"Currency\",\"balanceCode\":\"USD\",\"amount\":\"" + amount + "\"}}";
    }

    public static String balance(String card) {
        return "{\"filters\":{\"cardNumber\":\"" + card + "\"},\"returnFields\":{\"balances\":true}}";
    }

    public static String searchEmail(String email) {
        return "{\"filters\":{\"email\":\"" + email + "\"}}";
    }
}
