package io.tally.domain.engagement;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * A brand's event definitions, written by the seed file and the back office (the same upsert, so both edit the same
 * items) and read by the merchant API to check a recorded event's category, and by the events consumer for its
 * sentiment. Definitions are never removed: recorded events keep naming them.
 */
public interface EventDefinitionsPort {
    /** The most definitions a brand may have (the back office lists them all, the seed's checks read them all). */
    int MAX_PER_BRAND = 500;

    /** Stores the definition (replacing the brand's one of that category); true when anything changed. */
    boolean save(EventDefinition definition);

    /** The brand's definition of the category, strongly consistent (a category just defined is usable at once). */
    Optional<EventDefinition> find(BrandId brand, EventCategoryId category);

    /** Every definition of the brand, by category id. */
    List<EventDefinition> list(BrandId brand);
}
