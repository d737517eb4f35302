package io.tally.domain.tenant;

import java.util.Objects;
import java.util.Optional;

/** Who is calling, established once per request by {@link AuthenticateMerchantUseCase}. */
public record MerchantContext(BrandId brand, LocationId location, TerminalId terminal, Optional<EmployeeId> employee,
                             String apiKeyId) {
    public MerchantContext {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
    }
}
