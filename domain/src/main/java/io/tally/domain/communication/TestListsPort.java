package io.tally.domain.communication;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * A brand's test lists (A104, A105): one small item each, created once by id, changed over the version read (a second
 * editor of the same version is refused), listed whole.
 */
public interface TestListsPort {
    int MAX_PER_BRAND = 50;

    boolean create(TestList list);

    boolean update(TestList changed);

    Optional<TestList> find(BrandId brand, String id);

    /** In id order, at most {@link #MAX_PER_BRAND}. */
    List<TestList> list(BrandId brand);
}
