package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What every brand setup change shares: the permission to make it ({@link Permission#MANAGE_SETUP}) and its audit
 * record. A change is recorded just before its write, with the values before and after (never a secret or a password
 * hash): the writes are idempotent upserts, so a change whose write then failed is visible as not applied and is simply
 * made again, while an applied change can never be missing from the log.
 */
public final class SetupAudit {
    static final String NOT_ALLOWED = "Your role can look at the brand's setup but not change it.";

    private final AuditLogPort log;
    private final RandomSource random;
    private final Clock clock;

    public SetupAudit(AuditLogPort log, RandomSource random, Clock clock) {
        this.log = log;
        this.random = random;
        this.clock = clock;
    }

    /** The refusal of a change by a staff member whose role may not make it. */
    static <T> Outcome<T> notAllowed() {
        return Outcome.rejected(Reason.INVALID_REQUEST, NOT_ALLOWED);
    }

    /** Records a change of {@code target}; nothing is recorded when before and after are the same. */
    public boolean record(StaffScope who, String action, String target, Map<String, String> before,
                          Map<String, String> after) {
        if (before.equals(after)) {
            return false;
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        return log.record(new AuditRecord(who.brand(), HexFormat.of().formatHex(id), clock.instant(), who.staff(),
                who.email(), action, target, Optional.empty(), before, after));
    }
}
