package io.tally.domain.card;

import io.tally.domain.shared.GeoPoint;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The person behind a card (primary or alternate). Every field is optional; blank text is absent.
 * Shape is checked by {@link ProfileRules#check(Customer)} so that bad input is a rejection, not an exception.
 * {@code addressPoint} is the address's coordinates when the brand gives them (segments' address proximity); the
 * platform geocodes nothing.
 */
public record Customer(String firstName, String lastName, String email, String phone, String address1,
                       String address2, String city, String state, String postal, String country,
                       LocalDate birthDate, String gender, GeoPoint addressPoint) {
    public static final Customer EMPTY = new Customer(null, null, null, null, null, null, null, null, null, null, null,
            null);

    public Customer {
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        email = blankToNull(email);
        phone = blankToNull(phone);
        address1 = blankToNull(address1);
        address2 = blankToNull(address2);
        city = blankToNull(city);
        state = blankToNull(state);
        postal = blankToNull(postal);
        country = blankToNull(country);
        gender = blankToNull(gender);
    }

    /** A customer whose address has no coordinates. */
    public Customer(String firstName, String lastName, String email, String phone, String address1, String address2,
                    String city, String state, String postal, String country, LocalDate birthDate, String gender) {
        this(firstName, lastName, email, phone, address1, address2, city, state, postal, country, birthDate, gender, null);
    }

    /** This customer with the address's coordinates (null: none). */
    public Customer withAddressPoint(GeoPoint point) {
        return new Customer(firstName, lastName, email, phone, address1, address2, city, state, postal, country,
                birthDate, gender, point);
    }

    /**
     * This customer with every field that {@code update} sets replacing ours ({@code null} means "leave as is"). An
     * address that changes without new coordinates loses its old ones: they would point at the previous address.
     */
    public Customer mergedWith(Customer update) {
        Customer merged = new Customer(pick(update.firstName, firstName), pick(update.lastName, lastName),
                pick(update.email, email), pick(update.phone, phone), pick(update.address1, address1),
                pick(update.address2, address2), pick(update.city, city), pick(update.state, state),
                pick(update.postal, postal), pick(update.country, country), pick(update.birthDate, birthDate),
                pick(update.gender, gender));
        boolean moved = !Objects.equals(merged.address1, address1) || !Objects.equals(merged.address2, address2)
                || !Objects.equals(merged.city, city) || !Objects.equals(merged.state, state)
                || !Objects.equals(merged.postal, postal) || !Objects.equals(merged.country, country);
        return merged.withAddressPoint(update.addressPoint != null ? update.addressPoint : moved ? null : addressPoint);
    }

    /** The e-mail as searched: lower case, since mailbox names are case-insensitive in practice. */
    public Optional<String> searchableEmail() {
        return Optional.ofNullable(email).map(ProfileRules::normalizeEmail);
    }

    /** The phone as searched: its digits only. */
    public Optional<String> searchablePhone() {
        return Optional.ofNullable(phone).map(ProfileRules::phoneDigits);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
