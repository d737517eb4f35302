package io.tally.dynamo.store;

import static io.tally.dynamo.store.Attr.bool;
import static io.tally.dynamo.store.Attr.item;
import static io.tally.dynamo.store.Attr.n;
import static io.tally.dynamo.store.Attr.num;
import static io.tally.dynamo.store.Attr.s;
import static io.tally.dynamo.store.Attr.str;

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
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps the brand's configuration (tenancy and catalogue) to and from items. */
final class ConfigItems {
    private ConfigItems() {
    }

    static Map<String, AttributeValue> brand(Brand b) {
        var item = item(Keys.brand(b.id().value()), Keys.BRAND_SK, "Brand");
        item.put("brand", s(b.id().value()));
        item.put("name", s(b.name()));
        item.put("requireEmployee", bool(b.requireEmployee()));
        return item;
    }

    static Brand brand(Map<String, AttributeValue> i) {
        return new Brand(new BrandId(str(i, "brand")), str(i, "name"), bool(i, "requireEmployee"));
    }

    static Map<String, AttributeValue> group(LocationGroup g) {
        var item = item(Keys.brand(g.brand().value()), Keys.locationGroupSk(g.id().value()), "LocationGroup");
        item.put("brand", s(g.brand().value()));
        item.put("id", s(g.id().value()));
        item.put("name", s(g.name()));
        return item;
    }

    static Map<String, AttributeValue> location(Location l) {
        var item = item(Keys.brand(l.brand().value()), Keys.locationSk(l.id().value()), "Location");
        item.put("brand", s(l.brand().value()));
        item.put("id", s(l.id().value()));
        item.put("group", s(l.group().value()));
        item.put("name", s(l.name()));
        return item;
    }

    static Location location(Map<String, AttributeValue> i) {
        return new Location(new BrandId(str(i, "brand")), new LocationId(str(i, "id")),
                new LocationGroupId(str(i, "group")), str(i, "name"));
    }

    static Map<String, AttributeValue> terminal(Terminal t) {
        var item = item(Keys.brand(t.brand().value()), Keys.terminalSk(t.location().value(), t.id().value()), "Terminal");
        item.put("brand", s(t.brand().value()));
        item.put("location", s(t.location().value()));
        item.put("id", s(t.id().value()));
        item.put("name", s(t.name()));
        return item;
    }

    static Terminal terminal(Map<String, AttributeValue> i) {
        return new Terminal(new BrandId(str(i, "brand")), new LocationId(str(i, "location")),
                new TerminalId(str(i, "id")), str(i, "name"));
    }

    static Map<String, AttributeValue> employee(Employee e) {
        var item = item(Keys.brand(e.brand().value()), Keys.employeeSk(e.location().value(), e.id().value()), "Employee");
        item.put("brand", s(e.brand().value()));
        item.put("location", s(e.location().value()));
        item.put("id", s(e.id().value()));
        item.put("name", s(e.name()));
        item.put("passwordHash", s(e.passwordHash()));
        return item;
    }

    static Employee employee(Map<String, AttributeValue> i) {
        return new Employee(new BrandId(str(i, "brand")), new LocationId(str(i, "location")),
                new EmployeeId(str(i, "id")), str(i, "name"), str(i, "passwordHash"));
    }

    static Map<String, AttributeValue> apiKey(ApiKey k) {
        var item = item(Keys.apiKey(k.keyId()), Keys.API_KEY_SK, "ApiKey");
        item.put("keyId", s(k.keyId()));
        item.put("brand", s(k.brand().value()));
        if (!k.label().isEmpty()) {
            item.put("label", s(k.label()));
        }
        item.put("secretHash", s(k.secretHash()));
        item.put("createdAt", s(k.createdAt().toString()));
        if (k.revokedAt() != null) {
            item.put("revokedAt", s(k.revokedAt().toString()));
        }
        item.put("GSI1PK", s(Keys.brandApiKeys(k.brand().value())));
        item.put("GSI1SK", s(k.keyId()));
        return item;
    }

    static ApiKey apiKey(Map<String, AttributeValue> i) {
        String revoked = str(i, "revokedAt");
        return new ApiKey(str(i, "keyId"), new BrandId(str(i, "brand")), str(i, "label"), str(i, "secretHash"),
                Instant.parse(str(i, "createdAt")), revoked == null ? null : Instant.parse(revoked));
    }

    static Map<String, AttributeValue> program(Program p) {
        var item = item(Keys.brand(p.brand().value()), Keys.programSk(p.id().value()), "Program");
        item.put("brand", s(p.brand().value()));
        item.put("id", s(p.id().value()));
        item.put("name", s(p.name()));
        item.put("kind", s(p.kind().name()));
        return item;
    }

    static Program program(Map<String, AttributeValue> i) {
        return new Program(new BrandId(str(i, "brand")), new ProgramId(str(i, "id")), str(i, "name"),
                ProgramKind.valueOf(str(i, "kind")));
    }

    static Map<String, AttributeValue> valueType(ValueType v) {
        var item = item(Keys.brand(v.brand().value()), Keys.valueTypeSk(v.program().value(), v.key().asText()), "ValueType");
        item.put("brand", s(v.brand().value()));
        item.put("program", s(v.program().value()));
        item.put("key", s(v.key().asText()));
        item.put("scale", n(v.scale()));
        ValueTypeLimits l = v.limits();
        item.put("maxBalance", n(l.maxBalance()));
        item.put("minIssue", n(l.minIssue()));
        item.put("maxIssue", n(l.maxIssue()));
        item.put("minRedeem", n(l.minRedeem()));
        item.put("maxRedeem", n(l.maxRedeem()));
        return item;
    }

    static ValueType valueType(Map<String, AttributeValue> i) {
        ValueTypeLimits limits = new ValueTypeLimits(num(i, "maxBalance"), num(i, "minIssue"), num(i, "maxIssue"),
                num(i, "minRedeem"), num(i, "maxRedeem"));
        return new ValueType(new BrandId(str(i, "brand")), new ProgramId(str(i, "program")),
                ValueTypeKey.parseText(str(i, "key")), (int) num(i, "scale"), limits);
    }

    static Map<String, AttributeValue> cardSet(CardSet c) {
        var item = item(Keys.brand(c.brand().value()), Keys.cardSetSk(c.id().value()), "CardSet");
        item.put("brand", s(c.brand().value()));
        item.put("id", s(c.id().value()));
        item.put("program", s(c.program().value()));
        item.put("name", s(c.name()));
        if (!c.cardNumberPrefix().isEmpty()) {
            item.put("cardNumberPrefix", s(c.cardNumberPrefix()));
        }
        item.put("cardNumberLength", n(c.cardNumberLength()));
        return item;
    }

    static CardSet cardSet(Map<String, AttributeValue> i) {
        return new CardSet(new BrandId(str(i, "brand")), new CardSetId(str(i, "id")), new ProgramId(str(i, "program")),
                str(i, "name"), str(i, "cardNumberPrefix"), (int) num(i, "cardNumberLength"));
    }
}
