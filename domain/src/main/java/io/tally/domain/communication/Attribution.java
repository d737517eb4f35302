package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A committed checkout attributed to the mailing that reached its card last within {@link AttributeCheckoutRevenue#WINDOW}
 * before it: the fact itself, stored once per checkout (A134) and summed on read per mailing (A135) and per day (A136).
 *
 * @param checkout the CHECKOUT entry's transaction id (unique within the brand: one attribution per checkout)
 * @param amount   the checkout total in minor units of the brand's checkout currency, positive
 * @param day      the checkout's day in the brand's zone (its checkout configuration's)
 * @param location the checkout's location, if it named one
 * @param tags     the checkout's revenue per SKU tag of the brand ({@link SkuTagAmounts}: its tagged lines, minor units,
 *                 each positive and at most {@code amount}; tags with nothing left out)
 */
public record Attribution(BrandId brand, String checkout, CardNumber card, String mailing, String messageId,
                          CardMailing.Channel channel, Optional<String> location, Instant at, LocalDate day, long amount,
                          Map<String, Long> tags) {
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
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        tags.forEach((tag, minor) -> {
            if (!Coupon.validTag(tag) || minor <= 0 || minor > amount) {
                throw new IllegalArgumentException("a SKU tag's revenue is positive and at most the checkout's: " + tag);
            }
        });
    }

    /** An attribution without revenue per SKU tag (a checkout of none of the brand's tags). */
    public Attribution(BrandId brand, String checkout, CardNumber card, String mailing, String messageId,
                       CardMailing.Channel channel, Optional<String> location, Instant at, LocalDate day, long amount) {
        this(brand, checkout, card, mailing, messageId, channel, location, at, day, amount, Map.of());
    }
}
