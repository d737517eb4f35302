package io.tally.domain.coupon;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A coupon's code, unique within its brand: 4-64 letters, digits, '-' or '_'. Codes are case-insensitive (printed
 * coupons get typed in): stored and compared in upper case.
 */
public record CouponCode(String value) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{3,63}");

    public CouponCode {
        if (value == null) {
            throw new IllegalArgumentException("a coupon code is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("a coupon code is 4-64 letters, digits, '-' or '_'");
        }
    }

    public static boolean isValid(String text) {
        return text != null && CODE.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
