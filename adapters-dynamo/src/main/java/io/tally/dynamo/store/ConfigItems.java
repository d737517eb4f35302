package io.tally.dynamo.store;

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
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The brand's configuration items (tenancy and catalogue) as enhanced-client schemas over the domain records. The
 * attribute names and formats are those the items have always had: instants as ISO-8601 strings, numbers as N,
 * booleans as BOOL (false included), an empty label or card number prefix left out.
 */
final class ConfigItems {
    static final String PROGRAM_TYPE = "Program";
    static final String VALUE_TYPE_TYPE = "ValueType";

    static final StaticImmutableTableSchema<Brand, ItemValues> BRAND = ItemSchema.of(Brand.class, ConfigItems::brand,
                    ConfigItems::value)
            .key("Brand")
            .string("brand")
            .string("name")
            .bool("requireEmployee")
            .string("defaultCoordinates")
            .index(TallyTable.GSI1)
            .build();

    static final StaticImmutableTableSchema<LocationGroup, ItemValues> LOCATION_GROUP =
            ItemSchema.of(LocationGroup.class, ConfigItems::group, ConfigItems::value)
                    .key("LocationGroup")
                    .string("brand")
                    .string("id")
                    .string("name")
                    .build();

    static final StaticImmutableTableSchema<Location, ItemValues> LOCATION = ItemSchema.of(Location.class, ConfigItems::location,
                    ConfigItems::value)
            .key("Location")
            .string("brand")
            .string("id")
            .string("group")
            .string("name")
            .string("coordinates")
            .build();

    static final StaticImmutableTableSchema<Terminal, ItemValues> TERMINAL = ItemSchema.of(Terminal.class, ConfigItems::terminal,
                    ConfigItems::value)
            .key("Terminal")
            .string("brand")
            .string("location")
            .string("id")
            .string("name")
            .build();

    static final StaticImmutableTableSchema<Employee, ItemValues> EMPLOYEE = ItemSchema.of(Employee.class, ConfigItems::employee,
                    ConfigItems::value)
            .key("Employee")
            .string("brand")
            .string("location")
            .string("id")
            .string("name")
            .string("passwordHash")
            .build();

    /** API keys live in their own partition; GSI1 lists a brand's keys in key id order. */
    static final StaticImmutableTableSchema<ApiKey, ItemValues> API_KEY = ItemSchema.of(ApiKey.class, ConfigItems::apiKey,
                    ConfigItems::value)
            .key("ApiKey")
            .index(TallyTable.GSI1)
            .string("keyId")
            .string("brand")
            .string("label")
            .string("secretHash")
            .string("createdAt")
            .string("revokedAt")
            .build();

    static final StaticImmutableTableSchema<Program, ItemValues> PROGRAM = ItemSchema.of(Program.class, ConfigItems::program,
                    ConfigItems::value)
            .key(PROGRAM_TYPE)
            .string("brand")
            .string("id")
            .string("name")
            .string("kind")
            .build();

    static final StaticImmutableTableSchema<ValueType, ItemValues> VALUE_TYPE = ItemSchema.of(ValueType.class,
                    ConfigItems::valueType, ConfigItems::value)
            .key(VALUE_TYPE_TYPE)
            .string("brand")
            .string("program")
            .string("key")
            .number("scale")
            .number("maxBalance")
            .number("minIssue")
            .number("maxIssue")
            .number("minRedeem")
            .number("maxRedeem")
            .build();

    static final StaticImmutableTableSchema<CardSet, ItemValues> CARD_SET = ItemSchema.of(CardSet.class, ConfigItems::cardSet,
                    ConfigItems::value)
            .key("CardSet")
            .string("brand")
            .string("id")
            .string("program")
            .string("name")
            .string("cardNumberPrefix")
            .number("cardNumberLength")
            .build();

    private ConfigItems() {
    }

    // Each type's attributes by name (ItemSchema.Attributes): the keys first, then the item's own attributes.

    private static Object value(Brand b, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(b.id().value());
            case TallyTable.SK -> Keys.BRAND_SK;
            case "GSI1PK" -> Keys.BRANDS_INDEX;
            case "GSI1SK", "brand" -> b.id().value();
            case "name" -> b.name();
            case "requireEmployee" -> b.requireEmployee();
            case "defaultCoordinates" -> b.defaultCoordinates().map(GeoText::format).orElse(null);
            default -> throw ItemSchema.unknown(Brand.class, name);
        };
    }

    private static Object value(LocationGroup g, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(g.brand().value());
            case TallyTable.SK -> Keys.locationGroupSk(g.id().value());
            case "brand" -> g.brand().value();
            case "id" -> g.id().value();
            case "name" -> g.name();
            default -> throw ItemSchema.unknown(LocationGroup.class, name);
        };
    }

    private static Object value(Location l, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(l.brand().value());
            case TallyTable.SK -> Keys.locationSk(l.id().value());
            case "brand" -> l.brand().value();
            case "id" -> l.id().value();
            case "group" -> l.group().value();
            case "name" -> l.name();
            case "coordinates" -> l.coordinates().map(GeoText::format).orElse(null);
            default -> throw ItemSchema.unknown(Location.class, name);
        };
    }

    private static Object value(Terminal t, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(t.brand().value());
            case TallyTable.SK -> Keys.terminalSk(t.location().value(), t.id().value());
            case "brand" -> t.brand().value();
            case "location" -> t.location().value();
            case "id" -> t.id().value();
            case "name" -> t.name();
            default -> throw ItemSchema.unknown(Terminal.class, name);
        };
    }

    private static Object value(Employee e, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(e.brand().value());
            case TallyTable.SK -> Keys.employeeSk(e.location().value(), e.id().value());
            case "brand" -> e.brand().value();
            case "location" -> e.location().value();
            case "id" -> e.id().value();
            case "name" -> e.name();
            case "passwordHash" -> e.passwordHash();
            default -> throw ItemSchema.unknown(Employee.class, name);
        };
    }

    private static Object value(ApiKey k, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.apiKey(k.keyId());
            case TallyTable.SK -> Keys.API_KEY_SK;
            case "GSI1PK" -> Keys.brandApiKeys(k.brand().value());
            case "GSI1SK", "keyId" -> k.keyId();
            case "brand" -> k.brand().value();
            case "label" -> k.label().isEmpty() ? null : k.label();
            case "secretHash" -> k.secretHash();
            case "createdAt" -> k.createdAt().toString();
            case "revokedAt" -> k.revokedAt() == null ? null : k.revokedAt().toString();
            default -> throw ItemSchema.unknown(ApiKey.class, name);
        };
    }

    private static Object value(Program p, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(p.brand().value());
            case TallyTable.SK -> Keys.programSk(p.id().value());
            case "brand" -> p.brand().value();
            case "id" -> p.id().value();
            case "name" -> p.name();
            case "kind" -> p.kind().name();
            default -> throw ItemSchema.unknown(Program.class, name);
        };
    }

    private static Object value(ValueType v, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(v.brand().value());
            case TallyTable.SK -> Keys.valueTypeSk(v.program().value(), v.key().asText());
            case "brand" -> v.brand().value();
            case "program" -> v.program().value();
            case "key" -> v.key().asText();
            case "scale" -> (long) v.scale();
            case "maxBalance" -> v.limits().maxBalance();
            case "minIssue" -> v.limits().minIssue();
            case "maxIssue" -> v.limits().maxIssue();
            case "minRedeem" -> v.limits().minRedeem();
            case "maxRedeem" -> v.limits().maxRedeem();
            default -> throw ItemSchema.unknown(ValueType.class, name);
        };
    }

    private static Object value(CardSet c, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.brand(c.brand().value());
            case TallyTable.SK -> Keys.cardSetSk(c.id().value());
            case "brand" -> c.brand().value();
            case "id" -> c.id().value();
            case "program" -> c.program().value();
            case "name" -> c.name();
            case "cardNumberPrefix" -> c.cardNumberPrefix().isEmpty() ? null : c.cardNumberPrefix();
            case "cardNumberLength" -> (long) c.cardNumberLength();
            default -> throw ItemSchema.unknown(CardSet.class, name);
        };
    }

    private static Brand brand(ItemValues v) {
        return new Brand(new BrandId(v.string("brand")), v.optString("name").orElse(null), v.bool("requireEmployee"),
                v.optString("defaultCoordinates").map(GeoText::parse));
    }

    private static LocationGroup group(ItemValues v) {
        return new LocationGroup(new BrandId(v.string("brand")), new LocationGroupId(v.string("id")), v.optString("name").orElse(null));
    }

    private static Location location(ItemValues v) {
        return new Location(new BrandId(v.string("brand")), new LocationId(v.string("id")),
                new LocationGroupId(v.string("group")), v.optString("name").orElse(null),
                v.optString("coordinates").map(GeoText::parse));
    }

    private static Terminal terminal(ItemValues v) {
        return new Terminal(new BrandId(v.string("brand")), new LocationId(v.string("location")),
                new TerminalId(v.string("id")), v.optString("name").orElse(null));
    }

    private static Employee employee(ItemValues v) {
        return new Employee(new BrandId(v.string("brand")), new LocationId(v.string("location")),
                new EmployeeId(v.string("id")), v.optString("name").orElse(null), v.string("passwordHash"));
    }

    private static ApiKey apiKey(ItemValues v) {
        return new ApiKey(v.string("keyId"), new BrandId(v.string("brand")), v.optString("label").orElse(""),
                v.string("secretHash"), Instant.parse(v.string("createdAt")),
                v.optString("revokedAt").map(Instant::parse).orElse(null));
    }

    private static Program program(ItemValues v) {
        return new Program(new BrandId(v.string("brand")), new ProgramId(v.string("id")), v.optString("name").orElse(null),
                ProgramKind.valueOf(v.string("kind")));
    }

    private static ValueType valueType(ItemValues v) {
        ValueTypeLimits limits = new ValueTypeLimits(v.number("maxBalance"), v.number("minIssue"), v.number("maxIssue"),
                v.number("minRedeem"), v.number("maxRedeem"));
        return new ValueType(new BrandId(v.string("brand")), new ProgramId(v.string("program")),
                ValueTypeKey.parseText(v.string("key")), (int) v.number("scale"), limits);
    }

    private static CardSet cardSet(ItemValues v) {
        return new CardSet(new BrandId(v.string("brand")), new CardSetId(v.string("id")), new ProgramId(v.string("program")),
                v.optString("name").orElse(null), v.optString("cardNumberPrefix").orElse(""), (int) v.number("cardNumberLength"));
    }
}
