package io.tally.domain.campaign;

import io.tally.domain.tenant.BrandId;

/** Reads a brand's checkout configuration (campaigns, coupon sets, SKU tags, currency, zone) in one request. */
public interface CheckoutConfigPort {
    /** The brand's configuration; {@link CheckoutConfig#empty} when it has none. */
    CheckoutConfig load(BrandId brand);
}
