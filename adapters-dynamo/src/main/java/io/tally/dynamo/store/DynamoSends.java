package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.send.PageListing;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.communication.send.SendsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Scheduled sends (A109-A114), low-level items: one {@code BRAND#b#SENDS / SEND#<id>} per send with its definition,
 * status and progress (a {@code done} map taking one flag per page in ONE conditional UpdateItem with the page's
 * counts, A68's pattern); while QUEUED or SENDING it carries a GSI1 entry {@code BRAND#b#SENDS#<status>} sorted by its
 * time (QUEUED: when due; SENDING: its last progress), so the jobs function finds due and stale sends without a scan;
 * the pages' listings {@code BRAND#b#SEND#<id>#PAGES / P#<page>}; the brand's rate {@code BRAND#b#SENDS / RATE}.
 */
final class DynamoSends implements SendsPort {
    private final Table table;

    DynamoSends(Table table) {
        this.table = table;
    }

    /** A109: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(Send send) {
        return send.version() == 1 && put(item(send), "attribute_not_exists(PK)", Map.of(), Map.of());
    }

    /** A109: whole-item {@code PutItem} if {@code version = n-1}. */
    @Override
    public boolean update(Send changed) {
        return put(item(changed), "#version = :before", Map.of("#version", "version"),
                Map.of(":before", Attr.n(changed.version() - 1)));
    }

    /** A109: consistent {@code GetItem}. */
    @Override
    public Optional<Send> find(BrandId brand, String id) {
        return get(Keys.sends(brand.value()), Keys.SEND_PREFIX + id).map(DynamoSends::send);
    }

    /** A110: consistent {@code Query PK=BRAND#b#SENDS, begins_with(SK, SEND#)}, every page up to the bound. */
    @Override
    public List<Send> list(BrandId brand) {
        List<Send> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table.name)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.sends(brand.value())),
                            ":prefix", Attr.s(Keys.SEND_PREFIX))).consistentRead(true).exclusiveStartKey(start);
            var page = table.client.query(q.build());
            page.items().forEach(i -> found.add(send(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < MAX_PER_BRAND);
        return found.stream().limit(MAX_PER_BRAND).toList();
    }

    /** A111: {@code Query GSI1 PK=BRAND#b#SENDS#QUEUED, GSI1SK <= now}, then a consistent GetItem of each. */
    @Override
    public List<Send> due(BrandId brand, Instant now, int limit) {
        return inStatus(brand, SendStatus.QUEUED, now, limit).stream()
                .filter(s -> s.status() == SendStatus.QUEUED && !s.sendAt().orElseThrow().isAfter(now)).toList();
    }

    /** A111: {@code Query GSI1 PK=BRAND#b#SENDS#SENDING, GSI1SK <= before}, then a consistent GetItem of each. */
    @Override
    public List<Send> stale(BrandId brand, Instant before, int limit) {
        return inStatus(brand, SendStatus.SENDING, before, limit).stream()
                .filter(s -> s.status() == SendStatus.SENDING && !s.progress().at().orElseThrow().isAfter(before))
                .toList();
    }

    /** A112: consistent {@code GetItem}. */
    @Override
    public Optional<PageListing> page(BrandId brand, String send, int page) {
        return get(Keys.sendPages(brand.value(), send), Keys.snapshotPageSk(page)).map(i -> new PageListing(
                strings(i, "cards").stream().map(CardNumber::new).toList(), Attr.optStr(i, "next")));
    }

    /** A112: {@code PutItem attribute_not_exists(PK)}; the first listing read back when this one loses. */
    @Override
    public PageListing list(BrandId brand, String send, int page, PageListing listing) {
        Map<String, AttributeValue> item = Attr.item(Keys.sendPages(brand.value(), send), Keys.snapshotPageSk(page),
                "SendPage");
        item.put("cards", AttributeValue.fromL(listing.cards().stream().map(c -> Attr.s(c.value())).toList()));
        listing.next().ifPresent(n -> item.put("next", Attr.s(n)));
        if (put(item, "attribute_not_exists(PK)", Map.of(), Map.of())) {
            return listing;
        }
        return page(brand, send, page).orElseThrow(() -> new IllegalStateException("page vanished: " + send + " " + page));
    }

    /**
     * A113: ONE {@code UpdateItem SET done.#p, progressAt, GSI1SK [, pages] ADD queued, skipped} if SENDING and the page
     * is not done, ALL_NEW.
     */
    @Override
    public Recorded recordPage(BrandId brand, String send, int page, long queued, long skipped, boolean last,
                               Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#p", Integer.toString(page), "#done", "done",
                "#status", "status", "#queued", "queued", "#skipped", "skipped"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":true", Attr.bool(true), ":q", Attr.n(queued),
                ":s", Attr.n(skipped), ":sending", Attr.s(SendStatus.SENDING.name()), ":at", Attr.s(now.toString()),
                ":gsi", Attr.s(sortable(now) + "#" + send)));
        if (last) {
            names.put("#pages", "pages");
            values.put(":pages", Attr.n(page + 1L));
        }
        try {
            Map<String, AttributeValue> after = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                    .key(Attr.key(Keys.sends(brand.value()), Keys.SEND_PREFIX + send))
                    .updateExpression("SET #done.#p = :true, progressAt = :at, GSI1SK = :gsi"
                            + (last ? ", #pages = :pages" : "") + " ADD #queued :q, #skipped :s")
                    .conditionExpression("#status = :sending AND attribute_not_exists(#done.#p)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return new Recorded(true, Optional.of(send(after)));
        } catch (ConditionalCheckFailedException notNow) {
            return new Recorded(false, find(brand, send));
        }
    }

    /** A113: {@code UpdateItem SET status, updatedAt [, error] REMOVE GSI1PK, GSI1SK} if SENDING. */
    @Override
    public boolean finish(BrandId brand, String send, SendStatus to, Optional<String> error, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", Attr.s(to.name()),
                ":sending", Attr.s(SendStatus.SENDING.name()), ":at", Attr.s(now.toString())));
        error.ifPresent(e -> values.put(":error", Attr.s(e)));
        return table.updateIf(Attr.key(Keys.sends(brand.value()), Keys.SEND_PREFIX + send),
                "SET #status = :to, updatedAt = :at" + (error.isPresent() ? ", #error = :error" : "")
                        + " REMOVE GSI1PK, GSI1SK", "#status = :sending",
                error.isPresent() ? Map.of("#status", "status", "#error", "error") : Map.of("#status", "status"),
                values);
    }

    /** A114: consistent {@code GetItem RATE}. */
    @Override
    public int rate(BrandId brand) {
        return get(Keys.sends(brand.value()), Keys.SEND_RATE_SK).map(i -> (int) Attr.num(i, "rate"))
                .orElse(DEFAULT_RATE);
    }

    /** A114: {@code PutItem RATE}. */
    @Override
    public void setRate(BrandId brand, int perSecond) {
        Map<String, AttributeValue> item = Attr.item(Keys.sends(brand.value()), Keys.SEND_RATE_SK, "SendRate");
        item.put("rate", Attr.n(perSecond));
        table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item).build());
    }

    private List<Send> inStatus(BrandId brand, SendStatus status, Instant upTo, int limit) {
        List<Map<String, AttributeValue>> keys = table.query(QueryRequest.builder()
                .indexName(TallyTable.GSI1.name())
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK <= :upTo")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.sendsInStatus(brand.value(), status.name())),
                        ":upTo", Attr.s(sortable(upTo) + "#~")))
                .limit(Math.max(1, limit)));
        List<Send> found = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> k : keys) {
            get(Attr.str(k, "PK"), Attr.str(k, "SK")).map(DynamoSends::send).ifPresent(found::add);
        }
        return found;
    }

    /** Zero-padded epoch milliseconds: string order is time order (ISO text with and without fractions is not). */
    private static String sortable(Instant t) {
        return String.format("%015d", t.toEpochMilli());
    }

    private static Map<String, AttributeValue> item(Send s) {
        Map<String, AttributeValue> item = Attr.item(Keys.sends(s.brand().value()), Keys.SEND_PREFIX + s.id(), "Send");
        item.put("brand", Attr.s(s.brand().value()));
        item.put("sendId", Attr.s(s.id()));
        item.put("name", Attr.s(s.name()));
        item.put("template", Attr.s(s.template()));
        item.put("templateVersion", Attr.n(s.templateVersion()));
        item.put("list", Attr.s(s.list()));
        s.segment().ifPresent(v -> item.put("segment", Attr.s(v)));
        item.put("channel", Attr.s(s.channel().name()));
        s.sendAt().ifPresent(v -> item.put("sendAt", Attr.s(v.toString())));
        s.portalUrl().ifPresent(v -> item.put("portalUrl", Attr.s(v)));
        item.put("status", Attr.s(s.status().name()));
        s.snapshot().ifPresent(v -> item.put("snapshot", Attr.s(v)));
        item.put("rate", Attr.n(s.rate()));
        SendProgress p = s.progress();
        item.put("done", AttributeValue.fromM(p.pagesDone().stream()
                .collect(Collectors.toMap(n -> Integer.toString(n), n -> Attr.bool(true)))));
        p.pages().ifPresent(n -> item.put("pages", Attr.n(n)));
        item.put("queued", Attr.n(p.queued()));
        item.put("skipped", Attr.n(p.skipped()));
        p.at().ifPresent(v -> item.put("progressAt", Attr.s(v.toString())));
        s.error().ifPresent(v -> item.put("error", Attr.s(v)));
        item.put("updatedAt", Attr.s(s.updatedAt().toString()));
        item.put("updatedBy", Attr.s(s.updatedBy()));
        item.put("version", Attr.n(s.version()));
        if (s.status() == SendStatus.QUEUED) {
            item.put("GSI1PK", Attr.s(Keys.sendsInStatus(s.brand().value(), s.status().name())));
            item.put("GSI1SK", Attr.s(sortable(s.sendAt().orElseThrow()) + "#" + s.id()));
        } else if (s.status() == SendStatus.SENDING) {
            item.put("GSI1PK", Attr.s(Keys.sendsInStatus(s.brand().value(), s.status().name())));
            item.put("GSI1SK", Attr.s(sortable(p.at().orElse(s.updatedAt())) + "#" + s.id()));
        }
        return item;
    }

    private static Send send(Map<String, AttributeValue> i) {
        AttributeValue done = i.get("done");
        Set<Integer> pagesDone = done == null || !done.hasM() ? Set.of()
                : done.m().keySet().stream().map(Integer::valueOf).collect(Collectors.toSet());
        SendProgress progress = new SendProgress(pagesDone,
                i.containsKey("pages") ? Optional.of((int) Attr.num(i, "pages")) : Optional.empty(),
                Attr.num(i, "queued"), Attr.num(i, "skipped"), Attr.optStr(i, "progressAt").map(Instant::parse));
        return new Send(new BrandId(Attr.str(i, "brand")), Attr.str(i, "sendId"), Attr.str(i, "name"),
                Attr.str(i, "template"), Attr.num(i, "templateVersion"), Attr.str(i, "list"), Attr.optStr(i, "segment"),
                SendChannel.valueOf(Attr.str(i, "channel")), Attr.optStr(i, "sendAt").map(Instant::parse),
                Attr.optStr(i, "portalUrl"), SendStatus.valueOf(Attr.str(i, "status")), Attr.optStr(i, "snapshot"),
                (int) Attr.num(i, "rate"), progress, Attr.optStr(i, "error"), Instant.parse(Attr.str(i, "updatedAt")),
                Attr.str(i, "updatedBy"), Attr.num(i, "version"));
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = table.client.getItem(GetItemRequest.builder().tableName(table.name)
                .key(Attr.key(pk, sk)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
