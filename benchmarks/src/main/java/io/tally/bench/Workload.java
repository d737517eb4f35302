package io.tally.bench;

import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The merchant calls the figures make, in the wire format integrations send, and for each one its floor:
 * the raw DynamoDB calls that method cannot avoid (authentication's one BatchGetItem, then the method's own
 * minimum), made with the same client settings and against the same table.
 */
final class Workload {
    static final String CARD_SET = "BENCH01";

    private final BenchWorld world;
    private final Merchant merchant;
    private final boolean storedValue;
    private int floorWrites;
    private Map<String, AttributeValue> entryTemplate = Map.of("state", AttributeValue.fromS("x".repeat(600)));

    Workload(BenchWorld world) {
        this.world = world;
        this.merchant = new Merchant(world.handler(), world.events());
        // the stored-value methods arrive with their own issue; until they are wired, figures use listValueType
        this.storedValue = merchant.call("updateBalance", "{}").errorCode() != 28;
    }

    Merchant merchant() {
        return merchant;
    }

    BenchWorld world() {
        return world;
    }

    boolean storedValue() {
        return storedValue;
    }

    record Request(String method, String body, String roundTrips) {
    }

    record FloorKeys(String readPk, String readSk) {
    }

    /**
     * One warm-latency case: the request, and the floor's raw calls.
     *
     * @param bodies    a fresh body per call (e.g. a new coupon each time), or null: always {@code body}
     * @param targetMs  the own-overhead target at p50
     * @param floorName what the floor is, when it is not the raw calls (the checkout rows compare with a redeem)
     */
    record Case(String name, String method, String body, Runnable floor, String floorCalls, boolean requestIds,
                java.util.function.Supplier<String> bodies, double targetMs, String floorName) {
        Case(String name, String method, String body, Runnable floor, String floorCalls, boolean requestIds) {
            this(name, method, body, floor, floorCalls, requestIds, null, 1.0, null);
        }

        Case(String name, String method, String body, Runnable floor, String floorCalls) {
            this(name, method, body, floor, floorCalls, false);
        }

        String nextBody() {
            return bodies == null ? body : bodies.get();
        }
    }

    // ---- cards -------------------------------------------------------------------------------

    /** A pool card handed out by {@code allocate}, then funded with {@code amount} by {@code updateBalance issue}. */
    String fundedCard(String amount) {
        String card = merchant.call("allocate", "{\"cardSetId\":\"" + CARD_SET + "\"}").require("allocate")
                .body().path("cardNumber").asText();
        merchant.call("updateBalance", Bodies.issue(card, amount)).require("issue");
        return card;
    }

    /** The spendable USD balance in cents, as {@code search} reports it. */
    long balanceCents(String card) {
        var cards = merchant.call("search", Bodies.balance(card)).require("balance").body().path("cards");
        for (var b : cards.path(0).path("balances")) {
            if ("USD".equals(b.path("balanceCode").asText())) {
                return new java.math.BigDecimal(b.path("amount").asText()).movePointRight(2).longValueExact();
            }
        }
        throw new IllegalStateException("no USD balance in " + cards);
    }

    // ---- figure 1 ------------------------------------------------------------------------------

    private String probeCard;

    /** The card the child-process figures (cold start, memory) redeem from: funded once, plenty left. */
    private String probeCard() {
        if (probeCard == null) {
            probeCard = fundedCard("1000000.00");
        }
        return probeCard;
    }

    Request coldStartRequest() {
        if (!storedValue) {
            return new Request("listValueType", "{}", "listValueType, a stand-in for updateBalance (not wired yet)");
        }
        return new Request("updateBalance", Bodies.redeem(probeCard(), "0.01"), "updateBalance redeem");
    }

    Request memoryRequest() {
        return coldStartRequest();
    }

    FloorKeys coldStartFloorKeys() {
        return !storedValue ? new FloorKeys(Keys.brand(BenchWorld.BRAND), Keys.BRAND_SK)
                : new FloorKeys(Keys.card(probeCard()), Keys.CARD_SK);
    }

    // ---- figure 2 ------------------------------------------------------------------------------

    List<Case> warmCases() {
        List<Case> cases = new ArrayList<>();
        // the catalogue is cached per container, so authentication is all listValueType cannot avoid
        cases.add(new Case("listValueType", "listValueType", "{}", this::auth, "BatchGetItem"));
        if (storedValue) {
            String card = fundedCard("1000000.00");
            merchant.call("updateBalance", Bodies.redeem(card, "0.01")).require("redeem");
            entryTemplate = raw().query(QueryRequest.builder().tableName(world.table()).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :seq)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.card(card)),
                            ":seq", AttributeValue.fromS("SEQ#")))
                    .scanIndexForward(false).limit(1).build()).items().get(0);
            cases.add(new Case("balance check (search by cardNumber)", "search", Bodies.balance(card), () -> {
                auth();
                head(card);
            }, "BatchGetItem+Query"));
            cases.add(new Case("updateBalance redeem", "updateBalance", Bodies.redeem(card, "0.01"), () -> {
                auth();
                head(card);
                write();
            }, "BatchGetItem+Query+PutItem"));
            // what a POS sends: a customRequestId, so a retry after a timeout cannot redeem twice
            cases.add(new Case("updateBalance redeem with customRequestId", "updateBalance", Bodies.redeem(card, "0.01"), () -> {
                auth();
                head(card);
                write();
                write();
            }, "BatchGetItem+Query+2xPutItem", true));
        }
        return cases;
    }

    // ---- raw calls of the floors -----------------------------------------------------------------

    void auth() {
        String brand = Keys.brand(BenchWorld.BRAND);
        List<Map<String, AttributeValue>> keys = List.of(
                key(Keys.apiKey(BenchWorld.KEY), Keys.API_KEY_SK), key(brand, Keys.BRAND_SK),
                key(brand, Keys.locationSk(BenchWorld.LOCATION)),
                key(brand, Keys.terminalSk(BenchWorld.LOCATION, BenchWorld.TERMINAL)));
        raw().batchGetItem(BatchGetItemRequest.builder()
                .requestItems(Map.of(world.table(), KeysAndAttributes.builder().keys(keys).build())).build());
    }

    void head(String card) {
        raw().query(QueryRequest.builder().tableName(world.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :seq)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.card(card)), ":seq", AttributeValue.fromS("SEQ#")))
                .scanIndexForward(false).limit(1).build());
    }

    void get(String pk, String sk) {
        raw().getItem(GetItemRequest.builder().tableName(world.table()).key(key(pk, sk)).consistentRead(true).build());
    }

    void query(String pk, String prefix) {
        raw().query(QueryRequest.builder().tableName(world.table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":p", AttributeValue.fromS(prefix))).build());
    }

    /** A conditional write of a fresh key: a copy of a real ledger entry (same size, same index attributes). */
    void write() {
        Map<String, AttributeValue> item = new java.util.HashMap<>(entryTemplate);
        item.putAll(key("BENCH#FLOORW", "SEQ#" + (floorWrites++)));
        raw().putItem(PutItemRequest.builder().tableName(world.table()).item(item)
                .conditionExpression("attribute_not_exists(SK)").build());
    }

    private DynamoDbClient raw() {
        return world.raw();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }
}
