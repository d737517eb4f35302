package io.tally.backoffice.wiring;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.tenant.BrandId;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Until the audit log's DynamoDB adapter is wired here: each record as one log line (CloudWatch keeps it), none
 * readable back. Replace the binding in {@link OfficeModule} with the stored log.
 */
final class LoggedAuditLog implements AuditLogPort {
    private final PrintStream out;

    LoggedAuditLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean record(AuditRecord r) {
        out.println("AUDIT brand=" + r.brand().value() + " id=" + r.id() + " at=" + r.at() + " staff=" + r.staff()
                + " action=" + r.action() + " target=" + r.target() + " before=" + r.before() + " after=" + r.after());
        return true;
    }

    @Override
    public Page page(BrandId brand, Filter filter, int limit, Optional<String> cursor) {
        return new Page(List.of(), Optional.empty());
    }
}
