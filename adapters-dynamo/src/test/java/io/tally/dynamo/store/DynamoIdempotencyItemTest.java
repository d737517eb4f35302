package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.ledger.IdempotencyPort.IdempotencyRecord;
import io.tally.domain.ledger.IdempotencyPort.Status;
import io.tally.dynamo.store.DynamoIdempotency.Item;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The idempotency record's schema without a network: round trip, defaults, what an update sets. */
class DynamoIdempotencyItemTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    @Test
    void an_idempotency_record_round_trips_exactly() {
        Item item = new Item("IDEM#b#r", "b", "r", "fp", "IN_PROGRESS", "t1", T0.toString(),
                T0.plusSeconds(30).toEpochMilli(), T0.getEpochSecond(), "p", null);

        Item read = roundTrip(item);

        assertEquals(item, read);
        assertEquals(new IdempotencyRecord("fp", Status.IN_PROGRESS, "t1", T0, T0.plusSeconds(30), Optional.of("p"),
                Optional.empty()), read.record());
    }

    @Test
    void an_idempotency_record_without_status_token_or_lease_reads_as_completed_and_lapsed() {
        Item read = DynamoIdempotency.Schemas.SCHEMA.mapToItem(Map.of("PK", s("IDEM#b#r"), "SK", s("IDEM"), "fingerprint", s("fp"),
                "claimedAt", s(T0.toString()), "responseBody", s("{}")));

        assertEquals(new IdempotencyRecord("fp", Status.COMPLETED, "", T0, Instant.EPOCH, Optional.empty(), Optional.of("{}")),
                read.record());
    }

    @Test
    void an_idempotency_update_sets_only_its_own_attributes() {
        Item takeover = new Item("IDEM#b#r", null, null, null, null, "t2", null, 5L, null, null, null);

        assertEquals(Set.of("PK", "SK", "type", "token", "leaseUntil"),
                DynamoIdempotency.Schemas.SCHEMA.itemToMap(takeover, true).keySet());
    }

    private static Item roundTrip(Item item) {
        return DynamoIdempotency.Schemas.SCHEMA.mapToItem(DynamoIdempotency.Schemas.SCHEMA.itemToMap(item, true));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
