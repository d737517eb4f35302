package io.tally.infra;

import java.util.Locale;

/** Construct ids from topology names: {@code MERCHANT_API} or {@code merchant-api} become {@code MerchantApi}. */
final class Names {
    private Names() {
    }

    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("[-_]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
