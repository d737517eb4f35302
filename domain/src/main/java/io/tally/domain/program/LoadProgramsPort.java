package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * Reads a brand's programs, value types and card sets. They change rarely (provisioning and the back
 * office) and are read on most requests, so the whole catalogue comes back from one read.
 */
public interface LoadProgramsPort {
    /** Every program of the brand with every value type of each. */
    Catalogue catalogue(BrandId brand);

    Optional<CardSet> cardSet(BrandId brand, CardSetId id);

    /** A brand's programs and their value types. */
    record Catalogue(List<Program> programs, List<ValueType> valueTypes) {
        public Catalogue {
            programs = List.copyOf(programs);
            valueTypes = List.copyOf(valueTypes);
        }
    }
}
