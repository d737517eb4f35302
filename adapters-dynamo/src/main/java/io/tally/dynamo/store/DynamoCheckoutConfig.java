package io.tally.dynamo.store;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A brand's checkout configuration: items in the brand partition under {@code CHK#} ({@code CHK#SETTINGS},
 * {@code CHK#CSET#<id>}, {@code CHK#SKUTAG#<tag>}, {@code CHK#CAMP#<id>}), read by one query (A34). That query stays on
 * the low-level client because it returns items of four types; each is mapped with its own schema (as
 * {@link DynamoPrograms} does). A campaign's conditions and results are lists of documents with a {@code kind}
 * (see {@link CampaignParts}).
 */
final class DynamoCheckoutConfig implements CheckoutConfigStore {
    private record Settings(BrandId brand, ValueTypeKey currency, ZoneId zone) {
    }

    private record SkuTag(BrandId brand, String tag, List<String> skus) {
    }

    static final String SETTINGS_TYPE = "CheckoutSettings";
    static final String COUPON_SET_TYPE = "CouponSet";
    static final String SKU_TAG_TYPE = "SkuTag";
    static final String CAMPAIGN_TYPE = "Campaign";

    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<Settings, ItemValues> SETTINGS =
                ItemSchema.of(Settings.class, v -> new Settings(new BrandId(v.string("brand")),
                                ValueTypeKey.parseText(v.string("currency")), ZoneId.of(v.string("zone"))))
                        .key(SETTINGS_TYPE, s -> Keys.brand(s.brand().value()), s -> Keys.CHECKOUT_SETTINGS_SK)
                        .string("brand", s -> s.brand().value())
                        .string("currency", s -> s.currency().asText())
                        .string("zone", s -> s.zone().getId())
                        .build();

        static final StaticImmutableTableSchema<CouponSet, ItemValues> COUPON_SET =
                ItemSchema.of(CouponSet.class, v -> new CouponSet(new BrandId(v.string("brand")), new CouponSetId(v.string("id")),
                                v.string("name"), v.optString("validFrom").map(Instant::parse),
                                v.optString("validTo").map(Instant::parse)))
                        .key(COUPON_SET_TYPE, s -> Keys.brand(s.brand().value()), s -> Keys.checkoutCouponSetSk(s.id().value()))
                        .string("brand", s -> s.brand().value())
                        .string("id", s -> s.id().value())
                        .string("name", CouponSet::name)
                        .string("validFrom", s -> s.validFrom().map(Instant::toString).orElse(null))
                        .string("validTo", s -> s.validTo().map(Instant::toString).orElse(null))
                        .build();

        static final StaticImmutableTableSchema<SkuTag, ItemValues> SKU_TAG =
                ItemSchema.of(SkuTag.class, v -> new SkuTag(new BrandId(v.string("brand")), v.string("tag"), v.list("skus")))
                        .key(SKU_TAG_TYPE, t -> Keys.brand(t.brand().value()), t -> Keys.skuTagSk(t.tag()))
                        .string("brand", t -> t.brand().value())
                        .string("tag", SkuTag::tag)
                        .stringList("skus", SkuTag::skus)
                        .build();

        static final StaticImmutableTableSchema<Campaign, ItemValues> CAMPAIGN =
                ItemSchema.of(Campaign.class, DynamoCheckoutConfig::campaign)
                        .key(CAMPAIGN_TYPE, c -> Keys.brand(c.brand().value()), c -> Keys.campaignSk(c.id().value()))
                        .string("brand", c -> c.brand().value())
                        .string("id", c -> c.id().value())
                        .string("name", Campaign::name)
                        .bool("enabled", Campaign::enabled)
                        .string("validFrom", c -> c.validFrom().map(Instant::toString).orElse(null))
                        .string("validTo", c -> c.validTo().map(Instant::toString).orElse(null))
                        .number("priority", c -> (long) c.priority())
                        .bool("stackable", Campaign::stackable)
                        .documents("conditions", CampaignParts.Part.class, CampaignParts.SCHEMA,
                                c -> c.conditions().stream().map(CampaignParts::of).toList())
                        .documents("results", CampaignParts.Part.class, CampaignParts.SCHEMA,
                                c -> c.results().stream().map(CampaignParts::of).toList())
                        .number("perCard", c -> c.limits().perCard().map(Integer::longValue).orElse(null))
                        .number("perPeriodTimes", c -> c.limits().perCardPerPeriod().map(p -> (long) p.times()).orElse(null))
                        .string("perPeriod", c -> c.limits().perCardPerPeriod().map(p -> p.period().toString()).orElse(null))
                        .number("totalLimit", c -> c.limits().total().orElse(null))
                        .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<Settings>> settings;
    private final Supplier<DynamoDbTable<CouponSet>> couponSets;
    private final Supplier<DynamoDbTable<SkuTag>> skuTags;
    private final Supplier<DynamoDbTable<Campaign>> campaigns;

    DynamoCheckoutConfig(Table table) {
        this.table = table;
        this.settings = table.lazily(() -> Schemas.SETTINGS);
        this.couponSets = table.lazily(() -> Schemas.COUPON_SET);
        this.skuTags = table.lazily(() -> Schemas.SKU_TAG);
        this.campaigns = table.lazily(() -> Schemas.CAMPAIGN);
    }

    /** One query of the brand partition's {@code CHK#} items, every page of it (A34). */
    @Override
    public CheckoutConfig load(BrandId brand) {
        CheckoutConfig defaults = CheckoutConfig.empty(brand);
        Settings found = new Settings(brand, defaults.currency(), defaults.zone());
        List<CouponSet> sets = new ArrayList<>();
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        List<Campaign> list = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.queryPrefix(Keys.brand(brand.value()), Keys.CHECKOUT_PREFIX)) {
            switch (Attr.str(item, "type")) {
                case SETTINGS_TYPE -> found = Schemas.SETTINGS.mapToItem(item);
                case COUPON_SET_TYPE -> sets.add(Schemas.COUPON_SET.mapToItem(item));
                case SKU_TAG_TYPE -> {
                    SkuTag tag = Schemas.SKU_TAG.mapToItem(item);
                    tags.put(tag.tag(), Set.copyOf(tag.skus()));
                }
                case CAMPAIGN_TYPE -> list.add(Schemas.CAMPAIGN.mapToItem(item));
                default -> {
                    // an item type of a later version: not this reader's
                }
            }
        }
        return new CheckoutConfig(brand, found.currency(), found.zone(), sets, tags, list);
    }

    @Override
    public boolean saveSettings(BrandId brand, ValueTypeKey currency, ZoneId zone) {
        return table.upsert(settings.get(), new Settings(brand, currency, zone));
    }

    @Override
    public boolean saveCouponSet(CouponSet set) {
        return table.upsert(couponSets.get(), set);
    }

    @Override
    public boolean saveSkuTag(BrandId brand, String tag, Set<String> skus) {
        return table.upsert(skuTags.get(), new SkuTag(brand, tag, List.copyOf(new TreeSet<>(skus))));
    }

    @Override
    public boolean saveCampaign(Campaign campaign) {
        return table.upsert(campaigns.get(), campaign);
    }

    @Override
    public boolean removeCampaign(BrandId brand, CampaignId id) {
        Campaign old = campaigns.get().deleteItem(r -> r.key(Table.key(Keys.brand(brand.value()), Keys.campaignSk(id.value()))));
        return old != null;
    }

    private static Campaign campaign(ItemValues v) {
        List<CampaignParts.Part> conditions = v.list("conditions");
        List<CampaignParts.Part> results = v.list("results");
        var perPeriod = v.optString("perPeriod").map(p -> new Campaign.PerPeriod((int) v.number("perPeriodTimes"),
                Duration.parse(p)));
        return new Campaign(new BrandId(v.string("brand")), new CampaignId(v.string("id")), v.string("name"),
                v.bool("enabled"), v.optString("validFrom").map(Instant::parse), v.optString("validTo").map(Instant::parse),
                (int) v.number("priority"), v.bool("stackable"),
                conditions.stream().map(CampaignParts::condition).toList(),
                results.stream().map(CampaignParts::result).toList(),
                new Campaign.Limits(v.optNumber("perCard").map(Long::intValue), perPeriod, v.optNumber("totalLimit")));
    }
}
