package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * Reads a brand's programs, value types and card sets. They change rarely (provisioning and the back
 * office) and are read on most requests, so one query per brand returns all value types.
 */
public interface LoadProgramsPort {
    List<Program> programs(BrandId brand);

    /** Every value type of every program of the brand, in program then key order. */
    List<ValueType> valueTypes(BrandId brand);

    Optional<CardSet> cardSet(BrandId brand, CardSetId id);
}
