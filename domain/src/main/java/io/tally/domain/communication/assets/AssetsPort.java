package io.tally.domain.communication.assets;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * The asset library's items (one per image, under the brand): listed on the library's page (A128), read by id
 * (A129), created once per id (A130: the same bytes uploaded twice stay one asset) and deleted (A131).
 */
public interface AssetsPort {
    /** Most assets one brand keeps: the page lists them all, and one Query page holds them. */
    int MAX_ASSETS = 500;

    /** The brand's assets, newest first, at most {@code limit}. */
    List<Asset> list(BrandId brand, int limit);

    Optional<Asset> find(BrandId brand, String id);

    /** True if this call stored it; false if an asset of that id (the same bytes) was there. */
    boolean create(Asset asset);

    /** Removes the item; nothing happens if it is gone already. */
    void delete(BrandId brand, String id);
}
