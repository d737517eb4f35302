package io.tally.domain.delivery;

import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.Map;

/**
 * Revenue attributed to mailings (checkouts of their recipients within the attribution window), for the communication
 * report's "total revenue". A placeholder until revenue attribution is built: {@link #NONE} answers nothing.
 */
public interface RevenuePort {
    RevenuePort NONE = (brand, from, to) -> Map.of();

    /** Attributed revenue in the brand's currency's minor units, per mailing, for checkouts on days from..to. */
    Map<String, Long> revenue(BrandId brand, LocalDate from, LocalDate to);
}
