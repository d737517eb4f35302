package io.tally.domain.portal;

import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * Stores each brand's portal configuration. Read on every portal request (one item), written by
 * provisioning (seed files), so brands change their pages without a deploy.
 */
public interface PortalConfigPort {
    Optional<PortalConfig> load(BrandId brand);

    /** Upserts; true if anything changed. */
    boolean save(PortalConfig config);
}
