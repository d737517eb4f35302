package io.tally.domain.card;

import java.util.Objects;

/** One way of finding cards within a brand; each maps to one index, so no search ever scans. */
public sealed interface CardSearch {
    record ByCustomCardNumber(String customCardNumber) implements CardSearch {
        public ByCustomCardNumber {
            Objects.requireNonNull(customCardNumber, "customCardNumber");
        }
    }

    /** Matches the primary customer's e-mail, case-insensitively. */
    record ByEmail(String email) implements CardSearch {
        public ByEmail {
            email = ProfileRules.normalizeEmail(Objects.requireNonNull(email, "email"));
        }
    }

    /** Matches the primary customer's phone by its digits. */
    record ByPhone(String phone) implements CardSearch {
        public ByPhone {
            phone = ProfileRules.phoneDigits(Objects.requireNonNull(phone, "phone"));
        }
    }

    /** True if the card matches: the in-memory fake and any adapter-side filter use this one definition. */
    default boolean matches(Card card) {
        if (this instanceof ByCustomCardNumber c) {
            return card.customCardNumber().map(c.customCardNumber()::equals).orElse(false);
        }
        if (this instanceof ByEmail e) {
            return card.primaryCustomer().flatMap(Customer::searchableEmail).map(e.email()::equals).orElse(false);
        }
        ByPhone p = (ByPhone) this;
        return card.primaryCustomer().flatMap(Customer::searchablePhone).map(p.phone()::equals).orElse(false);
    }
}
