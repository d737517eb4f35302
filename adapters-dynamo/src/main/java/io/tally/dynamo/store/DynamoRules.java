package io.tally.dynamo.store;

import io.tally.domain.communication.rule.Rule;
import io.tally.domain.communication.rule.RulesPort;
import io.tally.domain.communication.rule.Trigger;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** A brand's rules: one item {@code BRAND#b#RULES / RULE#<id>} each, a few hundred bytes (A115-A117). */
final class DynamoRules implements RulesPort {
    static final StaticImmutableTableSchema<Rule, ItemValues> SCHEMA = ItemSchema.of(Rule.class, DynamoRules::rule)
            .key("Rule", r -> Keys.rules(r.brand().value()), r -> Keys.ruleSk(r.id()))
            .string("brand", r -> r.brand().value())
            .string("ruleId", Rule::id)
            .string("name", Rule::name)
            .string("trigger", r -> r.trigger().text())
            .string("template", Rule::template)
            .string("list", Rule::list)
            .number("delayMinutes", r -> r.delay().toMinutes())
            .bool("active", Rule::active)
            .string("updatedAt", r -> r.updatedAt().toString())
            .string("updatedBy", Rule::updatedBy)
            .number("version", Rule::version)
            .build();

    private final Table table;
    private final DynamoDbTable<Rule> rules;

    DynamoRules(Table table) {
        this.table = table;
        this.rules = table.of(SCHEMA);
    }

    /** A115: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(Rule rule) {
        return rule.version() == 1 && table.putIfAbsent(rules, rule);
    }

    /** A115: {@code PutItem} of the whole item if {@code brand = b AND version = n-1}. */
    @Override
    public boolean update(Rule changed) {
        return table.putIf(rules, changed, Table.condition("brand = :brand AND version = :version", Map.of(),
                Map.of(":brand", Attr.s(changed.brand().value()), ":version", Attr.n(changed.version() - 1))));
    }

    /** A116: consistent {@code GetItem}. */
    @Override
    public Optional<Rule> find(BrandId brand, String id) {
        return table.get(rules, Keys.rules(brand.value()), Keys.ruleSk(id), true);
    }

    /** A117: consistent {@code Query PK=BRAND#b#RULES, begins_with(SK, RULE#)}, every page. */
    @Override
    public List<Rule> list(BrandId brand) {
        return table.queryPrefix(Keys.rules(brand.value()), Keys.RULE_PREFIX, true).stream()
                .map(SCHEMA::mapToItem).limit(MAX_PER_BRAND).toList();
    }

    private static Rule rule(ItemValues v) {
        return new Rule(new BrandId(v.string("brand")), v.string("ruleId"), v.string("name"),
                Trigger.parse(v.string("trigger")), v.string("template"), v.string("list"),
                Duration.ofMinutes(v.number("delayMinutes")), v.bool("active"), Instant.parse(v.string("updatedAt")),
                v.string("updatedBy"), v.number("version"));
    }
}
