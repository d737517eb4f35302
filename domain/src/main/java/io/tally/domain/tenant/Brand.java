package io.tally.domain.tenant;

import java.util.Objects;

/**
 * The top of the hierarchy: everything else belongs strictly to one brand.
 *
 * @param requireEmployee when true every merchant call must name an employee and give that employee's password
 */
public record Brand(BrandId id, String name, boolean requireEmployee) {
    public Brand {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
