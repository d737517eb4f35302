package io.tally.domain.shared;

import java.util.regex.Pattern;

/** Caller-chosen identifiers (brand {@code ACME}, location {@code ACME001}, terminal {@code pos-1}). */
public final class Identifiers {
    /** Letters, digits and {@code _ . -}, 1 to 64 characters: safe inside a DynamoDB key and a URL path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private Identifiers() {
    }

    public static String require(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '_', '.' or '-': " + quote(value));
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 70 ? value.substring(0, 70) + "…" : value) + "'";
    }
}
