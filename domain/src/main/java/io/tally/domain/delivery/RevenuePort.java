package io.tally.domain.delivery;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revenue attributed to mailings (checkouts of their recipients within the attribution window, net of voids), for the
 * communication report's "total revenue" ({@code communication.MailingRevenuePort}'s days, A136). {@link #NONE}
 * answers nothing (graphs and tests without attribution).
 */
public interface RevenuePort {
    RevenuePort NONE = (brand, from, to, locations, skuTag, channel) -> Map.of();

    /**
     * Attributed revenue in the brand's currency's minor units, per mailing, for checkouts on days from..to at one of
     * {@code locations} (empty: every checkout, with or without a location); with a {@code skuTag}, only the checkouts'
     * amounts for that SKU tag of the brand (their lines whose SKU the tag holds); with a {@code channel}, only the
     * mailings that went out on it.
     */
    Map<String, Long> revenue(BrandId brand, LocalDate from, LocalDate to, Set<String> locations, Optional<String> skuTag,
                              Optional<CardMailing.Channel> channel);
}
