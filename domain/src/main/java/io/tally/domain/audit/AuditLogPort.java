package io.tally.domain.audit;

import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The brand's audit log of staff actions: every record kept once (by its id), read newest first in pages,
 * filtered by time window, staff member and action prefix.
 */
public interface AuditLogPort {
    /** Records the action; false if a record with that id was already kept (the first one stays). */
    boolean record(AuditRecord record);

    /** One page of the brand's records in {@code [from, to)}, newest first, matching the filter. */
    Page page(BrandId brand, Filter filter, int limit, Optional<String> cursor);

    record Filter(Instant from, Instant to, Optional<StaffId> staff, Optional<String> actionPrefix) {
    }

    record Page(List<AuditRecord> records, Optional<String> next) {
        public Page {
            records = List.copyOf(records);
        }
    }
}
