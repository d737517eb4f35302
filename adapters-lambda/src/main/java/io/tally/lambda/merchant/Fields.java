package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Pins;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient reading of request fields as real integrations send them: card numbers, PINs and ids as JSON strings or
 * numbers, amounts as decimal numbers or numeric strings, {@code null} as absent. Anything of the wrong shape is a
 * rejection naming the field (never an exception, never a 500). Each {@code field} is a path as the client wrote
 * it, e.g. {@code amount.amount}: its last segment is looked up in {@code parent}, the whole path is what messages say.
 */
final class Fields {
    /** Longest PIN text looked at; PINs are 4-12 digits, anything longer cannot match. */
    private static final int MAX_PIN_TEXT = 32;

    private Fields() {
    }

    /** The node named by the last segment of {@code path} ({@code amount.amount}: "amount"), empty when absent or null. */
    static Optional<JsonNode> present(JsonNode parent, String path) {
        JsonNode n = parent == null ? null : parent.get(path.substring(path.lastIndexOf('.') + 1));
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /** A required card number: absent is NO_CARD_NUMBER (code 6); malformed looks like an unknown card. */
    static Outcome<CardNumber> cardNumber(JsonNode parent, String field) {
        return optionalCardNumber(parent, field).flatMap(o -> o.<Outcome<CardNumber>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.NO_CARD_NUMBER, "No card number was specified.")));
    }

    /** A card number when one is given: text of nothing but separators is none ({@link CardNumber#absent}). */
    static Outcome<Optional<CardNumber>> optionalCardNumber(JsonNode parent, String field) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty() || !cardNumberGiven(n.get())) {
            return Outcome.accepted(Optional.empty());
        }
        return digits(n.get(), field).flatMap(CardNumber::parse).map(Optional::of);
    }

    /** Whether a present card-number node holds something other than separators (a number node always does). */
    static boolean cardNumberGiven(JsonNode n) {
        return !(n.isTextual() && CardNumber.absent(n.asText()));
    }

    /**
     * The PIN when present. A PIN sent as a JSON number has lost its leading zeros, so it is left-padded to the
     * default PIN length of {@value Pins#DEFAULT_DIGITS} digits ({@code 42} is {@code "0042"}); a string is taken as is.
     */
    static Outcome<Optional<String>> pin(JsonNode parent, String field) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        if (n.get().isNumber()) {
            Optional<String> digits = integralText(n.get());
            if (digits.isEmpty() || digits.get().length() > Pins.MAX_DIGITS) {
                return Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN.");
            }
            return Outcome.accepted(Optional.of("0".repeat(Math.max(0, Pins.DEFAULT_DIGITS - digits.get().length())) + digits.get()));
        }
        if (!n.get().isTextual()) {
            return wrongType(field, "a string or a number");
        }
        String text = n.get().asText().strip();
        if (text.isEmpty() || text.length() > MAX_PIN_TEXT) {
            return Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN.");
        }
        return Outcome.accepted(Optional.of(text));
    }

    /** The PIN to check: required when forcePinValidation is set, ignored otherwise (Clutch semantics). */
    static Outcome<Optional<String>> forcedPin(JsonNode body) {
        return bool(body, "forcePinValidation").flatMap(force -> {
            if (!force) {
                return Outcome.accepted(Optional.<String>empty());
            }
            return pin(body, "pin").flatMap(p -> p.isPresent() ? Outcome.accepted(p)
                    : Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN."));
        });
    }

    /** A transaction id (string or number of digits); malformed ids answer {@code notFound}, like unknown ones. */
    static Outcome<Optional<TransactionId>> transactionId(JsonNode parent, String field, Reason notFound) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty() || (n.get().isTextual() && n.get().asText().isBlank())) {
            return Outcome.accepted(Optional.empty());
        }
        return digits(n.get(), field).flatMap(text -> {
            String t = text.strip();
            if (t.isEmpty() || t.length() > TransactionId.MAX_LENGTH || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Outcome.rejected(notFound, "no transaction " + abbreviate(t));
            }
            return Outcome.accepted(Optional.of(new TransactionId(t)));
        });
    }

    /** false when absent; accepts true/false, "true"/"false" and 1/0. */
    static Outcome<Boolean> bool(JsonNode parent, String field) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty()) {
            return Outcome.accepted(false);
        }
        JsonNode v = n.get();
        if (v.isBoolean()) {
            return Outcome.accepted(v.booleanValue());
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Outcome.accepted(v.asText().equalsIgnoreCase("true"));
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && (v.asLong() == 0 || v.asLong() == 1)) {
            return Outcome.accepted(v.asLong() == 1);
        }
        return wrongType(field, "true or false");
    }

    /** Text when present and not blank; numbers are taken as their plain text (phones, postal codes). */
    static Outcome<Optional<String>> text(JsonNode parent, String field, int maxLength) {
        return textOf(present(parent, field), field, maxLength);
    }

    /** {@link #text} of a node already in hand (object members whose names may contain dots). */
    static Outcome<Optional<String>> textOf(Optional<JsonNode> n, String field, int maxLength) {
        if (n.isEmpty() || n.get().isNull()) {
            return Outcome.accepted(Optional.empty());
        }
        JsonNode v = n.get();
        String text;
        if (v.isTextual()) {
            text = v.asText();
        } else if (v.isNumber()) {
            text = v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString();
        } else {
            return wrongType(field, "a string");
        }
        if (text.length() > maxLength) {
            return Outcome.rejected(Reason.INVALID_REQUEST, field + " is longer than " + maxLength + " characters.");
        }
        return Outcome.accepted(text.isBlank() ? Optional.empty() : Optional.of(text.strip()));
    }

    /** An object when present. */
    static Outcome<Optional<ObjectNode>> object(JsonNode parent, String field) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        if (n.get() instanceof ObjectNode o) {
            return Outcome.accepted(Optional.of(o));
        }
        return wrongType(field, "an object");
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    static Outcome<Integer> integer(JsonNode parent, String field, int min, int max, int fallback) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty()) {
            return Outcome.accepted(fallback);
        }
        JsonNode v = n.get();
        Optional<String> digits = v.isNumber() ? integralText(v)
                : v.isTextual() && v.asText().strip().matches("[0-9]{1,9}") ? Optional.of(v.asText().strip()) : Optional.empty();
        if (digits.isEmpty() || digits.get().length() > 9 || Integer.parseInt(digits.get()) < min
                || Integer.parseInt(digits.get()) > max) {
            return Outcome.rejected(Reason.INVALID_REQUEST, field + " must be a whole number from " + min + " to " + max + ".");
        }
        return Outcome.accepted(Integer.parseInt(digits.get()));
    }

    /**
     * An amount in minor units of a value type with {@code scale} decimals: a JSON number or a numeric string.
     * Negative, NaN, Infinity, too many decimals and anything above the largest amount are INVALID_AMOUNT.
     */
    static Outcome<Long> amount(JsonNode parent, String field, int scale) {
        Optional<JsonNode> n = present(parent, field);
        if (n.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, field + " is required.");
        }
        JsonNode v = n.get();
        Optional<BigDecimal> decimal;
        if (v.isNumber()) {
            decimal = v.isIntegralNumber() ? Optional.of(new BigDecimal(v.bigIntegerValue())) : finite(v);
        } else if (v.isTextual()) {
            String t = v.asText().strip();
            decimal = t.length() <= 40 && t.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+") ? Optional.of(new BigDecimal(t)) : Optional.empty();
        } else {
            return wrongType(field, "a decimal number");
        }
        return decimal.filter(d -> d.signum() >= 0)
                .filter(d -> fitsScale(d, scale))
                .flatMap(d -> DecimalAmounts.toMinor(d, scale))
                .<Outcome<Long>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.INVALID_AMOUNT, field + " must be a non-negative number with at most "
                        + scale + " decimals and at most " + DecimalAmounts.toDecimal(DecimalAmounts.MAX_MINOR, scale).toPlainString() + "."));
    }

    /**
     * Guards BigDecimal against exponents such as {@code 1e999999999}: checks size and decimals on the stripped
     * form before anything rescales it (rescaling such a number would take minutes and gigabytes).
     */
    private static boolean fitsScale(BigDecimal d, int scale) {
        if (d.signum() == 0) {
            return true;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() <= scale && stripped.precision() - stripped.scale() <= 19;
    }

    private static Optional<BigDecimal> finite(JsonNode v) {
        if (v.isDouble() || v.isFloat()) {
            double d = v.doubleValue();
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        }
        return Optional.of(v.decimalValue());
    }

    /** The digits of a string or an integral JSON number (for card numbers and ids sent as numbers). */
    private static Outcome<String> digits(JsonNode v, String field) {
        if (v.isTextual()) {
            return Outcome.accepted(v.asText());
        }
        if (v.isNumber()) {
            return Outcome.accepted(integralText(v).orElse("not-a-whole-number"));
        }
        return wrongType(field, "a string or a number");
    }

    /** The plain digits of a non-negative whole JSON number ({@code 4.83E14} included), else empty. */
    private static Optional<String> integralText(JsonNode v) {
        if (v.isIntegralNumber()) {
            BigInteger i = v.bigIntegerValue();
            return i.signum() < 0 ? Optional.empty() : Optional.of(i.toString());
        }
        Optional<BigDecimal> d = finite(v).filter(x -> x.signum() >= 0).map(BigDecimal::stripTrailingZeros);
        if (d.isEmpty() || d.get().scale() > 0 || d.get().precision() - d.get().scale() > 40) {
            return Optional.empty();
        }
        return Optional.of(d.get().toBigIntegerExact().toString());
    }

    static <T> Outcome<T> wrongType(String field, String expected) {
        return Outcome.rejected(Reason.INVALID_REQUEST, field + " must be " + expected + ".");
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
