package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.segment.FilterCodec;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentRule;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotPage;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Segment evaluation snapshots (A90, A91, A93, A94), low-level items: a header per run
 * {@code SEGSNAP#b#seg / SNAP#<day>.v<version>} whose {@code done} map takes one flag per page in ONE conditional
 * UpdateItem with the page's counts (A68's pattern); the segment's {@code LATEST} pointer moved only forwards; a
 * run's pages {@code SEGSNAP#b#seg#<snapshot> / P#<page>} (listing, then members, each set once) and its members
 * {@code …#M<shard> / M#<card>} spread over 16 partitions, so a run's member writes are not bound by one
 * partition's 1,000 writes a second. Every item expires (TTL) {@link #RETENTION} after the run's instant.
 */
final class DynamoSegmentSnapshots implements SegmentSnapshotsPort {
    private final Table table;

    DynamoSegmentSnapshots(Table table) {
        this.table = table;
    }

    /** A90: {@code PutItem attribute_not_exists(PK)} of the header. */
    @Override
    public boolean create(Snapshot s) {
        SnapshotKey k = s.key();
        Map<String, AttributeValue> item = Attr.item(Keys.segmentSnapshots(k.brand().value(), k.segment().value()),
                Keys.SNAPSHOT_PREFIX + k.text(), "SegmentSnapshot");
        item.put("brand", Attr.s(k.brand().value()));
        item.put("segment", Attr.s(k.segment().value()));
        item.put("day", Attr.s(k.day().toString()));
        item.put("version", Attr.n(k.version()));
        item.put("name", Attr.s(s.segmentName()));
        item.put("visibility", Attr.s(s.rule().visibility().name()));
        item.put("locations", strings(s.rule().locations().stream().map(LocationId::value).sorted().toList()));
        item.put("filters", strings(FilterCodec.encodeTree(s.filters())));
        item.put("at", Attr.s(s.at().toString()));
        item.put("zone", Attr.s(s.zone().getId()));
        s.defaultPoint().ifPresent(p -> item.put("defaultPoint", Attr.s(GeoText.format(p))));
        item.put("status", Attr.s(s.status().name()));
        item.put("done", AttributeValue.fromM(Map.of()));
        item.put("members", Attr.n(s.members()));
        item.put("examined", Attr.n(s.examined()));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(expiry(s.at())));
        return putIfAbsent(item);
    }

    /** A90: consistent {@code GetItem} of the header. */
    @Override
    public Optional<Snapshot> find(SnapshotKey key) {
        return get(Keys.segmentSnapshots(key.brand().value(), key.segment().value()), Keys.SNAPSHOT_PREFIX + key.text(),
                true).map(DynamoSegmentSnapshots::snapshot);
    }

    /** A91: {@code Query PK=SEGSNAP#b#seg, begins_with(SK, SNAP#)}, descending, {@code Limit n}. */
    @Override
    public List<Snapshot> list(BrandId brand, SegmentId segment, int limit) {
        return table.query(QueryRequest.builder().keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.segmentSnapshots(brand.value(), segment.value())),
                                ":prefix", Attr.s(Keys.SNAPSHOT_PREFIX)))
                        .scanIndexForward(false).limit(Math.max(1, Math.min(limit, MAX_LIST))).consistentRead(true))
                .stream().map(DynamoSegmentSnapshots::snapshot).toList();
    }

    /** A93: {@code GetItem LATEST}, then the header it names (consistent). */
    @Override
    public Optional<Snapshot> latestReady(BrandId brand, SegmentId segment) {
        return latest(brand, segment, true).flatMap(this::find);
    }

    /** A93: {@code GetItem LATEST} and {@code GetItem} of the member item, both eventually consistent. */
    @Override
    public boolean isMember(BrandId brand, SegmentId segment, CardNumber card) {
        return latest(brand, segment, false).flatMap(key -> get(memberPk(key, card), Keys.SNAPSHOT_MEMBER_PREFIX + card.value(),
                false)).isPresent();
    }

    /** A93's member read of one snapshot ({@link #isMember} as of a time): an eventually consistent {@code GetItem}. */
    @Override
    public boolean holds(SnapshotKey key, CardNumber card) {
        return get(memberPk(key, card), Keys.SNAPSHOT_MEMBER_PREFIX + card.value(), false).isPresent();
    }

    /** A90: consistent {@code GetItem} of a page. */
    @Override
    public Optional<SnapshotPage> page(SnapshotKey key, int page) {
        return get(pagesPk(key), Keys.snapshotPageSk(page), true).map(DynamoSegmentSnapshots::page);
    }

    /** A90: {@code PutItem attribute_not_exists(PK)} of the page's listing; the first one read back when it loses. */
    @Override
    public SnapshotPage list(SnapshotKey key, int page, SnapshotPage listed) {
        Map<String, AttributeValue> item = Attr.item(pagesPk(key), Keys.snapshotPageSk(page), "SegmentSnapshotPage");
        item.put("cards", strings(listed.cards().stream().map(CardNumber::value).toList()));
        listed.next().ifPresent(n -> item.put("next", Attr.s(n)));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(expiry(key)));
        if (putIfAbsent(item)) {
            return listed;
        }
        return page(key, page).orElseThrow(() -> new IllegalStateException("page vanished: " + key + " " + page));
    }

    /** A90: {@code UpdateItem SET members, examined} conditional on {@code attribute_not_exists(members)}, ALL_NEW. */
    @Override
    public SnapshotPage decide(SnapshotKey key, int page, List<CardNumber> members, long examined) {
        try {
            return page(table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                    .key(Attr.key(pagesPk(key), Keys.snapshotPageSk(page)))
                    .updateExpression("SET #members = :m, #examined = :e")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#members)")
                    .expressionAttributeNames(Map.of("#members", "members", "#examined", "examined"))
                    .expressionAttributeValues(Map.of(":m", strings(members.stream().map(CardNumber::value).toList()),
                            ":e", Attr.n(examined)))
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes());
        } catch (ConditionalCheckFailedException decided) {
            return page(key, page).orElseThrow(() -> new IllegalStateException("page not listed: " + key + " " + page));
        }
    }

    /** A90: {@code BatchWriteItem} puts of the member items (25 a request; a card written again is the same item). */
    @Override
    public void putMembers(SnapshotKey key, List<CardNumber> members) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(members.size());
        for (CardNumber card : members) {
            Map<String, AttributeValue> item = Attr.item(memberPk(key, card), Keys.SNAPSHOT_MEMBER_PREFIX + card.value(),
                    "SegmentMember");
            item.put("card", Attr.s(card.value()));
            item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(expiry(key)));
            items.add(item);
        }
        table.batchPut(items);
    }

    /** A90: ONE {@code UpdateItem SET done.#p = :true [, pages] ADD members, examined} if the page is not done. */
    @Override
    public Recorded recordPage(SnapshotKey key, int page, long members, long examined, boolean last) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":true", Attr.bool(true), ":m", Attr.n(members),
                ":e", Attr.n(examined)));
        if (last) {
            values.put(":pages", Attr.n(page + 1L));
        }
        try {
            Map<String, AttributeValue> after = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                    .key(headerKey(key))
                    .updateExpression("SET #done.#p = :true" + (last ? ", #pages = :pages" : "")
                            + " ADD #members :m, #examined :e")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#done.#p)")
                    .expressionAttributeNames(last ? Map.of("#p", Integer.toString(page), "#done", "done", "#pages", "pages",
                            "#members", "members", "#examined", "examined") : Map.of("#p", Integer.toString(page),
                            "#done", "done", "#members", "members", "#examined", "examined"))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return new Recorded(true, Optional.of(snapshot(after)));
        } catch (ConditionalCheckFailedException recorded) {
            return new Recorded(false, find(key));
        }
    }

    /** A90: {@code UpdateItem SET status = READY, readyAt} conditional on RUNNING and {@code size(done) = pages}. */
    @Override
    public boolean markReady(SnapshotKey key, Instant readyAt) {
        return table.updateIf(headerKey(key), "SET #status = :ready, readyAt = :at",
                "#status = :running AND size(#done) = #pages", Map.of("#status", "status", "#done", "done", "#pages", "pages"),
                Map.of(":ready", Attr.s(SnapshotStatus.READY.name()), ":running", Attr.s(SnapshotStatus.RUNNING.name()),
                        ":at", Attr.s(readyAt.toString())));
    }

    /** A93: {@code PutItem LATEST} conditional on {@code attribute_not_exists(PK) OR snapshot < :this}. */
    @Override
    public void pointLatest(SnapshotKey key) {
        Map<String, AttributeValue> item = Attr.item(Keys.segmentSnapshots(key.brand().value(), key.segment().value()),
                Keys.SNAPSHOT_LATEST_SK, "SegmentSnapshotLatest");
        item.put("snapshot", Attr.s(key.text()));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(expiry(key)));
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #snapshot < :this")
                    .expressionAttributeNames(Map.of("#snapshot", "snapshot")).expressionAttributeValues(Map.of(":this", Attr.s(key.text()))).build());
        } catch (ConditionalCheckFailedException laterOrSame) {
            // a later snapshot (or this one) is the latest already
        }
    }

    /**
     * A94: {@code Query PK=…#M<shard>, begins_with(SK, M#)}, {@code Limit n}, shard after shard; the cursor is
     * {@code <shard>} or {@code <shard>:<last card>}.
     */
    @Override
    public MembersPage members(SnapshotKey key, Optional<String> cursor, int limit) {
        int shard = cursor.map(c -> Integer.parseInt(c.split(":", 2)[0])).orElse(0);
        Optional<String> after = cursor.filter(c -> c.contains(":")).map(c -> c.split(":", 2)[1]);
        int n = Math.max(1, Math.min(limit, MAX_MEMBERS_PAGE));
        while (shard < Keys.SNAPSHOT_MEMBER_SHARDS) {
            QueryRequest.Builder q = QueryRequest.builder().keyConditionExpression("PK = :pk AND begins_with(SK, :m)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.snapshotMembers(key.brand().value(),
                            key.segment().value(), key.text(), shard)), ":m", Attr.s(Keys.SNAPSHOT_MEMBER_PREFIX)))
                    .limit(n).consistentRead(true);
            int current = shard;
            after.ifPresent(a -> q.exclusiveStartKey(Attr.key(Keys.snapshotMembers(key.brand().value(),
                    key.segment().value(), key.text(), current), Keys.SNAPSHOT_MEMBER_PREFIX + a)));
            QueryResponse page = table.client.query(q.tableName(table.name).build());
            List<CardNumber> members = page.items().stream().map(i -> new CardNumber(Attr.str(i, "card"))).toList();
            boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            if (more && !members.isEmpty()) {
                return new MembersPage(members, Optional.of(shard + ":" + members.get(members.size() - 1).value()));
            }
            shard++;
            after = Optional.empty();
            if (!members.isEmpty()) {
                return new MembersPage(members, shard < Keys.SNAPSHOT_MEMBER_SHARDS ? Optional.of(Integer.toString(shard))
                        : Optional.empty());
            }
        }
        return new MembersPage(List.of(), Optional.empty());
    }

    private Optional<SnapshotKey> latest(BrandId brand, SegmentId segment, boolean consistent) {
        return get(Keys.segmentSnapshots(brand.value(), segment.value()), Keys.SNAPSHOT_LATEST_SK, consistent)
                .flatMap(item -> SnapshotKey.parse(brand, segment, Attr.str(item, "snapshot")));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
        Map<String, AttributeValue> item = table.client.getItem(GetItemRequest.builder().tableName(table.name)
                .key(Attr.key(pk, sk)).consistentRead(consistent).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item)
                    .conditionExpression("attribute_not_exists(PK)").build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private static Map<String, AttributeValue> headerKey(SnapshotKey key) {
        return Attr.key(Keys.segmentSnapshots(key.brand().value(), key.segment().value()), Keys.SNAPSHOT_PREFIX + key.text());
    }

    private static String pagesPk(SnapshotKey key) {
        return Keys.snapshotPages(key.brand().value(), key.segment().value(), key.text());
    }

    private static String memberPk(SnapshotKey key, CardNumber card) {
        return Keys.snapshotMembers(key.brand().value(), key.segment().value(), key.text(),
                Keys.snapshotMemberShard(card.value()));
    }

    /** The run's instant is in the header; pages and members use the day's start, at most a day earlier. */
    private static long expiry(Instant at) {
        return at.plus(RETENTION).getEpochSecond();
    }

    private static long expiry(SnapshotKey key) {
        return key.day().plusDays(RETENTION.toDays() + 1).toEpochDay() * 86_400L;
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    private static Snapshot snapshot(Map<String, AttributeValue> i) {
        BrandId brand = new BrandId(Attr.str(i, "brand"));
        SegmentId segment = new SegmentId(Attr.str(i, "segment"));
        SnapshotKey key = SnapshotKey.parse(brand, segment, Attr.str(i, "SK").substring(Keys.SNAPSHOT_PREFIX.length()))
                .orElseThrow(() -> new IllegalStateException("not a snapshot: " + Attr.str(i, "SK")));
        AttributeValue done = i.get("done");
        // a header written before the rule was kept (no visibility) was evaluated by its filters alone: read it so
        Visibility visibility = Attr.optStr(i, "visibility").map(Visibility::valueOf).orElse(Visibility.SHARED);
        SegmentRule rule = new SegmentRule(brand, visibility,
                strings(i, "locations").stream().map(LocationId::new).collect(Collectors.toSet()),
                FilterCodec.decodeTree(strings(i, "filters")));
        return new Snapshot(key, Attr.str(i, "name"), rule, Instant.parse(Attr.str(i, "at")),
                ZoneId.of(Attr.str(i, "zone")), Attr.optStr(i, "defaultPoint").map(GeoText::parse),
                SnapshotStatus.valueOf(Attr.str(i, "status")),
                done == null || !done.hasM() ? Set.of()
                        : done.m().keySet().stream().map(Integer::valueOf).collect(Collectors.toSet()),
                i.containsKey("pages") ? Optional.of((int) Attr.num(i, "pages")) : Optional.empty(),
                Attr.num(i, "members"), Attr.num(i, "examined"), Attr.optStr(i, "readyAt").map(Instant::parse));
    }

    private static SnapshotPage page(Map<String, AttributeValue> i) {
        List<CardNumber> cards = strings(i, "cards").stream().map(CardNumber::new).toList();
        Optional<String> next = Attr.optStr(i, "next");
        return i.containsKey("members")
                ? new SnapshotPage(cards, next, Optional.of(strings(i, "members").stream().map(CardNumber::new).toList()),
                Attr.num(i, "examined"))
                : SnapshotPage.listed(cards, next);
    }
}
