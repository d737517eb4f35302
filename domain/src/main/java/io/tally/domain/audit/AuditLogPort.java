package io.tally.domain.audit;

import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's audit log of staff actions: every record kept once (by its id), read newest first in pages,
 * filtered by time window, staff member and action prefix.
 *
 * <p>An action that changes something elsewhere (a ledger entry, a card) is recorded <em>before</em> its write, as
 * an intent ({@link AuditRecord#pending()}: its {@code after} says {@code outcome=pending}), and {@link #settle settled}
 * after it with what the write did. A crash between the two leaves the intent standing, so an applied action can
 * never be missing from the log; the retry of the action (same id) settles it.
 */
public interface AuditLogPort {
    /** Records the action; false if a record with that id was already kept (the first one stays). */
    boolean record(AuditRecord record);

    /** The record with this id, read strongly consistently (an action's retry asks whether its intent is still pending). */
    Optional<AuditRecord> find(BrandId brand, String id);

    /**
     * Replaces a pending record's {@code after} values with what the action did (including its final
     * {@code outcome}), once: false if there is no such record or it was settled already (the first settlement stays).
     * Its time, who, what and before stay.
     */
    boolean settle(BrandId brand, String id, Map<String, String> after);

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
