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
}
