package io.tally.dynamo.store;

import io.tally.domain.communication.assets.Asset;
import io.tally.domain.communication.assets.AssetsPort;
import io.tally.domain.communication.assets.ImageType;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A brand's asset library: one item {@code BRAND#b#ASSETS / ASSET#<id>} per image (its metadata; the bytes are in S3),
 * at most {@link AssetsPort#MAX_ASSETS} (about 250 bytes each, so the whole library is one Query page).
 */
final class DynamoAssets implements AssetsPort {
    static final StaticImmutableTableSchema<Asset, ItemValues> SCHEMA = ItemSchema.of(Asset.class, DynamoAssets::asset)
            .key("Asset", a -> Keys.assets(a.brand().value()), a -> Keys.assetSk(a.id()))
            .string("brand", a -> a.brand().value())
            .string("assetId", Asset::id)
            .string("imageType", a -> a.type().name())
            .number("bytes", Asset::bytes)
            .number("width", a -> (long) a.width())
            .number("height", a -> (long) a.height())
            .string("name", Asset::name)
            .string("uploadedAt", a -> a.uploadedAt().toString())
            .string("uploadedBy", Asset::uploadedBy)
            .build();

    private final Table table;
    private final DynamoDbTable<Asset> assets;

    DynamoAssets(Table table) {
        this.table = table;
        this.assets = table.of(SCHEMA);
    }

    /** A128: consistent {@code Query PK=BRAND#b#ASSETS, begins_with(SK, ASSET#)}, every page, newest first in memory. */
    @Override
    public List<Asset> list(BrandId brand, int limit) {
        List<Asset> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.assets(brand.value())),
                            ":prefix", Attr.s(Keys.ASSET_PREFIX)))
                    .consistentRead(true).exclusiveStartKey(start).build());
            page.items().forEach(i -> found.add(SCHEMA.mapToItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < MAX_ASSETS);
        return found.stream().sorted(Comparator.comparing(Asset::uploadedAt).reversed().thenComparing(Asset::id))
                .limit(Math.max(0, limit)).toList();
    }

    /** A129: consistent {@code GetItem}. */
    @Override
    public Optional<Asset> find(BrandId brand, String id) {
        return table.get(assets, Keys.assets(brand.value()), Keys.assetSk(id), true);
    }

    /** A130: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(Asset asset) {
        return table.putIfAbsent(assets, asset);
    }

    /** A131: {@code DeleteItem} (unconditional: deleting twice is fine). */
    @Override
    public void delete(BrandId brand, String id) {
        assets.deleteItem(r -> r.key(Table.key(Keys.assets(brand.value()), Keys.assetSk(id))));
    }

    private static Asset asset(ItemValues v) {
        return new Asset(new BrandId(v.string("brand")), v.string("assetId"), ImageType.valueOf(v.string("imageType")),
                v.number("bytes"), (int) v.number("width"), (int) v.number("height"), v.string("name"),
                Instant.parse(v.string("uploadedAt")), v.string("uploadedBy"));
    }
}
