package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Coupons, one item {@code COUPON#b#CODE / COUPON} each ({@link CouponItems#COUPON}); every write is one conditional
 * PutItem of the whole item (absent; version n-1 and brand), so its pool keys in GSI1 always match it.
 *
 * <p>A card's coupons: link items {@code CARD#n / CPN#CODE} in the card's partition, "link before truth, verify on
 * read". Before a coupon's write, a link is put for every card it names (idempotent; the coupon's write decides); after
 * a successful write, the links of the cards it no longer names are deleted (best effort, and only if no newer version
 * re-linked the card). {@link #ofCard} reads the links, then the coupons, and keeps only those whose stored
 * {@code cards} name the card: a lagging or left-over link never shows a coupon, and a coupon never names a card
 * without its link.
 */
final class DynamoCoupons implements CouponPort {
    /** Conditional puts in flight at once during {@link #createAll} (BatchWriteItem cannot be conditional). */
    static final int CREATE_PARALLELISM = 8;

    private final Table table;
    private final Supplier<DynamoDbTable<Coupon>> coupons;
    private final Supplier<DynamoDbTable<CouponItems.Link>> links;

    DynamoCoupons(Table table) {
        this.table = table;
        this.coupons = table.lazily(() -> CouponItems.COUPON);
        this.links = table.lazily(() -> CouponItems.LINK);
    }

    @Override
    public Optional<Coupon> find(BrandId brand, CouponCode code) {
        return table.get(coupons.get(), Keys.coupon(brand.value(), code.value()), Keys.COUPON_SK, true)
                .filter(c -> c.brand().equals(brand));
    }

    @Override
    public Map<CouponCode, Coupon> findAll(BrandId brand, Collection<CouponCode> codes) {
        checkBatch(codes.size());
        Map<CouponCode, Coupon> found = new LinkedHashMap<>();
        read(brand, new HashSet<>(codes)).forEach(c -> found.put(c.code(), c));
        return found;
    }

    @Override
    public boolean create(Coupon coupon) {
        checkNew(coupon);
        link(coupon);
        return table.putIfAbsent(coupons.get(), coupon);
    }

    @Override
    public List<CouponCode> createAll(List<Coupon> batch) {
        checkBatch(batch.size());
        batch.forEach(DynamoCoupons::checkNew);
        if (batch.isEmpty()) {
            return List.of();
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(CREATE_PARALLELISM, batch.size()), r -> {
            Thread t = new Thread(r, "coupon-create");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> written = new ArrayList<>(batch.size());
            batch.forEach(c -> written.add(threads.submit(() -> create(c))));
            List<CouponCode> taken = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!written.get(i).get()) {
                    taken.add(batch.get(i).code());
                }
            }
            return taken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating coupons", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    @Override
    public WriteOutcome update(Coupon changed) {
        link(changed);
        Coupon before;
        try {
            before = coupons.get().putItemWithResponse(PutItemEnhancedRequest.builder(Coupon.class).item(changed)
                    .conditionExpression(Table.condition("#v = :prev AND #b = :brand", Map.of("#v", "version", "#b", "brand"),
                            Map.of(":prev", Attr.n(changed.version() - 1), ":brand", Attr.s(changed.brand().value()))))
                    .returnValues(ReturnValue.ALL_OLD).build()).attributes();
        } catch (ConditionalCheckFailedException failed) {
            // The write was decided by its condition; this read only tells the caller which way it failed.
            return find(changed.brand(), changed.code()).isPresent() ? WriteOutcome.CONFLICT : WriteOutcome.NOT_FOUND;
        }
        before.cards().stream().filter(card -> !changed.cards().contains(card)).forEach(card -> unlink(changed, card));
        return WriteOutcome.WRITTEN;
    }

    @Override
    public List<Coupon> pool(BrandId brand, CouponSetId set, int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit 1.." + MAX_RESULTS);
        }
        var hits = table.query(QueryRequest.builder().indexName(TallyTable.GSI1.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :pooled)")
                .expressionAttributeNames(Map.of("#pk", TallyTable.GSI1.partitionKey(), "#sk", TallyTable.GSI1.sortKey()))
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.couponSetCoupons(brand.value(), set.value())),
                        ":pooled", Attr.s(Keys.UNALLOCATED_PREFIX)))
                .projectionExpression("PK, SK").limit(limit));
        List<Key> keys = hits.stream().map(h -> Table.key(Attr.str(h, TallyTable.PK), Attr.str(h, TallyTable.SK))).toList();
        // The index may lag: the coupons as stored decide.
        return table.batchGet(coupons.get(), keys).stream().filter(c -> c.brand().equals(brand) && c.set().equals(set) && c.inPool())
                .sorted(BY_CODE).toList();
    }

    @Override
    public List<Coupon> ofCard(BrandId brand, CardNumber card) {
        var hits = table.query(QueryRequest.builder()
                .keyConditionExpression("PK = :pk AND begins_with(SK, :links)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.card(card.value())),
                        ":links", Attr.s(Keys.COUPON_LINK_PREFIX)))
                .limit(MAX_RESULTS).consistentRead(true));
        Set<CouponCode> codes = new HashSet<>();
        hits.stream().map(CouponItems.LINK::mapToItem).filter(l -> l.brand().equals(brand.value()))
                .forEach(l -> codes.add(new CouponCode(l.code())));
        return read(brand, codes).stream().filter(c -> c.cards().contains(card)).sorted(BY_CODE).toList();
    }

    @Override
    public long countInSet(BrandId brand, CouponSetId set) {
        return table.countIndex(TallyTable.GSI1.name(), TallyTable.GSI1.partitionKey(),
                Keys.couponSetCoupons(brand.value(), set.value()));
    }

    private static final Comparator<Coupon> BY_CODE = Comparator.comparing(c -> c.code().value());

    private List<Coupon> read(BrandId brand, Set<CouponCode> codes) {
        List<Key> keys = codes.stream().map(c -> Table.key(Keys.coupon(brand.value(), c.value()), Keys.COUPON_SK)).toList();
        return table.batchGet(coupons.get(), keys).stream().filter(c -> c.brand().equals(brand)).toList();
    }

    /** Puts the link of every card the coupon names, before the coupon's own write. */
    private void link(Coupon coupon) {
        for (CardNumber card : coupon.cards()) {
            links.get().putItem(new CouponItems.Link(card.value(), coupon.brand().value(), coupon.code().value(),
                    coupon.version()));
        }
    }

    /**
     * Deletes the link of a card the coupon stopped naming at version {@code changed.version()}, unless a writer of a
     * newer version (re-adding the card) put it since. Best effort: a link left behind is filtered out on read.
     */
    private void unlink(Coupon changed, CardNumber card) {
        try {
            links.get().deleteItem(r -> r.key(Table.key(Keys.card(card.value()), Keys.couponLinkSk(changed.code().value())))
                    .conditionExpression(Table.condition("#v <= :v", Map.of("#v", "version"),
                            Map.of(":v", Attr.n(changed.version())))));
        } catch (ConditionalCheckFailedException newer) {
            // Re-linked by a newer version (or already gone): the link stays.
        } catch (SdkException unavailable) {
            // The coupon is written; a stale link only costs a read, and ofCard ignores it.
        }
    }

    private static void checkNew(Coupon coupon) {
        if (coupon.version() != 1) {
            throw new IllegalArgumentException("a new coupon is version 1: " + coupon);
        }
    }

    private static void checkBatch(int size) {
        if (size > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " coupons at once");
        }
    }
}
