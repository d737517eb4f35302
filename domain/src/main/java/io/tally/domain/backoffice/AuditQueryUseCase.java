package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.util.Optional;

/** The audit log as an admin reads it: their brand's records only, and only with {@link Permission#READ_AUDIT}. */
public final class AuditQueryUseCase {
    public static final int PAGE_SIZE = 25;
    private final AuditLogPort audit;

    public AuditQueryUseCase(AuditLogPort audit) {
        this.audit = audit;
    }

    /** One page, newest first; empty when this staff member may not read the log (answered like a missing page). */
    public Optional<AuditLogPort.Page> page(StaffScope scope, AuditLogPort.Filter filter, Optional<String> cursor) {
        if (!scope.can(Permission.READ_AUDIT)) {
            return Optional.empty();
        }
        return Optional.of(audit.page(scope.brand(), filter, PAGE_SIZE, cursor));
    }
}
