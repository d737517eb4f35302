package io.tally.domain.member;

import io.tally.domain.card.ProfileRules;
import java.util.Objects;

/** How a member is found without a card number: their e-mail (lower case) or their phone (digits only). */
public record ContactKey(Kind kind, String value) {
    public enum Kind { EMAIL, PHONE }

    public ContactKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty contact");
        }
    }

    public static ContactKey email(String email) {
        return new ContactKey(Kind.EMAIL, ProfileRules.normalizeEmail(email));
    }

    public static ContactKey phone(String phone) {
        return new ContactKey(Kind.PHONE, ProfileRules.phoneDigits(phone));
    }

    /** {@code email:ada@example.com} or {@code phone:442079460018}. */
    public String asText() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }
}
