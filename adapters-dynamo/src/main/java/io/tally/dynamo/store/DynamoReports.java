package io.tally.dynamo.store;

import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportFilters;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.report.export.ReportsPort;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Report Center reports (A66-A69), one item {@code BRAND#b#REPORT#id / REPORT} each, listed newest first through
 * GSI3 {@code BRAND#b#REPORTS / <createdAt, fixed width>#id}. Every shard's consumer writes the same item:
 * {@link #recordShard} is ONE UpdateItem that SETs {@code done.<shard>} and ADDs the shard's rows, conditional on
 * {@code done.<shard>} being absent and the report not FAILED, returning the item as it left it (ALL_NEW), so a
 * redelivered shard never counts twice and the write that completes the set knows it. Reports expire (TTL) after
 * {@link #RETENTION}: the Report Center shows them as expired until then.
 */
final class DynamoReports implements ReportsPort {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A report as stored; dates ISO-8601, {@code scope} the manager's locations when {@code scoped}. */
    record Item(String pk, String brand, String id, String staff, String email, String kind, String from, String to,
                String location, String program, String entryType, Boolean scoped, List<String> scope,
                String createdAt, Long shards, Map<String, Boolean> done, Long rows, String status, String readyAt,
                String failure, String link, Long expiresAt, String subject) {
    }

    static final StaticImmutableTableSchema<Item, ItemValues> SCHEMA = ItemSchema.of(Item.class, DynamoReports::read)
            .key("Report", Item::pk, i -> Keys.REPORT_SK)
            .index(TallyTable.GSI3, i -> i.brand() == null ? null : Keys.brandReports(i.brand()),
                    i -> i.createdAt() == null ? null : FIXED.format(Instant.parse(i.createdAt())) + "#" + i.id())
            .string("brand", Item::brand)
            .string("id", Item::id)
            .string("staff", Item::staff)
            .string("email", Item::email)
            .string("kind", Item::kind)
            .string("from", Item::from)
            .string("to", Item::to)
            .string("location", Item::location)
            .string("program", Item::program)
            .string("entryType", Item::entryType)
            .flag("scoped", Item::scoped)
            .stringList("scope", Item::scope)
            .string("createdAt", Item::createdAt)
            .number("shards", Item::shards)
            .flags("done", Item::done)
            .number("rows", Item::rows)
            .string("status", Item::status)
            .string("readyAt", Item::readyAt)
            .string("failure", Item::failure)
            .string("link", Item::link)
            .string("subject", Item::subject)
            .number(TallyTable.TTL_ATTRIBUTE, Item::expiresAt)
            .build();

    private final Table table;
    private final DynamoDbTable<Item> reports;

    DynamoReports(Table table) {
        this.table = table;
        this.reports = table.of(SCHEMA);
    }

    /** A66: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(Report r) {
        ReportFilters f = r.filters();
        Map<String, Boolean> done = new HashMap<>();
        r.shardsDone().forEach(s -> done.put(Integer.toString(s), true));
        Item item = new Item(pk(r.brand(), r.id()), r.brand().value(), r.id().value(), r.staff().value(), r.email(),
                r.kind().name(), f.from().toString(), f.to().toString(), f.location().map(LocationId::value).orElse(null),
                f.program().orElse(null), f.entryType().orElse(null), f.scope().isPresent(),
                f.scope().map(s -> s.stream().map(LocationId::value).sorted().toList()).orElse(List.of()),
                r.createdAt().toString(), (long) r.shards(), done, r.rows(), r.stored().name(),
                r.readyAt().map(Instant::toString).orElse(null), r.failure().orElse(null), r.link(),
                r.createdAt().plus(RETENTION).getEpochSecond(), f.subject().orElse(null));
        return table.putIfAbsent(reports, item);
    }

    /** A66: consistent {@code GetItem}. */
    @Override
    public Optional<Report> find(BrandId brand, ReportId id) {
        return table.get(reports, pk(brand, id), Keys.REPORT_SK, true).map(DynamoReports::report);
    }

    /** A67: {@code Query GSI3 GSI3PK=BRAND#b#REPORTS}, descending, {@code Limit n}. */
    @Override
    public List<Report> list(BrandId brand, int limit) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.brandReports(brand.value()))))
                .scanIndexForward(false).limit(Math.max(1, Math.min(limit, MAX_LIST))).build();
        return table.query(reports, TallyTable.GSI3.name(), request).stream().map(DynamoReports::report).toList();
    }

    /** A69: {@code UpdateItem SET status = RUNNING} conditional on {@code status = QUEUED}. */
    @Override
    public boolean markRunning(BrandId brand, ReportId id) {
        return table.updateIf(Attr.key(pk(brand, id), Keys.REPORT_SK), "SET #status = :running", "#status = :queued",
                Map.of("#status", "status"), Map.of(":running", Attr.s(ReportStatus.RUNNING.name()),
                        ":queued", Attr.s(ReportStatus.QUEUED.name())));
    }

    /** A68: one conditional {@code UpdateItem SET done.#s ADD rows}, {@code ReturnValues=ALL_NEW}. */
    @Override
    public Recorded recordShard(BrandId brand, ReportId id, int shard, long rows) {
        try {
            Map<String, AttributeValue> after = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                    .key(Attr.key(pk(brand, id), Keys.REPORT_SK))
                    .updateExpression("SET done.#s = :true ADD #rows :n")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(done.#s) AND #status <> :failed")
                    .expressionAttributeNames(Map.of("#s", Integer.toString(shard), "#rows", "rows", "#status", "status"))
                    .expressionAttributeValues(Map.of(":true", Attr.bool(true), ":n", Attr.n(rows),
                            ":failed", Attr.s(ReportStatus.FAILED.name())))
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return new Recorded(Recorded.Outcome.RECORDED, Optional.of(report(SCHEMA.mapToItem(after))));
        } catch (ConditionalCheckFailedException failed) {
            Optional<Report> report = find(brand, id);
            return new Recorded(report.isEmpty() ? Recorded.Outcome.NO_SUCH_REPORT : Recorded.Outcome.ALREADY_RECORDED,
                    report);
        }
    }

    /** A69: {@code UpdateItem SET status = READY, readyAt} conditional on every shard done, not READY or FAILED. */
    @Override
    public boolean markReady(BrandId brand, ReportId id, Instant now) {
        return table.updateIf(Attr.key(pk(brand, id), Keys.REPORT_SK), "SET #status = :ready, readyAt = :now",
                "size(done) = #shards AND #status <> :ready AND #status <> :failed",
                Map.of("#status", "status", "#shards", "shards"),
                Map.of(":ready", Attr.s(ReportStatus.READY.name()), ":failed", Attr.s(ReportStatus.FAILED.name()),
                        ":now", Attr.s(now.toString())));
    }

    /** A69: {@code UpdateItem SET status = FAILED, failure} conditional on {@code status IN (QUEUED, RUNNING)}. */
    @Override
    public boolean fail(BrandId brand, ReportId id, String reason) {
        return table.updateIf(Attr.key(pk(brand, id), Keys.REPORT_SK), "SET #status = :failed, failure = :reason",
                "#status IN (:queued, :running)", Map.of("#status", "status"),
                Map.of(":failed", Attr.s(ReportStatus.FAILED.name()), ":reason", Attr.s(reason),
                        ":queued", Attr.s(ReportStatus.QUEUED.name()), ":running", Attr.s(ReportStatus.RUNNING.name())));
    }

    private static String pk(BrandId brand, ReportId id) {
        return Keys.report(brand.value(), id.value());
    }

    private static Report report(Item i) {
        Optional<Set<LocationId>> scope = Boolean.TRUE.equals(i.scoped())
                ? Optional.of(i.scope().stream().map(LocationId::new).collect(Collectors.toSet())) : Optional.empty();
        ReportFilters filters = new ReportFilters(LocalDate.parse(i.from()), LocalDate.parse(i.to()),
                Optional.ofNullable(i.location()).map(LocationId::new), Optional.ofNullable(i.program()),
                Optional.ofNullable(i.entryType()), scope, Optional.ofNullable(i.subject()));
        Set<Integer> done = i.done().keySet().stream().map(Integer::valueOf).collect(Collectors.toSet());
        return new Report(new ReportId(i.id()), new BrandId(i.brand()), new StaffId(i.staff()), i.email(),
                ReportKind.valueOf(i.kind()), filters, Instant.parse(i.createdAt()), i.shards().intValue(), done, i.rows(),
                ReportStatus.valueOf(i.status()), Optional.ofNullable(i.readyAt()).map(Instant::parse),
                Optional.ofNullable(i.failure()), i.link());
    }

    private static Item read(ItemValues v) {
        return new Item(v.string(TallyTable.PK), v.string("brand"), v.string("id"), v.string("staff"), v.string("email"),
                v.string("kind"), v.string("from"), v.string("to"), v.optString("location").orElse(null),
                v.optString("program").orElse(null), v.optString("entryType").orElse(null), v.bool("scoped"),
                v.list("scope"), v.string("createdAt"), v.number("shards"), v.map("done"), v.optNumber("rows").orElse(0L),
                v.string("status"), v.optString("readyAt").orElse(null), v.optString("failure").orElse(null),
                v.string("link"), v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null), v.optString("subject").orElse(null));
    }
}
