package io.tally.domain.card;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** One way of finding cards within a brand; each maps to one index (or link items), so no search ever scans. */
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

    /**
     * The primary customer's first name begins with {@code prefix}, case- and accent-insensitively
     * ({@link SearchableName}). Results in name order (first name, last name, card number).
     */
    record ByFirstName(String prefix) implements CardSearch {
        public ByFirstName {
            prefix = searchablePrefix(prefix);
        }
    }

    /** The primary customer's last name begins with {@code prefix}; results by last name, first name, card number. */
    record ByLastName(String prefix) implements CardSearch {
        public ByLastName {
            prefix = searchablePrefix(prefix);
        }
    }

    /** A third-party username attached to the card: exactly {@code username} in the system {@code system}. */
    record ByThirdPartyUsername(String system, String username) implements CardSearch {
        public ByThirdPartyUsername {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(username, "username");
            if (system.isBlank() || username.isBlank()) {
                throw new IllegalArgumentException("a third-party username names its system and the username");
            }
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
        if (this instanceof ByFirstName f) {
            return firstName(card).map(n -> n.startsWith(f.prefix())).orElse(false);
        }
        if (this instanceof ByLastName l) {
            return lastName(card).map(n -> n.startsWith(l.prefix())).orElse(false);
        }
        if (this instanceof ByThirdPartyUsername u) {
            return u.username().equals(card.thirdPartyUsernames().get(u.system()));
        }
        ByPhone p = (ByPhone) this;
        return card.primaryCustomer().flatMap(Customer::searchablePhone).map(p.phone()::equals).orElse(false);
    }

    /** The order results come in (the order of the index that answers): names by name, the rest by card number. */
    default Comparator<Card> order() {
        Comparator<Card> byNumber = Comparator.comparing(Card::number);
        if (this instanceof ByFirstName) {
            return Comparator.comparing((Card c) -> firstName(c).orElse("")).thenComparing(c -> lastName(c).orElse(""))
                    .thenComparing(byNumber);
        }
        if (this instanceof ByLastName) {
            return Comparator.comparing((Card c) -> lastName(c).orElse("")).thenComparing(c -> firstName(c).orElse(""))
                    .thenComparing(byNumber);
        }
        return byNumber;
    }

    /** The primary customer's first name as searched. */
    static Optional<String> firstName(Card card) {
        return card.primaryCustomer().flatMap(c -> SearchableName.of(c.firstName()));
    }

    /** The primary customer's last name as searched. */
    static Optional<String> lastName(Card card) {
        return card.primaryCustomer().flatMap(c -> SearchableName.of(c.lastName()));
    }

    private static String searchablePrefix(String prefix) {
        return SearchableName.of(Objects.requireNonNull(prefix, "prefix"))
                .orElseThrow(() -> new IllegalArgumentException("a name prefix needs at least one letter"));
    }
}
