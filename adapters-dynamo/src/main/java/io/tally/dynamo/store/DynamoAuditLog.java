package io.tally.dynamo.store;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The brand's audit log (A46-A48): one item per record under its id ({@code PutItem attribute_not_exists}: a repeated
 * action is one record), listed through GSI3 by a fixed-width instant then the id, newest first. Filters on staff and
 * action are applied by the query's FilterExpression; the page is filled from further index pages until it holds
 * {@code limit} records (or the window is exhausted), and the cursor is the last returned record's index key.
 * Kept for good: an audit log has no TTL.
 */
final class DynamoAuditLog implements AuditLogPort {
    /** Nine fraction digits always: {@code Instant.toString} drops zeros, and "…00Z" would sort after "…00.5Z". */
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PAGE = 100;

    static final StaticImmutableTableSchema<AuditRecord, ItemValues> SCHEMA = ItemSchema.of(AuditRecord.class, DynamoAuditLog::record)
            .key("Audit", r -> Keys.audit(r.brand().value(), r.id()), r -> Keys.AUDIT_SK)
            .index(TallyTable.GSI3, r -> Keys.brandAudit(r.brand().value()), DynamoAuditLog::logKey)
            .string("brand", r -> r.brand().value())
            .string("id", AuditRecord::id)
            .string("at", r -> r.at().toString())
            .string("staff", r -> r.staff().value())
            .string("staffEmail", AuditRecord::staffEmail)
            .string("action", AuditRecord::action)
            .string("target", AuditRecord::target)
            .string("reason", r -> r.reason().orElse(null))
            .strings("before", AuditRecord::before)
            .strings("after", AuditRecord::after)
            .build();

    private final Table table;
    private final DynamoDbTable<AuditRecord> records;

    DynamoAuditLog(Table table) {
        this.table = table;
        this.records = table.of(SCHEMA);
    }

    @Override
    public boolean record(AuditRecord record) {
        return table.putIfAbsent(records, record);
    }

    @Override
    public Optional<AuditRecord> find(BrandId brand, String id) {
        return table.get(records, Keys.audit(brand.value(), id), Keys.AUDIT_SK, true);
    }

    @Override
    public boolean settle(BrandId brand, String id, Map<String, String> after) {
        Map<String, AttributeValue> key = Map.of(TallyTable.PK, AttributeValue.fromS(Keys.audit(brand.value(), id)),
                TallyTable.SK, AttributeValue.fromS(Keys.AUDIT_SK));
        Map<String, AttributeValue> values = Map.of(
                ":after", AttributeValue.fromM(after.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))),
                ":pending", AttributeValue.fromS(AuditRecord.PENDING));
        return table.updateIf(key, "SET #after = :after", "#after.#outcome = :pending",
                Map.of("#after", "after", "#outcome", AuditRecord.OUTCOME), values);
    }

    @Override
    public Page page(BrandId brand, Filter filter, int limit, Optional<String> cursor) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        String pk = Keys.brandAudit(brand.value());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(FIXED.format(filter.from())).build(),
                        Key.builder().partitionValue(pk).sortValue(FIXED.format(filter.to())).build()))
                .scanIndexForward(false)
                .limit(size + 1);
        filterExpression(filter).ifPresent(request::filterExpression);
        cursor.ifPresent(c -> request.exclusiveStartKey(startKey(brand, c)));
        List<AuditRecord> found = new ArrayList<>();
        for (var p : records.index(TallyTable.GSI3.name()).query(request.build())) {
            found.addAll(p.items());
            if (found.size() > size) {
                break;
            }
        }
        if (found.size() <= size) {
            return new Page(found, Optional.empty());
        }
        List<AuditRecord> shown = found.subList(0, size);
        return new Page(shown, Optional.of(cursorOf(shown.get(size - 1))));
    }

    private static Optional<Expression> filterExpression(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        filter.staff().ifPresent(s -> {
            conditions.add("#staff = :staff");
            names.put("#staff", "staff");
            values.put(":staff", AttributeValue.fromS(s.value()));
        });
        filter.actionPrefix().filter(p -> !p.isEmpty()).ifPresent(p -> {
            conditions.add("begins_with(#action, :action)");
            names.put("#action", "action");
            values.put(":action", AttributeValue.fromS(p));
        });
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Table.condition(String.join(" AND ", conditions), names, values));
    }

    private static String logKey(AuditRecord r) {
        return Keys.auditSk(FIXED.format(r.at()), r.id());
    }

    private static String cursorOf(AuditRecord last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(logKey(last).getBytes(StandardCharsets.UTF_8));
    }

    /** The index key of the record a cursor names: its log key holds the id after the instant (which has no '#'). */
    private static Map<String, AttributeValue> startKey(BrandId brand, String cursor) {
        String logKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int hash = logKey.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("not an audit log cursor");
        }
        String id = logKey.substring(hash + 1);
        return Map.of(TallyTable.PK, AttributeValue.fromS(Keys.audit(brand.value(), id)),
                TallyTable.SK, AttributeValue.fromS(Keys.AUDIT_SK),
                TallyTable.GSI3.partitionKey(), AttributeValue.fromS(Keys.brandAudit(brand.value())),
                TallyTable.GSI3.sortKey(), AttributeValue.fromS(logKey));
    }

    private static AuditRecord record(ItemValues v) {
        return new AuditRecord(new BrandId(v.string("brand")), v.string("id"), Instant.parse(v.string("at")),
                new StaffId(v.string("staff")), v.string("staffEmail"), v.string("action"), v.string("target"),
                v.optString("reason"), v.<String, String>map("before"), v.<String, String>map("after"));
    }
}
