package io.tally.domain.model;

import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.shared.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The code's answer to one operation compared with the model's: acceptance, refusal, overdraw, own entry, replay. */
final class Answers {
    private Answers() {
    }

    /**
     * @param ownEntry    the operation's entry stored by an attempt that died (then the answer must replay it)
     * @param performedAt when the model performed the operation: the instant its entry must carry
     */
    static List<String> differences(Action.Operation op, Outcome<BalanceResult> outcome, Answer expected,
                                    Optional<LedgerEntry> ownEntry, Instant performedAt) {
        List<String> diffs = new ArrayList<>();
        if (expected.isAccepted() != outcome.isAccepted()) {
            diffs.add("answer: model " + expected + ", code " + describe(outcome));
            return diffs;
        }
        if (outcome instanceof Outcome.Rejected<BalanceResult> r) {
            if (!expected.refusal().orElseThrow().name().equals(r.rejection().reason().name())) {
                diffs.add("refusal: model " + expected.refusal().orElseThrow() + ", code " + describe(outcome));
            }
            return diffs;
        }
        BalanceResult r = outcome.value();
        if (r.didOverdraw() != expected.didOverdraw() || r.amountDue() != expected.amountDue()) {
            diffs.add("overdraw: model " + expected + ", code " + describe(outcome));
        }
        if (r.entry().type() != op.entryType() || !r.entry().time().equals(performedAt)) {
            diffs.add("own entry: model " + op.entryType() + " at " + performedAt + ", code " + r.entry().type() + " at "
                    + r.entry().time());
        }
        if (r.replayed() != ownEntry.isPresent()
                || ownEntry.isPresent() && !ownEntry.get().transactionId().equals(r.transactionId())) {
            diffs.add("replay: the stored entry was " + ownEntry.map(e -> e.transactionId().value()).orElse("none")
                    + ", the code answered " + r.transactionId() + (r.replayed() ? " replayed" : " fresh"));
        }
        return diffs;
    }

    static String describe(Outcome<BalanceResult> outcome) {
        if (outcome instanceof Outcome.Rejected<BalanceResult> r) {
            return "refused " + r.rejection().reason() + " (" + r.rejection().detail() + ")";
        }
        BalanceResult r = outcome.value();
        return "accepted " + r.entry().type() + " " + r.transactionId() + (r.replayed() ? " (replayed)" : "")
                + (r.didOverdraw() ? ", overdrew, due " + r.amountDue() : "");
    }
}
