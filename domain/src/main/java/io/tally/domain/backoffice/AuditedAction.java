package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Nothing a staff member does goes unrecorded: the audit record is written <em>before</em> the action's own write, as
 * an intent under the action's key (who, when, what, why, the values before and what is intended), and settled after
 * it with what the write did (or why it was refused). A crash after the intent leaves it pending: the action may or may
 * not have been applied, and the log says so; the retry of a repeatable action (the same key: the form's) finds the
 * intent kept and still pending ({@code record} answers false, the first one stays), replays or applies the action and
 * settles the record; any other reuse of a key is refused (the staff member opens the form again, which draws a new
 * key and a record of its own). A crash can therefore never leave an applied action without its record, and no
 * action is applied under a record already settled.
 */
final class AuditedAction {
    private final AuditLogPort audit;
    private final Clock clock;

    AuditedAction(AuditLogPort audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What is being done, to what, the values before it and intended by it, and whether the action may resume an intent
     * left pending under its key (a crash): true when it is idempotent on its key or on the state it sets (adjust and
     * void replay their entry, a switch finds the card switched); false when a second run would change something again
     * (a new PIN, other customer values). A key whose record is settled is always refused (that action is over: its
     * result is in the log), so nothing can be applied under a record that already says what happened.
     */
    record Intent(String action, String target, Map<String, String> before, Map<String, String> intended,
                  boolean repeatable) {
    }

    /** The audit record's id: the form's key and the action, so a key sent with another action is a record of its own. */
    static String id(CardActionsUseCase.Action a, String action) {
        return a.key() + ":" + action;
    }

    <T> Outcome<T> run(CardActionsUseCase.Action a, Intent intent, Supplier<Outcome<T>> step,
                       Function<T, Map<String, String>> after) {
        Map<String, String> pending = new LinkedHashMap<>(intent.intended());
        pending.put(AuditRecord.OUTCOME, AuditRecord.PENDING);
        String id = id(a, intent.action());
        boolean fresh = audit.record(new AuditRecord(a.scope().brand(), id, clock.instant(), a.scope().staff(),
                a.scope().email(), intent.action(), intent.target(), Optional.of(a.reason()), intent.before(), pending));
        if (!fresh && (!intent.repeatable() || !audit.find(a.scope().brand(), id).map(AuditRecord::pending).orElse(false))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "this form was sent already: open it again to do it once more");
        }
        Outcome<T> outcome = step.get();
        Map<String, String> settled = new LinkedHashMap<>();
        if (outcome instanceof Outcome.Rejected<T> refused) {
            settled.put(AuditRecord.OUTCOME, AuditRecord.REFUSED);
            settled.put("refusal", refused.rejection().reason().name());
        } else {
            settled.putAll(after.apply(outcome.value()));
            settled.put(AuditRecord.OUTCOME, AuditRecord.DONE);
        }
        try {
            audit.settle(a.scope().brand(), id, settled);
        } catch (RuntimeException afterCommit) {
            // the intent stands (pending): the action's retry settles it; the action itself is done
        }
        return outcome;
    }
}
