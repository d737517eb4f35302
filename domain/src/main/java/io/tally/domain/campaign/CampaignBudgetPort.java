package io.tally.domain.campaign;

import io.tally.domain.tenant.BrandId;

/**
 * Total limits of campaigns across the brand ("the first 1,000 checkouts get …"): one slot per firing, taken before
 * the checkout commits. A checkout that fails after taking its slot (or dies) leaves the slot used: a campaign may give
 * out fewer than its total, never more.
 */
public interface CampaignBudgetPort {
    /**
     * Takes one of the campaign's {@code total} slots for the checkout named {@code checkoutKey}; true if it holds one
     * (a retry of the same checkout is answered from its first take, and takes no second slot; duplicates racing the
     * first take get its answer too, but may each use up a slot). {@code checkoutKey}: 1-512 characters.
     */
    boolean take(BrandId brand, CampaignId campaign, String checkoutKey, long total);

    /** Slots taken so far (may be slightly stale). */
    long taken(BrandId brand, CampaignId campaign);
}
