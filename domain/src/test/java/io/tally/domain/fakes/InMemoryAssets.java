package io.tally.domain.fakes;

import io.tally.domain.communication.assets.Asset;
import io.tally.domain.communication.assets.AssetFilesPort;
import io.tally.domain.communication.assets.AssetsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The asset library in memory: its items with the DynamoDB adapter's conditions (an id once; newest first) and its
 * files as the object store keeps them.
 */
public final class InMemoryAssets implements AssetsPort, AssetFilesPort {
    private final Map<String, Asset> items = new TreeMap<>();
    private final Map<String, byte[]> objects = new HashMap<>();

    private static String key(BrandId brand, String id) {
        return brand.value() + "|" + id;
    }

    @Override
    public synchronized List<Asset> list(BrandId brand, int limit) {
        return items.values().stream().filter(a -> a.brand().equals(brand))
                .sorted(Comparator.comparing(Asset::uploadedAt).reversed().thenComparing(Asset::id))
                .limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized Optional<Asset> find(BrandId brand, String id) {
        return Optional.ofNullable(items.get(key(brand, id)));
    }

    @Override
    public synchronized boolean create(Asset asset) {
        return items.putIfAbsent(key(asset.brand(), asset.id()), asset) == null;
    }

    @Override
    public synchronized void delete(BrandId brand, String id) {
        items.remove(key(brand, id));
    }

    @Override
    public synchronized void put(String key, byte[] bytes, String contentType) {
        objects.put(key, bytes.clone());
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public synchronized void delete(String key) {
        objects.remove(key);
    }

    /** The object keys stored (for tests). */
    public synchronized List<String> objectKeys() {
        return objects.keySet().stream().sorted().toList();
    }
}
