package io.tally.domain.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, established once per request by {@link AuthenticateMerchantUseCase}. {@code group}: the location's
 * group (campaign conditions), when known.
 */
public record MerchantContext(BrandId brand, LocationId location, TerminalId terminal, Optional<EmployeeId> employee,
                              String apiKeyId, Optional<LocationGroupId> group) {
    public MerchantContext(BrandId brand, LocationId location, TerminalId terminal, Optional<EmployeeId> employee,
                           String apiKeyId) {
        this(brand, location, terminal, employee, apiKeyId, Optional.empty());
    }

    public MerchantContext {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(group, "group");
    }
}
