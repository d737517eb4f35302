package io.tally.domain.audit;

import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One staff action, as the audit log keeps it: who, when, what (an action name such as {@code card.adjust} and the
 * target it acted on, such as {@code card:6000...}), why (the reason the staff member gave, where the action asks
 * for one), and the values before and after (flat field → value maps; secrets are never put in them). The id is
 * chosen by the caller and unique within the brand, so recording the same action twice keeps one record.
 */
public record AuditRecord(BrandId brand, String id, Instant at, StaffId staff, String staffEmail, String action,
                          String target, Optional<String> reason, Map<String, String> before,
                          Map<String, String> after) {
    public AuditRecord {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(staffEmail, "staffEmail");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        before = java.util.Collections.unmodifiableMap(new TreeMap<>(before));
        after = java.util.Collections.unmodifiableMap(new TreeMap<>(after));
    }

    /** The {@code after} value that says how an action kept as an intent ended (see {@link AuditLogPort#settle}). */
    public static final String OUTCOME = "outcome";
    /** Recorded before the action's write, not yet settled: the action may or may not have been applied. */
    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String REFUSED = "refused";

    /** An intent not settled yet. */
    public boolean pending() {
        return PENDING.equals(after.get(OUTCOME));
    }

    /** This record with other {@code after} values (what a settlement stores). */
    public AuditRecord withAfter(Map<String, String> newAfter) {
        return new AuditRecord(brand, id, at, staff, staffEmail, action, target, reason, before, newAfter);
    }
}
