package io.tally.dynamo.store;

import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.ChunkResult;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.coupon.bulk.InvalidLine;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Coupon load jobs, one item {@code BRAND#brand#COUPONLOAD#job / COUPONLOAD} each ({@link Item}, access pattern A34).
 * Every chunk consumer writes the same item: {@link #recordChunk} is ONE UpdateItem that ADDs the chunk's counts, SETs
 * {@code done.<chunk>} and appends its listed lines, conditional on {@code done.<chunk>} being absent, so a redelivered
 * chunk never counts twice. The item stays small: {@code done} holds a flag per chunk (about 2,000 for a million
 * codes), and lines are appended only while fewer than {@value #LINE_CAP} are stored (so at most
 * {@value #LINE_CAP} + {@link ChunkResult#MAX_INVALID_LINES} lines of at most ~140 bytes). Jobs expire after
 * {@link #RETENTION}.
 */
final class DynamoCouponLoads implements CouponLoadPort {
    static final Duration RETENTION = Duration.ofDays(90);
    static final int LINE_CAP = LoadJob.MAX_INVALID_LINES;
    private static final String TYPE = "CouponLoad";

    /** A job as stored; numbers are counts, times ISO-8601, invalid lines {@code "line<TAB>reason"}. */
    record Item(String pk, String brand, String job, String set, String kind, String prefix, String secret, Long total,
                Long chunks, String validFrom, String validTo, Long loaded, Long duplicates, Long invalid,
                List<String> invalidLines, Map<String, Boolean> done, String failure, String createdAt,
                String lastChunkAt, Long expiresAt) {
    }

    static final StaticImmutableTableSchema<Item, ItemValues> SCHEMA = ItemSchema.of(Item.class, DynamoCouponLoads::read)
            .key(TYPE, Item::pk, i -> Keys.COUPON_LOAD_SK)
            .string("brand", Item::brand)
            .string("job", Item::job)
            .string("couponSet", Item::set)
            .string("kind", Item::kind)
            .string("prefix", Item::prefix)
            .string("secret", Item::secret)
            .number("total", Item::total)
            .number("chunks", Item::chunks)
            .string("validFrom", Item::validFrom)
            .string("validTo", Item::validTo)
            .number("loaded", Item::loaded)
            .number("duplicates", Item::duplicates)
            .number("invalid", Item::invalid)
            .stringList("invalidLines", Item::invalidLines)
            .flags("done", Item::done)
            .string("failure", Item::failure)
            .string("createdAt", Item::createdAt)
            .string("lastChunkAt", Item::lastChunkAt)
            .number(TallyTable.TTL_ATTRIBUTE, Item::expiresAt)
            .build();

    private final Table table;
    private final DynamoDbTable<Item> jobs;

    DynamoCouponLoads(Table table) {
        this.table = table;
        this.jobs = table.of(SCHEMA);
    }

    @Override
    public boolean create(LoadJob job) {
        Map<String, Boolean> done = new HashMap<>();
        job.chunksDone().forEach(c -> done.put(Integer.toString(c), true));
        Item item = new Item(pk(job.brand(), job.id()), job.brand().value(), job.id().value(), job.set().value(),
                job.kind().name(), job.prefix().orElse(null), job.secret().orElse(null), job.total(), (long) job.chunks(),
                job.validFrom().map(Instant::toString).orElse(null), job.validTo().map(Instant::toString).orElse(null),
                job.loaded(), job.duplicates(), job.invalid(), job.invalidLines().stream().map(DynamoCouponLoads::line)
                .toList(), done, job.failure().orElse(null), job.createdAt().toString(),
                job.lastChunkAt().map(Instant::toString).orElse(null), job.createdAt().plus(RETENTION).getEpochSecond());
        return table.putIfAbsent(jobs, item);
    }

    @Override
    public Optional<LoadJob> find(BrandId brand, LoadJobId id) {
        return table.get(jobs, pk(brand, id), Keys.COUPON_LOAD_SK, true).map(DynamoCouponLoads::job);
    }

    /**
     * Low-level: an UpdateItem that ADDs counters, SETs a nested map entry and appends to a list in one request, which
     * the enhanced client's item-based update cannot express. When the condition fails the item is read to tell a
     * recorded chunk from a full list of lines (then the chunk is recorded without its lines) or a missing job.
     */
    @Override
    public Recorded recordChunk(BrandId brand, LoadJobId id, ChunkResult result, Instant now) {
        boolean withLines = !result.invalidLines().isEmpty();
        for (int attempt = 0; attempt < 2; attempt++) {
            Map<String, String> names = new HashMap<>(Map.of("#c", Integer.toString(result.chunk())));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":l", Attr.n(result.loaded()),
                    ":d", Attr.n(result.duplicates()), ":i", Attr.n(result.invalid()), ":true", Attr.bool(true),
                    ":now", Attr.s(now.toString())));
            String update = "SET done.#c = :true, lastChunkAt = :now";
            String condition = "attribute_exists(PK) AND attribute_not_exists(done.#c)";
            if (withLines) {
                update += ", invalidLines = list_append(if_not_exists(invalidLines, :none), :lines)";
                condition += " AND (attribute_not_exists(invalidLines) OR size(invalidLines) < :cap)";
                values.put(":none", AttributeValue.fromL(List.of()));
                values.put(":lines", AttributeValue.fromL(result.invalidLines().stream().map(l -> Attr.s(line(l))).toList()));
                values.put(":cap", Attr.n(LINE_CAP));
            }
            if (table.updateIf(Attr.key(pk(brand, id), Keys.COUPON_LOAD_SK), update + " ADD loaded :l, duplicates :d, invalid :i",
                    condition, names, values)) {
                return Recorded.RECORDED;
            }
            Optional<LoadJob> job = find(brand, id);
            if (job.isEmpty()) {
                return Recorded.NO_SUCH_JOB;
            }
            if (job.get().chunkDone(result.chunk())) {
                return Recorded.ALREADY_RECORDED;
            }
            withLines = false; // the list is full: count the chunk's lines without listing them
        }
        throw new IllegalStateException("chunk " + result.chunk() + " of load " + id + " could not be recorded");
    }

    /** Fails unless failed already or every chunk is done (the number of flags in {@code done} is the job's progress). */
    @Override
    public boolean fail(BrandId brand, LoadJobId id, String reason) {
        Optional<LoadJob> job = find(brand, id);
        if (job.isEmpty() || job.get().status() != LoadJob.Status.QUEUED && job.get().status() != LoadJob.Status.RUNNING) {
            return false;
        }
        // conditional on the chunks done as read: a chunk recorded meanwhile makes this fail, and the caller may look again
        Item partial = new Item(pk(brand, id), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, reason, null, null, null);
        return table.updateIf(jobs, partial, Table.condition("attribute_exists(PK) AND attribute_not_exists(failure)"
                + " AND size(done) = :seen", Map.of(), Map.of(":seen", Attr.n(job.get().chunksDone().size()))));
    }

    private static String pk(BrandId brand, LoadJobId id) {
        return Keys.couponLoad(brand.value(), id.value());
    }

    private static String line(InvalidLine line) {
        return line.line() + "\t" + line.reason();
    }

    private static InvalidLine line(String stored) {
        int tab = stored.indexOf('\t');
        return new InvalidLine(Long.parseLong(stored.substring(0, tab)), stored.substring(tab + 1));
    }

    private static LoadJob job(Item i) {
        Set<Integer> done = i.done().keySet().stream().map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return new LoadJob(new LoadJobId(i.job()), new BrandId(i.brand()), new CouponSetId(i.set()),
                LoadJob.Kind.valueOf(i.kind()), Optional.ofNullable(i.prefix()), Optional.ofNullable(i.secret()),
                i.total(), i.chunks().intValue(), Optional.ofNullable(i.validFrom()).map(Instant::parse),
                Optional.ofNullable(i.validTo()).map(Instant::parse), i.loaded(), i.duplicates(), i.invalid(),
                i.invalidLines().stream().map(DynamoCouponLoads::line).toList(), done, Optional.ofNullable(i.failure()),
                Instant.parse(i.createdAt()), Optional.ofNullable(i.lastChunkAt()).map(Instant::parse));
    }

    private static Item read(ItemValues v) {
        Map<String, Boolean> done = new LinkedHashMap<>(v.map("done"));
        return new Item(v.string(TallyTable.PK), v.string("brand"), v.string("job"), v.string("couponSet"),
                v.string("kind"), v.optString("prefix").orElse(null), v.optString("secret").orElse(null),
                v.number("total"), v.number("chunks"), v.optString("validFrom").orElse(null),
                v.optString("validTo").orElse(null), v.optNumber("loaded").orElse(0L), v.optNumber("duplicates").orElse(0L),
                v.optNumber("invalid").orElse(0L), v.list("invalidLines"), done, v.optString("failure").orElse(null),
                v.string("createdAt"), v.optString("lastChunkAt").orElse(null),
                v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null));
    }
}
