package io.tally.domain.tenant;

import io.tally.domain.shared.GeoPoint;
import java.util.Objects;
import java.util.Optional;

/**
 * The top of the hierarchy: everything else belongs strictly to one brand.
 *
 * @param requireEmployee    when true every merchant call must name an employee and give that employee's password
 * @param defaultCoordinates where segments' owning-location proximity measures from when a card's owning location
 *                           has no coordinates (or the card has none); given by the brand, never geocoded
 */
public record Brand(BrandId id, String name, boolean requireEmployee, Optional<GeoPoint> defaultCoordinates) {
    public Brand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultCoordinates, "defaultCoordinates");
        name = name == null || name.isBlank() ? id.value() : name;
    }

    /** A brand without default coordinates. */
    public Brand(BrandId id, String name, boolean requireEmployee) {
        this(id, name, requireEmployee, Optional.empty());
    }

    /** This brand with other default coordinates (empty: none). */
    public Brand withDefaultCoordinates(Optional<GeoPoint> point) {
        return new Brand(id, name, requireEmployee, point);
    }
}
