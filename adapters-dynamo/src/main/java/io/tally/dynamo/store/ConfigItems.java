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

    static final StaticImmutableTableSchema<Brand, ItemValues> BRAND = ItemSchema.of(Brand.class, ConfigItems::brand)
            .key("Brand", b -> Keys.brand(b.id().value()), b -> Keys.BRAND_SK)
            .string("brand", b -> b.id().value())
            .string("name", Brand::name)
            .bool("requireEmployee", Brand::requireEmployee)
            .string("defaultCoordinates", b -> b.defaultCoordinates().map(GeoText::format).orElse(null))
            .index(TallyTable.GSI1, b -> Keys.BRANDS_INDEX, b -> b.id().value())
            .build();

    static final StaticImmutableTableSchema<LocationGroup, ItemValues> LOCATION_GROUP =
            ItemSchema.of(LocationGroup.class, ConfigItems::group)
                    .key("LocationGroup", g -> Keys.brand(g.brand().value()), g -> Keys.locationGroupSk(g.id().value()))
                    .string("brand", g -> g.brand().value())
                    .string("id", g -> g.id().value())
                    .string("name", LocationGroup::name)
                    .build();

    static final StaticImmutableTableSchema<Location, ItemValues> LOCATION = ItemSchema.of(Location.class, ConfigItems::location)
            .key("Location", l -> Keys.brand(l.brand().value()), l -> Keys.locationSk(l.id().value()))
            .string("brand", l -> l.brand().value())
            .string("id", l -> l.id().value())
            .string("group", l -> l.group().value())
            .string("name", Location::name)
            .string("coordinates", l -> l.coordinates().map(GeoText::format).orElse(null))
            .build();

    static final StaticImmutableTableSchema<Terminal, ItemValues> TERMINAL = ItemSchema.of(Terminal.class, ConfigItems::terminal)
            .key("Terminal", t -> Keys.brand(t.brand().value()), t -> Keys.terminalSk(t.location().value(), t.id().value()))
            .string("brand", t -> t.brand().value())
            .string("location", t -> t.location().value())
            .string("id", t -> t.id().value())
            .string("name", Terminal::name)
            .build();

    static final StaticImmutableTableSchema<Employee, ItemValues> EMPLOYEE = ItemSchema.of(Employee.class, ConfigItems::employee)
            .key("Employee", e -> Keys.brand(e.brand().value()), e -> Keys.employeeSk(e.location().value(), e.id().value()))
            .string("brand", e -> e.brand().value())
            .string("location", e -> e.location().value())
            .string("id", e -> e.id().value())
            .string("name", Employee::name)
            .string("passwordHash", Employee::passwordHash)
            .build();

    /** API keys live in their own partition; GSI1 lists a brand's keys in key id order. */
    static final StaticImmutableTableSchema<ApiKey, ItemValues> API_KEY = ItemSchema.of(ApiKey.class, ConfigItems::apiKey)
            .key("ApiKey", k -> Keys.apiKey(k.keyId()), k -> Keys.API_KEY_SK)
            .index(TallyTable.GSI1, k -> Keys.brandApiKeys(k.brand().value()), ApiKey::keyId)
            .string("keyId", ApiKey::keyId)
            .string("brand", k -> k.brand().value())
            .string("label", k -> k.label().isEmpty() ? null : k.label())
            .string("secretHash", ApiKey::secretHash)
            .string("createdAt", k -> k.createdAt().toString())
            .string("revokedAt", k -> k.revokedAt() == null ? null : k.revokedAt().toString())
            .build();

    static final StaticImmutableTableSchema<Program, ItemValues> PROGRAM = ItemSchema.of(Program.class, ConfigItems::program)
            .key(PROGRAM_TYPE, p -> Keys.brand(p.brand().value()), p -> Keys.programSk(p.id().value()))
            .string("brand", p -> p.brand().value())
            .string("id", p -> p.id().value())
            .string("name", Program::name)
            .string("kind", p -> p.kind().name())
            .build();

    static final StaticImmutableTableSchema<ValueType, ItemValues> VALUE_TYPE = ItemSchema.of(ValueType.class, ConfigItems::valueType)
            .key(VALUE_TYPE_TYPE, v -> Keys.brand(v.brand().value()), v -> Keys.valueTypeSk(v.program().value(), v.key().asText()))
            .string("brand", v -> v.brand().value())
            .string("program", v -> v.program().value())
            .string("key", v -> v.key().asText())
            .number("scale", v -> (long) v.scale())
            .number("maxBalance", v -> v.limits().maxBalance())
            .number("minIssue", v -> v.limits().minIssue())
            .number("maxIssue", v -> v.limits().maxIssue())
            .number("minRedeem", v -> v.limits().minRedeem())
            .number("maxRedeem", v -> v.limits().maxRedeem())
            .build();

    static final StaticImmutableTableSchema<CardSet, ItemValues> CARD_SET = ItemSchema.of(CardSet.class, ConfigItems::cardSet)
            .key("CardSet", c -> Keys.brand(c.brand().value()), c -> Keys.cardSetSk(c.id().value()))
            .string("brand", c -> c.brand().value())
            .string("id", c -> c.id().value())
            .string("program", c -> c.program().value())
            .string("name", CardSet::name)
            .string("cardNumberPrefix", c -> c.cardNumberPrefix().isEmpty() ? null : c.cardNumberPrefix())
            .number("cardNumberLength", c -> (long) c.cardNumberLength())
            .build();

    private ConfigItems() {
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
