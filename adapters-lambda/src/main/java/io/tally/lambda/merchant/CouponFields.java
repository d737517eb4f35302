package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The coupon methods' request fields, read as leniently as {@link Fields}: {@code null} is absent, codes and card
 * numbers may be JSON numbers. A malformed coupon code is answered like an unknown one, a malformed set id like an
 * unknown set, a malformed card number like an unknown card.
 */
final class CouponFields {
    /** Longest coupon code text looked at; codes are at most 64 characters, anything longer cannot match. */
    private static final int MAX_CODE_TEXT = 128;

    private CouponFields() {
    }

    static Outcome<CouponCode> code(JsonNode body, String field) {
        return Fields.text(body, field, MAX_CODE_TEXT).flatMap(t -> {
            if (t.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, field + " is required.");
            }
            return CouponCode.isValid(t.get()) ? Outcome.accepted(new CouponCode(t.get()))
                    : Outcome.rejected(Reason.COUPON_NOT_FOUND, "Could not find the specified coupon.");
        });
    }

    static Outcome<CouponSetId> setId(JsonNode body, String field) {
        return Fields.text(body, field, MAX_CODE_TEXT).flatMap(t -> {
            if (t.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, field + " is required.");
            }
            return Identifiers.isValid(t.get()) ? Outcome.accepted(new CouponSetId(t.get()))
                    : Outcome.rejected(Reason.UNKNOWN_COUPON_SET, "Unknown coupon set.");
        });
    }

    /**
     * A list of tags when present ({@code []} clears); each a valid tag, at most {@link Coupon#MAX_TAGS}; null or blank
     * entries are skipped, numbers taken as their text.
     */
    static Outcome<Optional<Set<String>>> tags(JsonNode body, String field) {
        Optional<JsonNode> n = Fields.present(body, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        if (!n.get().isArray()) {
            return Fields.wrongType(field, "a list of strings");
        }
        if (n.get().size() > Coupon.MAX_TAGS) {
            return Outcome.rejected(Reason.INVALID_REQUEST, field + " holds at most " + Coupon.MAX_TAGS + " tags.");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < n.get().size(); i++) {
            String at = field + "[" + i + "]";
            Outcome<Optional<String>> tag = Fields.textOf(Optional.of(n.get().get(i)), at, 64);
            if (tag instanceof Outcome.Rejected<Optional<String>> r) {
                return Outcome.rejected(r.rejection());
            }
            if (tag.value().isEmpty()) {
                continue;
            }
            if (!Coupon.validTag(tag.value().get())) {
                return Outcome.rejected(Reason.INVALID_REQUEST, at + " must be 1-64 letters, digits, '_', '.', '-' or ' '.");
            }
            tags.add(tag.value().get());
        }
        return Outcome.accepted(Optional.of(tags));
    }

    /** A list of card numbers when present ({@code []} lifts the restriction), at most {@link Coupon#MAX_CARDS}. */
    static Outcome<Optional<Set<CardNumber>>> cardNumbers(JsonNode body, String field) {
        Optional<JsonNode> n = Fields.present(body, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        if (!n.get().isArray()) {
            return Fields.wrongType(field, "a list of card numbers");
        }
        if (n.get().size() > Coupon.MAX_CARDS) {
            return Outcome.rejected(Reason.INVALID_REQUEST, field + " holds at most " + Coupon.MAX_CARDS + " cards.");
        }
        Set<CardNumber> cards = new LinkedHashSet<>();
        for (int i = 0; i < n.get().size(); i++) {
            Outcome<CardNumber> card = cardNumber(n.get().get(i), field + "[" + i + "]");
            if (card instanceof Outcome.Rejected<CardNumber> r) {
                return Outcome.rejected(r.rejection());
            }
            cards.add(card.value());
        }
        return Outcome.accepted(Optional.of(cards));
    }

    /** One card number of a list: a string or a whole JSON number; blank or null is not a card number. */
    private static Outcome<CardNumber> cardNumber(JsonNode n, String at) {
        if (n.isIntegralNumber() && n.bigIntegerValue().signum() >= 0) {
            return CardNumber.parse(n.bigIntegerValue().toString());
        }
        if (n.isTextual() && !CardNumber.absent(n.asText())) {
            return CardNumber.parse(n.asText());
        }
        return Fields.wrongType(at, "a card number");
    }

    /** true or false when present (the lenient spellings of {@link Fields#bool}), empty when absent or null. */
    static Outcome<Optional<Boolean>> optionalBool(JsonNode body, String field) {
        if (Fields.present(body, field).isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        return Fields.bool(body, field).map(Optional::of);
    }
}
