package io.tally.domain.tenant;

import java.util.Objects;

/**
 * An employee working at one location. Only the hash of the password (PIN) is kept.
 */
public record Employee(BrandId brand, LocationId location, EmployeeId id, String name, String passwordHash) {
    public Employee {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passwordHash, "passwordHash");
        name = name == null || name.isBlank() ? id.value() : name;
    }

    @Override
    public String toString() {
        return "Employee[" + brand + "/" + location + "/" + id + "]";
    }
}
