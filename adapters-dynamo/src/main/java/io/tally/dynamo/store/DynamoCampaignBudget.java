package io.tally.dynamo.store;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Campaign budgets: a counter {@code BRAND#b#CAMPAIGN#c / BUDGET} ({@code n}, slots taken) and, per checkout, the slot
 * it took {@code BRAND#b#CAMPAIGN#c#FIRE#<sha256(checkoutKey)> / FIRE} (TTL 30 days). A take reads the checkout's slot
 * (consistent); without one it adds 1 to the counter (the new count is its slot) and records the slot with
 * {@code attribute_not_exists}; if a concurrent duplicate recorded first, the duplicate's slot is the answer. A slot
 * above the total is a "no". A crash between the ADD and the record, or a lost race, only wastes a slot: a campaign may
 * fire fewer times than its total, never more.
 */
final class DynamoCampaignBudget implements CampaignBudgetPort {
    static final Duration FIRE_RETENTION = Duration.ofDays(30);
    /** Longest checkout key accepted (the key is hashed into the item key; this bounds what a caller may send). */
    static final int MAX_KEY = 512;

    record Counter(String pk, Long n) {
    }

    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<Counter, ItemValues> COUNTER = ItemSchema.of(Counter.class,
                        v -> new Counter(v.optString(TallyTable.PK).orElse(null), v.optNumber("n").orElse(null)))
                .key("CampaignBudget", Counter::pk, c -> Keys.CAMPAIGN_BUDGET_SK)
                .number("n", Counter::n)
                .build();

        static final StaticImmutableTableSchema<Fire, ItemValues> FIRE = ItemSchema.of(Fire.class,
                        v -> new Fire(v.string(TallyTable.PK), v.string("checkoutKey"), v.number("slot"),
                                v.number(TallyTable.TTL_ATTRIBUTE)))
                .key("CampaignFire", Fire::pk, f -> Keys.CAMPAIGN_FIRE_SK)
                .string("checkoutKey", Fire::checkoutKey)
                .number("slot", Fire::slot)
                .number(TallyTable.TTL_ATTRIBUTE, Fire::expiresAt)
                .build();

        private Schemas() {
        }
    }

    /** @param expiresAt epoch seconds (the table's TTL attribute) */
    record Fire(String pk, String checkoutKey, Long slot, Long expiresAt) {
    }

    private final Table table;
    private final Clock clock;
    private final Supplier<DynamoDbTable<Counter>> counters;
    private final Supplier<DynamoDbTable<Fire>> fires;

    /** @param clock only for the TTL of the per-checkout items (housekeeping; no decision depends on it) */
    DynamoCampaignBudget(Table table, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.counters = table.lazily(() -> Schemas.COUNTER);
        this.fires = table.lazily(() -> Schemas.FIRE);
    }

    @Override
    public boolean take(BrandId brand, CampaignId campaign, String checkoutKey, long total) {
        if (checkoutKey == null || checkoutKey.isBlank() || checkoutKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("a checkout key is 1-" + MAX_KEY + " characters");
        }
        String pk = Keys.campaignFire(brand.value(), campaign.value(), hash(checkoutKey));
        Optional<Fire> first = table.get(fires.get(), pk, Keys.CAMPAIGN_FIRE_SK, true);
        if (first.isPresent()) {
            return first.get().slot() <= total;
        }
        long slot = next(brand, campaign);
        Fire mine = new Fire(pk, checkoutKey, slot, clock.instant().plus(FIRE_RETENTION).getEpochSecond());
        if (table.putIfAbsent(fires.get(), mine)) {
            return slot <= total;
        }
        // A duplicate of this checkout recorded its slot first: that one is the checkout's (ours is wasted).
        return table.get(fires.get(), pk, Keys.CAMPAIGN_FIRE_SK, true).orElseThrow().slot() <= total;
    }

    @Override
    public long taken(BrandId brand, CampaignId campaign) {
        return table.get(counters.get(), Keys.campaignBudget(brand.value(), campaign.value()), Keys.CAMPAIGN_BUDGET_SK, true)
                .map(Counter::n).orElse(0L);
    }

    /** One atomic ADD; the count after it is this take's slot (low-level: the enhanced client has no ADD). */
    private long next(BrandId brand, CampaignId campaign) {
        var response = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.campaignBudget(brand.value(), campaign.value()), Keys.CAMPAIGN_BUDGET_SK))
                .updateExpression("ADD #n :one SET #t = :type")
                .expressionAttributeNames(Map.of("#n", "n", "#t", "type"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":type", Attr.s("CampaignBudget")))
                .returnValues(ReturnValue.UPDATED_NEW).build());
        return Attr.num(response.attributes(), "n");
    }

    private static String hash(String checkoutKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(checkoutKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
