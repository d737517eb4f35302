package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.Objects;

/** Groups card sets that follow the same rules and share value types. */
public record Program(BrandId brand, ProgramId id, String name, ProgramKind kind) {
    public Program {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
