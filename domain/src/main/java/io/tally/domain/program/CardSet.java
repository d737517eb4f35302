package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.Objects;

/**
 * A logical grouping of cards of one program (for instance 10,000 printed gift cards).
 *
 * @param cardNumberPrefix the leading digits of every generated card number (an issuer prefix)
 * @param cardNumberLength the total length of generated card numbers, check digit included (15-19)
 */
public record CardSet(BrandId brand, CardSetId id, ProgramId program, String name, String cardNumberPrefix,
                      int cardNumberLength) {
    public CardSet {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(program, "program");
        name = name == null || name.isBlank() ? id.value() : name;
        cardNumberPrefix = cardNumberPrefix == null ? "" : cardNumberPrefix;
        if (!cardNumberPrefix.matches("[0-9]{0,8}")) {
            throw new IllegalArgumentException("card number prefix must be 0-8 digits: " + cardNumberPrefix);
        }
        if (cardNumberLength < 15 || cardNumberLength > 19) {
            throw new IllegalArgumentException("card numbers are 15-19 digits long, not " + cardNumberLength);
        }
        if (cardNumberLength - cardNumberPrefix.length() < 13) {
            throw new IllegalArgumentException("the prefix leaves fewer than 12 random digits: unguessable numbers need more");
        }
    }
}
