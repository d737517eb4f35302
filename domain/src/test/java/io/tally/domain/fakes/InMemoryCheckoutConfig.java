package io.tally.domain.fakes;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory twin of the DynamoDB checkout configuration adapter: items by brand and sort key, read back the way the
 * adapter's one query returns them (sort key order: coupon sets, campaigns and tags each by id).
 */
public final class InMemoryCheckoutConfig implements CheckoutConfigStore {
    private record Settings(ValueTypeKey currency, ZoneId zone) {
    }

    private final Map<BrandId, TreeMap<String, Object>> brands = new ConcurrentHashMap<>();

    private synchronized boolean put(BrandId brand, String key, Object value) {
        return !Objects.equals(brands.computeIfAbsent(brand, b -> new TreeMap<>()).put(key, value), value);
    }

    @Override
    public synchronized CheckoutConfig load(BrandId brand) {
        TreeMap<String, Object> items = brands.get(brand);
        if (items == null || items.isEmpty()) {
            return CheckoutConfig.empty(brand);
        }
        CheckoutConfig defaults = CheckoutConfig.empty(brand);
        Settings settings = (Settings) items.getOrDefault("SETTINGS", new Settings(defaults.currency(), defaults.zone()));
        List<CouponSet> sets = new ArrayList<>();
        List<Campaign> campaigns = new ArrayList<>();
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        items.forEach((key, value) -> {
            if (value instanceof CouponSet s) {
                sets.add(s);
            } else if (value instanceof Campaign c) {
                campaigns.add(c);
            } else if (key.startsWith("SKUTAG#")) {
                @SuppressWarnings("unchecked") Set<String> skus = (Set<String>) value;
                tags.put(key.substring("SKUTAG#".length()), skus);
            }
        });
        return new CheckoutConfig(brand, settings.currency(), settings.zone(), sets, tags, campaigns);
    }

    @Override
    public boolean saveSettings(BrandId brand, ValueTypeKey currency, ZoneId zone) {
        return put(brand, "SETTINGS", new Settings(currency, zone));
    }

    @Override
    public boolean saveCouponSet(CouponSet set) {
        return put(set.brand(), "CSET#" + set.id(), set);
    }

    @Override
    public boolean saveSkuTag(BrandId brand, String tag, Set<String> skus) {
        return put(brand, "SKUTAG#" + tag, Set.copyOf(new TreeSet<>(skus)));
    }

    @Override
    public boolean saveCampaign(Campaign campaign) {
        return put(campaign.brand(), "CAMP#" + campaign.id(), campaign);
    }

    @Override
    public synchronized boolean removeCampaign(BrandId brand, CampaignId id) {
        TreeMap<String, Object> items = brands.get(brand);
        return items != null && items.remove("CAMP#" + id) != null;
    }
}
