package io.tally.dynamo.store;

import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A brand's e-mail templates: one item {@code BRAND#b#TEMPLATES / TPL#<id>} each (A106-A108). The parts are stored as
 * written (the HTML sanitised); a template's parts are at most 2 × 100,000 characters, well under the item limit.
 */
final class DynamoTemplates implements TemplatesPort {
    static final StaticImmutableTableSchema<EmailTemplate, ItemValues> SCHEMA = ItemSchema.of(EmailTemplate.class,
                    DynamoTemplates::template)
            .key("EmailTemplate", t -> Keys.templates(t.brand().value()), t -> Keys.templateSk(t.id()))
            .string("brand", t -> t.brand().value())
            .string("templateId", EmailTemplate::id)
            .string("name", EmailTemplate::name)
            .string("subject", EmailTemplate::subject)
            .string("html", t -> t.html().isEmpty() ? null : t.html())
            .string("text", t -> t.text().isEmpty() ? null : t.text())
            .string("updatedAt", t -> t.updatedAt().toString())
            .string("updatedBy", EmailTemplate::updatedBy)
            .number("version", EmailTemplate::version)
            .build();

    private final Table table;
    private final DynamoDbTable<EmailTemplate> templates;

    DynamoTemplates(Table table) {
        this.table = table;
        this.templates = table.of(SCHEMA);
    }

    /** A106: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(EmailTemplate template) {
        return template.version() == 1 && table.putIfAbsent(templates, template);
    }

    /** A106: {@code PutItem} of the whole item if {@code brand = b AND version = n-1}. */
    @Override
    public boolean update(EmailTemplate changed) {
        return table.putIf(templates, changed, Table.condition("brand = :brand AND version = :version", Map.of(),
                Map.of(":brand", Attr.s(changed.brand().value()), ":version", Attr.n(changed.version() - 1))));
    }

    /** A107: consistent {@code GetItem}. */
    @Override
    public Optional<EmailTemplate> find(BrandId brand, String id) {
        return table.get(templates, Keys.templates(brand.value()), Keys.templateSk(id), true);
    }

    /** A108: consistent {@code Query PK=BRAND#b#TEMPLATES, begins_with(SK, TPL#)} projecting the summary, every page. */
    @Override
    public List<TemplateSummary> list(BrandId brand) {
        List<TemplateSummary> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .projectionExpression("templateId, #name, subject, updatedAt")
                    .expressionAttributeNames(Map.of("#name", "name"))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.templates(brand.value())),
                            ":prefix", Attr.s(Keys.TEMPLATE_PREFIX)))
                    .consistentRead(true).exclusiveStartKey(start).build());
            page.items().forEach(i -> found.add(new TemplateSummary(Attr.str(i, "templateId"), Attr.str(i, "name"),
                    Attr.str(i, "subject"), Instant.parse(Attr.str(i, "updatedAt")))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < MAX_PER_BRAND);
        return found;
    }

    private static EmailTemplate template(ItemValues v) {
        return new EmailTemplate(new BrandId(v.string("brand")), v.string("templateId"), v.string("name"),
                v.string("subject"), v.optString("html").orElse(""), v.optString("text").orElse(""),
                Instant.parse(v.string("updatedAt")), v.string("updatedBy"), v.number("version"));
    }
}
