package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.card.Customer;
import java.util.Optional;

/**
 * A card's profile field by name, for the field filters: the primary customer's fixed fields by their wire names
 * ({@code firstName}, {@code lastName}, {@code email}, {@code phone}, {@code address1}, {@code address2},
 * {@code city}, {@code state}, {@code postal}, {@code country}, {@code birthDate}, {@code gender}), any other name a
 * brand demographic of the customer model. Blank is absent.
 */
public final class ProfileFields {
    private ProfileFields() {
    }

    public static Optional<String> value(Card card, String name) {
        Customer c = card.primaryCustomer().orElse(Customer.EMPTY);
        String v = switch (name) {
            case "firstName" -> c.firstName();
            case "lastName" -> c.lastName();
            case "email" -> c.email();
            case "phone" -> c.phone();
            case "address1" -> c.address1();
            case "address2" -> c.address2();
            case "city" -> c.city();
            case "state" -> c.state();
            case "postal" -> c.postal();
            case "country" -> c.country();
            case "birthDate" -> c.birthDate() == null ? null : c.birthDate().toString();
            case "gender" -> c.gender();
            default -> card.brandDemographics().get(name);
        };
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    /** The field as a number, if it holds one ({@code 12}, {@code -3.5}). */
    public static Optional<Double> number(Card card, String name) {
        return value(card, name).flatMap(ProfileFields::parse);
    }

    private static Optional<Double> parse(String s) {
        try {
            return Optional.of(Double.parseDouble(s.strip())).filter(d -> !d.isNaN() && !d.isInfinite());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
