package io.tally.domain.tenant;

import java.util.List;

/**
 * Every brand provisioned on the stack, for the periodic jobs that visit each brand in turn (the accounting rollups).
 * Never on a request path: a request always names its brand.
 */
public interface ListBrandsPort {
    /** The brands, ordered by id. */
    List<BrandId> brands();
}
