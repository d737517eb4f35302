package io.tally.domain.program;

import java.util.Currency;
import java.util.Objects;

/**
 * Names a kind of balance within a program: balanceType plus, for Currency and Custom, a balanceCode.
 * Currency codes are ISO 4217 (upper case); custom codes are case-sensitive names such as {@code CoffeePoints}.
 */
public record ValueTypeKey(BalanceType type, String code) {
    public ValueTypeKey {
        Objects.requireNonNull(type, "type");
        if (type.hasCode()) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException(type.wireName() + " needs a balanceCode");
            }
            if (type == BalanceType.CURRENCY) {
                code = code.toUpperCase(java.util.Locale.ROOT);
                try {
                    Currency.getInstance(code);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
                }
            } else if (!code.matches("[A-Za-z0-9_\\-]{1,32}")) {
                throw new IllegalArgumentException("custom balance codes are 1-32 letters, digits, '_' or '-': " + code);
            }
        } else {
            code = null;
        }
    }

    public static ValueTypeKey currency(String iso) {
        return new ValueTypeKey(BalanceType.CURRENCY, iso);
    }

    public static ValueTypeKey points() {
        return new ValueTypeKey(BalanceType.POINTS, null);
    }

    public static ValueTypeKey punches() {
        return new ValueTypeKey(BalanceType.PUNCHES, null);
    }

    public static ValueTypeKey custom(String code) {
        return new ValueTypeKey(BalanceType.CUSTOM, code);
    }

    /** The scale a value type of this key gets unless configured otherwise. */
    public int defaultScale() {
        if (type == BalanceType.CURRENCY) {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        }
        return 0;
    }

    /** A stable text form, e.g. {@code Currency:USD} or {@code Points}. */
    public String asText() {
        return code == null ? type.wireName() : type.wireName() + ":" + code;
    }

    public static ValueTypeKey parseText(String text) {
        int colon = text.indexOf(':');
        String typeName = colon < 0 ? text : text.substring(0, colon);
        BalanceType type = BalanceType.fromWire(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown balance type: " + typeName));
        return new ValueTypeKey(type, colon < 0 ? null : text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return asText();
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof ValueTypeKey other && type == other.type && Objects.equals(code, other.code);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Objects.hashCode(code);
    }
}
