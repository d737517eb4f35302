package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.shared.Outcome;
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
 * not have been applied, and the log says so; the retry of the action (the same key: the form's) finds the intent
 * kept ({@code record} answers false, the first one stays), replays or applies the action (each action is idempotent on
 * its key or on the state it sets) and settles the record. A crash can therefore never leave an applied action
 * without its record. Settling is after the commit and cannot fail the caller.
 */
final class AuditedAction {
    private final AuditLogPort audit;
    private final Clock clock;

    AuditedAction(AuditLogPort audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** What is being done, to what, and the values before it and intended by it. */
    record Intent(String action, String target, Map<String, String> before, Map<String, String> intended) {
    }

    <T> Outcome<T> run(CardActionsUseCase.Action a, Intent intent, Supplier<Outcome<T>> step,
                       Function<T, Map<String, String>> after) {
        Map<String, String> pending = new LinkedHashMap<>(intent.intended());
        pending.put(AuditRecord.OUTCOME, AuditRecord.PENDING);
        audit.record(new AuditRecord(a.scope().brand(), a.key(), clock.instant(), a.scope().staff(), a.scope().email(),
                intent.action(), intent.target(), Optional.of(a.reason()), intent.before(), pending));
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
            audit.settle(a.scope().brand(), a.key(), settled);
        } catch (RuntimeException afterCommit) {
            // the intent stands (pending): the action's retry settles it; the action itself is done
        }
        return outcome;
    }
}
