package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.assets.Asset;
import io.tally.domain.communication.assets.AssetsPort;
import io.tally.domain.communication.assets.ImageType;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link AssetsPort}: an id created once, found, listed per brand newest first (with a limit), deleted twice safely. */
public abstract class AssetsContract {
    protected abstract AssetsPort assets();

    private final BrandId brand = new BrandId("A" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");

    private Asset asset(BrandId owner, int n, ImageType type) {
        return new Asset(owner, String.format("%032x", n), type, 1000L + n, 600, 200 + n, "logo " + n + ".png",
                t0.plusSeconds(n), "admin@acme.test");
    }

    @Test
    void an_asset_is_created_once_and_read_back_whole() {
        Asset first = asset(brand, 1, ImageType.PNG);
        assertTrue(assets().create(first));
        assertFalse(assets().create(asset(brand, 1, ImageType.GIF)), "the id (its bytes) is taken");
        assertEquals(Optional.of(first), assets().find(brand, first.id()));
        assertTrue(assets().find(new BrandId("OTHER"), first.id()).isEmpty(), "another brand's");
    }

    @Test
    void a_brands_assets_are_listed_newest_first_and_deleted_at_once() {
        for (int n = 1; n <= 5; n++) {
            assertTrue(assets().create(asset(brand, n, n % 2 == 0 ? ImageType.JPEG : ImageType.PNG)));
        }
        assertTrue(assets().create(asset(new BrandId("B" + brand.value()), 9, ImageType.GIF)));
        assertEquals(List.of(5, 4, 3, 2, 1), assets().list(brand, 500).stream().map(a -> a.height() - 200).toList());
        assertEquals(2, assets().list(brand, 2).size());
        assets().delete(brand, asset(brand, 3, ImageType.PNG).id());
        assets().delete(brand, asset(brand, 3, ImageType.PNG).id());
        assertEquals(List.of(5, 4, 2, 1), assets().list(brand, 500).stream().map(a -> a.height() - 200).toList());
        assertTrue(assets().find(brand, asset(brand, 3, ImageType.PNG).id()).isEmpty());
    }
}
