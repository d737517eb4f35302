package io.tally.domain.provisioning;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.tenant.ApiKeysPort;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import java.util.Optional;

/**
 * Writes a brand's configuration. Each save is an upsert of one item that returns whether anything
 * changed, so applying the same seed twice is visibly a no-op. API keys are created only if absent: a
 * key's secret is never regenerated. (Pool cards are created through {@code card.CardPort}.)
 */
public interface ProvisioningPort extends ApiKeysPort {
    boolean saveBrand(Brand brand);

    boolean saveLocationGroup(LocationGroup group);

    boolean saveLocation(Location location);

    boolean saveTerminal(Terminal terminal);

    Optional<Employee> employee(BrandId brand, LocationId location, EmployeeId id);

    boolean saveEmployee(Employee employee);

    boolean saveProgram(Program program);

    boolean saveValueType(ValueType valueType);

    boolean saveCardSet(CardSet cardSet);

}
