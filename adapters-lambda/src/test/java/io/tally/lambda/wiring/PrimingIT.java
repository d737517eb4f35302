package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import io.tally.lambda.json.Json;
import io.tally.lambda.sqs.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** SnapStart priming runs the request path against real storage and leaves every stored item as it was. */
@ExtendWith(DynaliteExtension.class)
class PrimingIT {
    /** Never contacted: priming publishes nothing. */
    private static final URI NO_SQS = URI.create("http://127.0.0.1:9");

    @Test
    void primingChangesNoStoredState(DynaliteServer dynalite, @DynaliteExtension.Fresh DynamoTestTable table)
            throws Exception {
        storeSomething(table);
        Set<Map<String, AttributeValue>> before = scan(table);
        TallyComponent component = TallyComponent.create(
                Settings.local(table.tableName(), "http://127.0.0.1:9/000000000000/events", dynalite.endpoint(), NO_SQS));

        assertTrue(component.priming().primeMerchantApi());
        assertTrue(component.priming().primeBackgroundFunction());
        component.priming().merchantApiHook().beforeCheckpoint(null);
        component.priming().backgroundFunctionHook().beforeCheckpoint(null);

        assertEquals(before, scan(table));
    }

    @Test
    void primingForgetsTheRandomStateItDrew(DynaliteServer dynalite, DynamoTestTable table) {
        TallyComponent component = TallyComponent.create(
                Settings.local(table.tableName(), "http://127.0.0.1:9/000000000000/events", dynalite.endpoint(), NO_SQS)
                        .withRequestLog(false));
        SecureRandomSource random = new SecureRandomSource();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Priming priming = new Priming(component::merchantApi, new DynamoStorage(table.client(), table.tableName()),
                Json.mapper(), new EventJson(Json.mapper()), random, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertTrue(priming.primeMerchantApi());

        assertFalse(random.created(), "a generator seeded before the snapshot would be shared by every restored instance");
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    private static void storeSomething(DynamoTestTable table) {
        // the worst case: the very card priming tries to update, stored in the priming brand
        new DynamoStorage(table.client(), table.tableName()).cards().create(Card.unallocated(new BrandId(Priming.BRAND),
                Priming.CARD, new ProgramId("PRIMING"), new CardSetId("PRIMING")));
        for (String pk : List.of("BRAND#" + Priming.BRAND, "APIKEY#" + Priming.KEY, "CARD#" + Priming.CARD.value())) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", AttributeValue.fromS(pk));
            item.put("SK", AttributeValue.fromS("X"));
            item.put("n", AttributeValue.fromN("1"));
            table.client().putItem(PutItemRequest.builder().tableName(table.tableName()).item(item).build());
        }
    }

    private static Set<Map<String, AttributeValue>> scan(DynamoTestTable table) {
        return table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).consistentRead(true).build())
                .items().stream().collect(Collectors.toSet());
    }
}
