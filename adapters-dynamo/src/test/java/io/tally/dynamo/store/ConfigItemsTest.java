package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.PortalTestData;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The stored form of the configuration items, without a network: what each adapter writes, attribute by attribute,
 * is exactly what items have always held (names, strings, numbers as N, booleans as BOOL, index keys), and what it
 * reads back is the item it wrote. The client under the adapters is a map that answers PutItem and GetItem.
 */
class ConfigItemsTest {
    private static final BrandId BRAND = new BrandId("B1");
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    private final List<Map<String, AttributeValue>> written = new ArrayList<>();
    private final List<UpdateItemRequest> updates = new ArrayList<>();
    private final Table table = new Table(client(), "tally");
    private final DynamoProvisioning provisioning = new DynamoProvisioning(table);

    @Test
    void brand_is_stored_as_before_and_read_back() {
        Brand brand = new Brand(BRAND, "Acme", false);
        assertTrue(provisioning.saveBrand(brand));
        // as before, plus its entry in the brand list (GSI1 BRANDS / b, A57)
        assertEquals(item("BRAND#B1", "BRAND", "Brand", "brand", s("B1"), "name", s("Acme"),
                "requireEmployee", AttributeValue.fromBool(false), "GSI1PK", s("BRANDS"), "GSI1SK", s("B1")), last());
        assertFalse(provisioning.saveBrand(brand), "the same brand again changes nothing");
        assertTrue(provisioning.saveBrand(new Brand(BRAND, "Acme", true)));
        assertEquals(AttributeValue.fromBool(true), last().get("requireEmployee"));
        assertEquals(new Brand(BRAND, "Acme", true), ConfigItems.BRAND.mapToItem(last()));
    }

    @Test
    void location_group_location_and_terminal_are_stored_as_before() {
        LocationGroup group = new LocationGroup(BRAND, new LocationGroupId("G1"), "North");
        provisioning.saveLocationGroup(group);
        assertEquals(item("BRAND#B1", "LGRP#G1", "LocationGroup", "brand", s("B1"), "id", s("G1"), "name", s("North")),
                last());
        assertEquals(group, ConfigItems.LOCATION_GROUP.mapToItem(last()));

        Location location = new Location(BRAND, new LocationId("L1"), new LocationGroupId("G1"), "Main street");
        provisioning.saveLocation(location);
        assertEquals(item("BRAND#B1", "LOC#L1", "Location", "brand", s("B1"), "id", s("L1"), "group", s("G1"),
                "name", s("Main street")), last());
        assertEquals(location, ConfigItems.LOCATION.mapToItem(last()));

        Terminal terminal = new Terminal(BRAND, new LocationId("L1"), new TerminalId("T1"), "Till 1");
        provisioning.saveTerminal(terminal);
        assertEquals(item("BRAND#B1", "TERM#L1#T1", "Terminal", "brand", s("B1"), "location", s("L1"), "id", s("T1"),
                "name", s("Till 1")), last());
        assertEquals(terminal, ConfigItems.TERMINAL.mapToItem(last()));
    }

    @Test
    void employee_is_stored_as_before_and_read_back() {
        Employee eve = new Employee(BRAND, new LocationId("L1"), new EmployeeId("E1"), "Eve", "pbkdf2$1$AA$AA");
        provisioning.saveEmployee(eve);
        assertEquals(item("BRAND#B1", "EMP#L1#E1", "Employee", "brand", s("B1"), "location", s("L1"), "id", s("E1"),
                "name", s("Eve"), "passwordHash", s("pbkdf2$1$AA$AA")), last());
        assertEquals(Optional.of(eve), provisioning.employee(BRAND, new LocationId("L1"), new EmployeeId("E1")));
        assertEquals(Optional.empty(), provisioning.employee(BRAND, new LocationId("L1"), new EmployeeId("E2")));
    }

    @Test
    void api_keys_are_stored_as_before_with_their_index_keys() {
        ApiKey key = new ApiKey("k1", BRAND, "pos", "sha256$AA$AA", CREATED, null);
        assertTrue(provisioning.createApiKey(key));
        assertEquals(item("APIKEY#k1", "APIKEY", "ApiKey", "keyId", s("k1"), "brand", s("B1"), "label", s("pos"),
                "secretHash", s("sha256$AA$AA"), "createdAt", s("2026-01-01T00:00:00Z"),
                "GSI1PK", s("BRAND#B1#APIKEYS"), "GSI1SK", s("k1")), last());
        assertEquals(Optional.of(key), provisioning.apiKey("k1"));

        ApiKey unlabelledRevoked = new ApiKey("k2", BRAND, "", "sha256$AA$AB", CREATED,
                Instant.parse("2026-02-01T10:00:00.5Z"));
        provisioning.createApiKey(unlabelledRevoked);
        assertEquals(item("APIKEY#k2", "APIKEY", "ApiKey", "keyId", s("k2"), "brand", s("B1"),
                "secretHash", s("sha256$AA$AB"), "createdAt", s("2026-01-01T00:00:00Z"),
                "revokedAt", s("2026-02-01T10:00:00.500Z"), "GSI1PK", s("BRAND#B1#APIKEYS"), "GSI1SK", s("k2")), last());
        assertEquals(Optional.of(unlabelledRevoked), provisioning.apiKey("k2"));
        assertEquals(Optional.empty(), provisioning.apiKey("k3"));
    }

    @Test
    void a_revocation_sets_revoked_at_of_the_brands_unrevoked_key_and_nothing_else() {
        Instant when = Instant.parse("2026-02-01T10:00:00Z");
        provisioning.revokeApiKey(BRAND, "k1", when);
        UpdateItemRequest update = updates.get(0);
        assertEquals(Map.of("PK", s("APIKEY#k1"), "SK", s("APIKEY")), update.key());
        assertEquals("brand = :brand AND attribute_not_exists(revokedAt)", update.conditionExpression());
        assertEquals(s("B1"), update.expressionAttributeValues().get(":brand"));
        assertTrue(update.updateExpression().startsWith("SET ") && !update.updateExpression().contains("REMOVE"),
                update.updateExpression());
        Map<String, AttributeValue> set = new HashMap<>();
        update.expressionAttributeNames().forEach((placeholder, name) -> {
            if (update.updateExpression().contains(placeholder)) {
                set.put(name, update.expressionAttributeValues().get(update.updateExpression()
                        .split(placeholder + " = ")[1].split(",")[0].strip()));
            }
        });
        assertEquals(Map.of("type", s("ApiKey"), "keyId", s("k1"), "revokedAt", s("2026-02-01T10:00:00Z")), set,
                "only revokedAt changes: type and keyId are what every API key item holds");
    }

    @Test
    void catalogue_items_are_stored_as_before() {
        Program gift = new Program(BRAND, new ProgramId("P1"), "Gift", ProgramKind.GIFT);
        provisioning.saveProgram(gift);
        assertEquals(item("BRAND#B1", "PROG#P1#META", "Program", "brand", s("B1"), "id", s("P1"), "name", s("Gift"),
                "kind", s("GIFT")), last());
        assertEquals(gift, ConfigItems.PROGRAM.mapToItem(last()));

        ValueType usd = new ValueType(BRAND, gift.id(), ValueTypeKey.currency("USD"), 2,
                new ValueTypeLimits(50000, 500, 40000, 1, 0));
        provisioning.saveValueType(usd);
        assertEquals(item("BRAND#B1", "PROG#P1#VT#Currency:USD", "ValueType", "brand", s("B1"), "program", s("P1"),
                "key", s("Currency:USD"), "scale", n(2), "maxBalance", n(50000), "minIssue", n(500),
                "maxIssue", n(40000), "minRedeem", n(1), "maxRedeem", n(0)), last());
        assertEquals(usd, ConfigItems.VALUE_TYPE.mapToItem(last()));

        CardSet plastic = new CardSet(BRAND, new CardSetId("C1"), gift.id(), "Plastic", "6", 16);
        provisioning.saveCardSet(plastic);
        assertEquals(item("BRAND#B1", "CSET#C1", "CardSet", "brand", s("B1"), "id", s("C1"), "program", s("P1"),
                "name", s("Plastic"), "cardNumberPrefix", s("6"), "cardNumberLength", n(16)), last());
        DynamoPrograms programs = new DynamoPrograms(table);
        assertEquals(Optional.of(plastic), programs.cardSet(BRAND, new CardSetId("C1")));

        CardSet unprefixed = new CardSet(BRAND, new CardSetId("C2"), gift.id(), "Virtual", "", 19);
        provisioning.saveCardSet(unprefixed);
        assertEquals(item("BRAND#B1", "CSET#C2", "CardSet", "brand", s("B1"), "id", s("C2"), "program", s("P1"),
                "name", s("Virtual"), "cardNumberLength", n(19)), last());
        assertEquals(Optional.of(unprefixed), programs.cardSet(BRAND, new CardSetId("C2")));
        assertEquals(Optional.empty(), programs.cardSet(BRAND, new CardSetId("C3")));
    }

    @Test
    void portal_config_is_stored_as_before_and_read_back() {
        DynamoPortalConfigs portals = new DynamoPortalConfigs(table);
        PortalConfig config = PortalTestData.config(BRAND);
        assertTrue(portals.save(config));
        assertEquals(item("BRAND#B1", "PORTAL", "PortalConfig", "brand", s("B1"), "displayName", s("Acme Coffee"),
                "logoUrl", s("https://example.com/logo.png"),
                "theme", l(s("#7a2e0e"), s("#ffffff"), s("#fffaf5"), s("#222222")),
                "applicationId", s("portal-app"), "merchantId", s("store-1"), "terminalId", s("portal"),
                "enrollmentCardSet", s("set-1"), "customerModel", l(s("firstName!"), s("email!"), s("phone")),
                "referralValueType", s("Points"), "referralSender", n(100), "referralFriend", n(50),
                "referralList", s("invitations"),
                "lists", l(list("account", "Account messages", true, true), list("news", "News and offers", false, false),
                        list("invitations", "Invitations from friends", false, true)),
                "welcomeEmail", AttributeValue.fromBool(true), "fromAddress", s("hello@example.com"),
                "brandFields", l(field("store", "Favourite store", "choice", s("Downtown"), s("Airport")),
                        field("cups", "Cups a day", "number"), field("anniversary", "Anniversary", "date"),
                        field("oatMilk", "Oat milk", "boolean"), field("nickname", "Nickname", "text"))), last());
        assertEquals(Optional.of(config), portals.load(BRAND));
        assertFalse(portals.save(config), "the same configuration again changes nothing");

        PortalConfig plain = new PortalConfig(BRAND, "Acme", Optional.empty(), Theme.DEFAULT, "app", "store-1", "pos",
                new CardSetId("set-1"), List.of(new CustomerField.Spec(CustomerField.EMAIL, true)), Optional.empty(),
                List.of(new SubscriptionList("account", "Account", true, false)), false, "hello@example.com");
        assertTrue(portals.save(plain));
        Map<String, AttributeValue> item = last();
        for (String absent : List.of("logoUrl", "referralValueType", "referralSender", "referralFriend", "referralList",
                "brandFields")) {
            assertFalse(item.containsKey(absent), absent);
        }
        assertEquals(AttributeValue.fromBool(false), item.get("welcomeEmail"));
        assertEquals(Optional.of(plain), portals.load(BRAND));
        assertEquals(Optional.empty(), portals.load(new BrandId("B2")));
    }

    @Test
    void activity_is_stored_as_before_with_its_expiry() {
        DynamoActivityLog log = new DynamoActivityLog(table);
        Instant at = Instant.parse("2026-01-02T03:04:05.006Z");
        assertTrue(log.record(new DomainEvent("e1", "brand.provisioned", BRAND, at, Map.of("a", "1", "b", "two"))));
        assertEquals(item("BRAND#B1#ACTIVITY", "EVT#2026-01-02T03:04:05.006Z#e1", "Activity", "eventId", s("e1"),
                "eventType", s("brand.provisioned"), "brand", s("B1"), "occurredAt", s("2026-01-02T03:04:05.006Z"),
                "data", AttributeValue.fromM(Map.of("a", s("1"), "b", s("two"))),
                "expiresAt", n(at.plus(DynamoActivityLog.RETENTION).getEpochSecond())), last());

        DomainEvent bare = new DomainEvent("e2", "brand.provisioned", BRAND, at, Map.of());
        assertTrue(log.record(bare));
        assertFalse(last().containsKey("data"), "no data, no data attribute");
        assertEquals(bare, DynamoActivityLog.SCHEMA.mapToItem(last()));
        Map<String, AttributeValue> earlier = new HashMap<>(last());
        earlier.put("data", AttributeValue.fromM(Map.of()));
        assertEquals(bare, DynamoActivityLog.SCHEMA.mapToItem(earlier), "items written with an empty data map read the same");
    }

    private Map<String, AttributeValue> last() {
        return written.get(written.size() - 1);
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type, Object... attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk));
        item.put("SK", s(sk));
        item.put("type", s(type));
        for (int i = 0; i < attributes.length; i += 2) {
            item.put((String) attributes[i], (AttributeValue) attributes[i + 1]);
        }
        return item;
    }

    /** A brand field of the customer model (optional), with its choices if any. */
    private static AttributeValue field(String name, String label, String type, AttributeValue... choices) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("name", s(name), "label", s(label), "type", s(type),
                "required", AttributeValue.fromBool(false)));
        if (choices.length > 0) {
            m.put("choices", l(choices));
        }
        return AttributeValue.fromM(m);
    }

    private static AttributeValue list(String id, String name, boolean transactional, boolean defaultOn) {
        return AttributeValue.fromM(Map.of("id", s(id), "name", s(name), "transactional", AttributeValue.fromBool(transactional),
                "defaultOn", AttributeValue.fromBool(defaultOn)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("PK").s() + "|" + item.get("SK").s();
    }

    /** A client that keeps items in a map and answers PutItem (with the old item, if asked) and GetItem, and
     * records UpdateItem requests without applying them. */
    private DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "putItem" -> {
                        PutItemRequest put = (PutItemRequest) args[0];
                        written.add(put.item());
                        Map<String, AttributeValue> old = stored.put(key(put.item()), put.item());
                        yield PutItemResponse.builder()
                                .attributes(put.returnValues() == ReturnValue.ALL_OLD ? old : null).build();
                    }
                    case "updateItem" -> {
                        updates.add((UpdateItemRequest) args[0]);
                        yield UpdateItemResponse.builder().build();
                    }
                    case "getItem" -> GetItemResponse.builder()
                            .item(stored.get(key(((GetItemRequest) args[0]).key()))).build();
                    case "serviceName" -> "dynamodb";
                    case "close" -> null;
                    case "toString" -> "map client";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
