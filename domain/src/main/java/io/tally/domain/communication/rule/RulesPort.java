package io.tally.domain.communication.rule;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * A brand's rules (triggered communications): edited in the back office, read by the events consumer on every event of
 * the brand and by the jobs. One item each; a change is one conditional write on the version read, so of two editors
 * the first save stands and the second is told to reload.
 */
public interface RulesPort {
    /** Rules a brand may keep. */
    int MAX_PER_BRAND = 50;

    /** Stores a new rule (version 1) only if its id is free; false if taken. */
    boolean create(Rule rule);

    /** Replaces a rule only if the stored one is of the version before {@code changed}'s; false otherwise. */
    boolean update(Rule changed);

    /** One rule, strongly consistent. */
    Optional<Rule> find(BrandId brand, String id);

    /** Every rule of the brand (at most {@link #MAX_PER_BRAND}), strongly consistent. */
    List<Rule> list(BrandId brand);
}
