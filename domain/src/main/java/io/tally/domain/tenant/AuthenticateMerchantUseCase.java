package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.SecretHasher;
import java.util.Optional;

/**
 * Decides whether a merchant call may proceed: the key must exist, be active and match the secret;
 * the {@code brand} header must be the key's brand; the location and terminal must exist in it; and
 * if the brand requires it, the employee must exist at that location with the right password.
 * An unknown key and a wrong secret are indistinguishable to the caller.
 */
public final class AuthenticateMerchantUseCase {
    private final LoadMerchantAccessPort access;

    public AuthenticateMerchantUseCase(LoadMerchantAccessPort access) {
        this.access = access;
    }

    public Outcome<MerchantContext> authenticate(MerchantCredentials c) {
        if (!Identifiers.isValid(c.apiKey()) || c.apiSecret() == null || c.apiSecret().isEmpty()) {
            return Outcome.rejected(Reason.UNAUTHENTICATED, "Missing or malformed API credentials.");
        }
        if (!Identifiers.isValid(c.brand())) {
            return Outcome.rejected(Reason.BRAND_MISMATCH, "The brand header is missing or malformed.");
        }
        if (!Identifiers.isValid(c.location())) {
            return Outcome.rejected(Reason.UNKNOWN_LOCATION, "The location header is missing or malformed.");
        }
        if (!Identifiers.isValid(c.terminal())) {
            return Outcome.rejected(Reason.UNKNOWN_TERMINAL, "The terminal header is missing or malformed.");
        }
        boolean employeeGiven = c.employee() != null && !c.employee().isEmpty();
        if (employeeGiven && !Identifiers.isValid(c.employee())) {
            return Outcome.rejected(Reason.UNKNOWN_EMPLOYEE, "The employee header is malformed.");
        }
        BrandId brand = new BrandId(c.brand());
        LocationId location = new LocationId(c.location());
        TerminalId terminal = new TerminalId(c.terminal());
        Optional<EmployeeId> employee = employeeGiven ? Optional.of(new EmployeeId(c.employee())) : Optional.empty();

        LoadMerchantAccessPort.MerchantAccess found = access.load(c.apiKey(), brand, location, terminal, employee);
        Optional<ApiKey> key = found.apiKey().filter(ApiKey::isActive)
                .filter(k -> SecretHasher.matches(c.apiSecret(), k.secretHash()));
        if (key.isEmpty()) {
            return Outcome.rejected(Reason.UNAUTHENTICATED, "Invalid API key or secret.");
        }
        if (!key.get().brand().equals(brand) || found.brand().isEmpty()) {
            return Outcome.rejected(Reason.BRAND_MISMATCH, "The API key does not belong to brand " + brand + ".");
        }
        if (found.location().isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_LOCATION, "Unknown location " + location + ".");
        }
        if (found.terminal().isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_TERMINAL, "Unknown terminal " + terminal + " at location " + location + ".");
        }
        if (employee.isPresent() || found.brand().get().requireEmployee()) {
            Outcome<MerchantContext> rejected = checkEmployee(c, employee, found);
            if (rejected != null) {
                return rejected;
            }
        }
        return Outcome.accepted(new MerchantContext(brand, location, terminal, employee, key.get().keyId(),
                Optional.of(found.location().get().group())));
    }

    private static Outcome<MerchantContext> checkEmployee(MerchantCredentials c, Optional<EmployeeId> employee,
                                                          LoadMerchantAccessPort.MerchantAccess found) {
        if (employee.isEmpty()) {
            return Outcome.rejected(Reason.EMPLOYEE_REQUIRED, "This brand requires employee and employeePassword.");
        }
        boolean required = found.brand().get().requireEmployee();
        boolean ok = found.employee().isPresent()
                && (!required || SecretHasher.matches(c.employeePassword(), found.employee().get().passwordHash()));
        return ok ? null : Outcome.rejected(Reason.UNKNOWN_EMPLOYEE, "Unknown employee or wrong employee password.");
    }
}
