package io.tally.domain.tenant;

import java.util.Optional;

/**
 * Loads, in one round trip where the store allows it, everything needed to decide whether a
 * merchant call may proceed: the API key, the brand, and the location, terminal and employee it names.
 * Authentication runs on every request, so this is a hot path.
 */
public interface LoadMerchantAccessPort {

    MerchantAccess load(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                        Optional<EmployeeId> employee);

    /** What was found; absent parts do not exist. */
    record MerchantAccess(Optional<ApiKey> apiKey, Optional<Brand> brand, Optional<Location> location,
                          Optional<Terminal> terminal, Optional<Employee> employee) {
    }
}
