package io.tally.domain.fakes;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.tenant.BrandId;
import java.util.HashMap;
import java.util.Map;

/**
 * Campaign budgets in memory with the adapter's semantics: a counter per campaign and the slot each checkout took.
 * A checkout's retry is answered from its first slot and takes no second one; a slot past {@code total} is a "no"
 * (and still counted, as the adapter's counter is). Thread-safe.
 */
public final class InMemoryCampaignBudgetPort implements CampaignBudgetPort {
    /** The adapter keeps the checkout key in an item key. */
    static final int MAX_KEY = 512;
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Long> slots = new HashMap<>();

    @Override
    public synchronized boolean take(BrandId brand, CampaignId campaign, String checkoutKey, long total) {
        if (checkoutKey == null || checkoutKey.isBlank() || checkoutKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("a checkout key is 1-" + MAX_KEY + " characters");
        }
        String counter = key(brand, campaign);
        long slot = slots.computeIfAbsent(counter + "|" + checkoutKey, k -> counters.merge(counter, 1L, Long::sum));
        return slot <= total;
    }

    @Override
    public synchronized long taken(BrandId brand, CampaignId campaign) {
        return counters.getOrDefault(key(brand, campaign), 0L);
    }

    private static String key(BrandId brand, CampaignId campaign) {
        return brand.value() + "|" + campaign.value();
    }
}
