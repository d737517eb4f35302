package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed checkout attributed to the mailing that reached its card last within {@link AttributeCheckoutRevenue#WINDOW}
 * before it: the fact itself, stored once per checkout (A134) and summed on read per mailing (A135) and per day (A136).
 *
 * @param checkout the CHECKOUT entry's transaction id (unique within the brand: one attribution per checkout)
 * @param amount   the checkout total in minor units of the brand's checkout currency, positive
 * @param day      the checkout's day in the brand's zone (its checkout configuration's)
 * @param location the checkout's location, if it named one
 */
public record Attribution(BrandId brand, String checkout, CardNumber card, String mailing, String messageId,
                          CardMailing.Channel channel, Optional<String> location, Instant at, LocalDate day, long amount) {
    public Attribution {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(checkout, "checkout");
        Objects.requireNonNull(card, "card");
        Identifiers.require(mailing, "mailing");
        Identifiers.require(messageId, "message id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(day, "day");
        if (amount <= 0) {
            throw new IllegalArgumentException("an attributed checkout has a positive amount: " + amount);
        }
    }
}
