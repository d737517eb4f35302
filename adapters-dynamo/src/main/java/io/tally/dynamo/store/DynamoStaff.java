package io.tally.dynamo.store;

import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Staff members: one item {@code STAFF#<id> / STAFF} each (A36, A37), in GSI1 under {@code BRAND#b#STAFF} sorted by
 * e-mail (A38). GSI1 projects only keys, {@code type} and {@code brand} for these items, so a listing reads the keys
 * from the index and the members with {@code BatchGetItem}: staff lists are short and rare, and the index stays as it is.
 */
final class DynamoStaff implements StaffPort {
    static final StaticImmutableTableSchema<StaffMember, ItemValues> SCHEMA = ItemSchema.of(StaffMember.class, DynamoStaff::member)
            .key("Staff", m -> Keys.staff(m.id().value()), m -> Keys.STAFF_SK)
            .index(TallyTable.GSI1, m -> Keys.brandStaff(m.brand().value()), m -> Keys.brandStaffSk(m.email(), m.id().value()))
            .string("brand", m -> m.brand().value())
            .string("staffId", m -> m.id().value())
            .string("email", StaffMember::email)
            .string("name", StaffMember::name)
            .string("role", m -> m.role().name())
            .stringList("groups", m -> m.groups().stream().map(LocationGroupId::value).sorted().toList())
            .bool("active", StaffMember::active)
            .string("createdAt", m -> m.createdAt().toString())
            .number("version", StaffMember::version)
            .build();

    private final Table table;
    private final DynamoDbTable<StaffMember> staff;

    DynamoStaff(Table table) {
        this.table = table;
        this.staff = table.of(SCHEMA);
    }

    /** A36: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(StaffMember member) {
        return table.putIfAbsent(staff, member);
    }

    /** A37: consistent {@code GetItem}. */
    @Override
    public Optional<StaffMember> find(StaffId id) {
        return table.get(staff, Keys.staff(id.value()), Keys.STAFF_SK, true);
    }

    /** A38: GSI1 keys, every page, then the members by key. */
    @Override
    public List<StaffMember> list(BrandId brand) {
        List<Key> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .indexName(TallyTable.GSI1.name()).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TallyTable.GSI1.partitionKey()))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.brandStaff(brand.value()))))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> keys.add(Table.key(i.get(TallyTable.PK).s(), i.get(TallyTable.SK).s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<StaffMember> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            members.addAll(table.batchGet(staff, keys.subList(i, Math.min(keys.size(), i + 100))));
        }
        return members.stream().filter(m -> m.brand().equals(brand))
                .sorted(Comparator.comparing(StaffMember::email).thenComparing(m -> m.id().value())).toList();
    }

    /** A36: {@code PutItem} of the whole item if {@code brand = b AND version = n-1}. */
    @Override
    public boolean update(StaffMember next) {
        return table.putIf(staff, next, Table.condition("brand = :brand AND version = :version", Map.of(),
                Map.of(":brand", Attr.s(next.brand().value()), ":version", AttributeValue.fromN(Long.toString(next.version() - 1)))));
    }

    private static StaffMember member(ItemValues v) {
        return new StaffMember(new BrandId(v.string("brand")), new StaffId(v.string("staffId")), v.string("email"),
                v.string("name"), Role.valueOf(v.string("role")),
                v.<String>list("groups").stream().map(LocationGroupId::new).collect(Collectors.toSet()), v.bool("active"),
                Instant.parse(v.string("createdAt")), v.number("version"));
    }
}
