package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.dynamo.table.TallyTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The narrowed index projections (TallyTable) against the schemas: whatever a query answers from an index must be
 * projected into it, and an entry must not be (its state is stored once, in the table).
 */
class IndexProjectionTest {
    private static Set<String> nonKey(List<String> names) {
        Set<String> out = new HashSet<>(names);
        out.removeAll(Set.of(TallyTable.PK, TallyTable.SK));
        TallyTable.GSIS.forEach(g -> out.removeAll(Set.of(g.partitionKey(), g.sortKey())));
        return out;
    }

    @Test
    void card_searches_and_the_pool_find_every_card_attribute_in_their_indexes() {
        Set<String> card = nonKey(CardItems.SCHEMA.attributeNames());
        assertEquals(card, new HashSet<>(TallyTable.CARD_ATTRIBUTES), "TallyTable.CARD_ATTRIBUTES = the card schema's");
        for (TallyTable.Gsi gsi : TallyTable.GSIS) {
            // A keys-only index (the name searches) answers keys; its cards are read by key.
            assertTrue(gsi.keysOnly() || gsi.projectsAll() || gsi.projected().containsAll(card), gsi.name() + " answers cards");
        }
    }

    @Test
    void a_brands_api_key_list_finds_every_key_attribute_in_gsi1() {
        assertTrue(TallyTable.GSI1.projected().containsAll(nonKey(ConfigItems.API_KEY.attributeNames())));
    }

    @Test
    void an_entry_in_the_outbox_or_the_due_index_carries_its_keys_type_and_brand_only() {
        Set<String> entry = nonKey(LedgerItems.ENTRY.attributeNames());
        for (TallyTable.Gsi gsi : List.of(TallyTable.GSI1, TallyTable.GSI4)) {
            Set<String> copied = new HashSet<>(entry);
            copied.retainAll(gsi.projected());
            assertEquals(Set.of("type", "brand"), copied, gsi.name());
        }
    }

    @Test
    void projections_stay_within_dynamodbs_limit_of_100_projected_attributes_per_table() {
        assertTrue(TallyTable.GSIS.stream().mapToInt(g -> g.projected().size()).sum() <= 100);
    }

    @Test
    void a_coupon_in_gsi1_carries_its_keys_type_brand_and_version_only() {
        Set<String> coupon = nonKey(CouponItems.COUPON.attributeNames());
        coupon.retainAll(TallyTable.GSI1.projected());
        assertEquals(Set.of("type", "brand", "version"), coupon, "the pool reads the coupons themselves by key");
    }
}
