package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.TestListsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** A brand's test lists: one item {@code BRAND#b#TESTLISTS / TL#<id>} each, at most 100 card numbers (A104, A105). */
final class DynamoTestLists implements TestListsPort {
    static final StaticImmutableTableSchema<TestList, ItemValues> SCHEMA = ItemSchema.of(TestList.class, DynamoTestLists::list)
            .key("TestList", l -> Keys.testLists(l.brand().value()), l -> Keys.testListSk(l.id()))
            .string("brand", l -> l.brand().value())
            .string("listId", TestList::id)
            .string("name", TestList::name)
            .stringList("cards", l -> l.cards().stream().map(CardNumber::value).toList())
            .string("updatedAt", l -> l.updatedAt().toString())
            .number("version", TestList::version)
            .build();

    private final Table table;
    private final DynamoDbTable<TestList> lists;

    DynamoTestLists(Table table) {
        this.table = table;
        this.lists = table.of(SCHEMA);
    }

    /** A104: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(TestList list) {
        return list.version() == 1 && table.putIfAbsent(lists, list);
    }

    /** A104: whole-item {@code PutItem} if {@code brand = b AND version = n-1}. */
    @Override
    public boolean update(TestList changed) {
        return table.putIf(lists, changed, Table.condition("brand = :brand AND version = :version", Map.of(),
                Map.of(":brand", Attr.s(changed.brand().value()), ":version", Attr.n(changed.version() - 1))));
    }

    /** A104: consistent {@code GetItem}. */
    @Override
    public Optional<TestList> find(BrandId brand, String id) {
        return table.get(lists, Keys.testLists(brand.value()), Keys.testListSk(id), true);
    }

    /** A105: consistent {@code Query PK=BRAND#b#TESTLISTS, begins_with(SK, TL#)}, every page. */
    @Override
    public List<TestList> list(BrandId brand) {
        return table.queryPrefix(Keys.testLists(brand.value()), Keys.TEST_LIST_PREFIX, true).stream()
                .map(SCHEMA::mapToItem).limit(MAX_PER_BRAND).toList();
    }

    private static TestList list(ItemValues v) {
        return new TestList(new BrandId(v.string("brand")), v.string("listId"), v.string("name"),
                v.<String>list("cards").stream().map(CardNumber::new).toList(), Instant.parse(v.string("updatedAt")),
                v.number("version"));
    }
}
