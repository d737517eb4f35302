package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.Set;

/**
 * Writes a brand's checkout configuration, one part at a time (provisioning: the seed file, the operator's command
 * line; later the back office). Each save is an upsert of one item that answers whether anything changed, so applying
 * the same configuration twice is visibly a no-op, like {@code provisioning.ProvisioningPort}. Readers see a change
 * within the checkout configuration cache's time to live.
 */
public interface CheckoutConfigStore extends CheckoutConfigPort {
    /** The currency baskets are priced in and the zone of day-of-week and time-of-day conditions. */
    boolean saveSettings(BrandId brand, ValueTypeKey currency, ZoneId zone);

    boolean saveCouponSet(CouponSet set);

    /** The SKUs carrying {@code tag} (replaces the tag's SKUs). */
    boolean saveSkuTag(BrandId brand, String tag, Set<String> skus);

    boolean saveCampaign(Campaign campaign);

    /** Deletes the campaign; false if there was none. */
    boolean removeCampaign(BrandId brand, CampaignId id);
}
