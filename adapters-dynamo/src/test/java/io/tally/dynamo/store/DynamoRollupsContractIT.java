package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.RollupContract;
import io.tally.domain.report.DayRollup;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link RollupPort} contract against the DynamoDB adapter on dynalite, and what only the adapter has: parts. */
@ExtendWith(DynaliteExtension.class)
class DynamoRollupsContractIT extends RollupContract {
    private RollupPort port;
    private Table table;

    @BeforeEach
    void port(DynamoTestTable t) {
        port = new DynamoStorage(t.client(), t.tableName()).rollups();
        table = new Table(t.client(), t.tableName());
    }

    @Override
    protected RollupPort port() {
        return port;
    }

    @Test
    void a_large_day_is_cut_into_parts_well_under_the_item_limit() {
        port.replaceDay(day(DECEMBER.atDay(20), 20_000, 7));
        List<Map<String, AttributeValue>> parts = table.queryPrefix(pk(brand), Keys.rollupDaySk(20) + "#G#", true);
        long largest = parts.stream().mapToLong(ItemSize::of).max().orElseThrow();
        long total = parts.stream().mapToLong(ItemSize::of).sum();
        System.out.printf("20,000 cells: %d parts, largest %d bytes, %d bytes a cell%n", parts.size(), largest, total / 20_000);
        assertTrue(parts.size() > 1, "cut into parts: " + parts.size());
        assertTrue(largest < 256 * 1024, "each part well under 400 KB: " + largest);
    }

    @Test
    void parts_no_header_names_are_ignored_and_the_next_replacement_deletes_them() {
        DayRollup first = day(DECEMBER.atDay(9), 30, 1);
        port.replaceDay(first);
        String header = Keys.rollupDaySk(9);
        // a writer that died after its parts and before its header: a generation nobody names
        table.batchPut(List.of(RollupItems.PART.itemToMap(new RollupItems.Part(pk(brand),
                Keys.rollupPartSk(header, "2-deadbeefdeadbeef", 0), List.of(RollupItems.join("x", "", "", "issue", "", "1", "0", "1"))), true)));
        assertEquals(List.of(first), port.month(brand, DECEMBER).days(), "readers follow the header's generation only");
        assertEquals(2, table.queryPrefix(pk(brand), header + "#G#", true).size());

        DayRollup second = day(DECEMBER.atDay(9), 20, 2);
        port.replaceDay(second);
        assertEquals(List.of(second), port.month(brand, DECEMBER).days());
        List<Map<String, AttributeValue>> left = table.queryPrefix(pk(brand), header + "#G#", true);
        assertEquals(1, left.size(), "the old generation and the dead writer's part are gone: " + left);
        assertTrue(Attr.str(left.get(0), "SK").startsWith(header + "#G#2-"), Attr.str(left.get(0), "SK"));
    }

    @Test
    void replacing_a_day_by_its_stored_value_writes_nothing() {
        DayRollup d = day(DECEMBER.atDay(4), 10, 1);
        port.replaceDay(d);
        String generation = Attr.str(table.queryPrefix(pk(brand), Keys.rollupDaySk(4), true).get(0), RollupItems.GENERATION);
        port.replaceDay(d);
        assertEquals(generation, Attr.str(table.queryPrefix(pk(brand), Keys.rollupDaySk(4), true).get(0), RollupItems.GENERATION));
    }

    private static String pk(BrandId brand) {
        return Keys.rollupMonth(brand.value(), DECEMBER.toString());
    }

}
