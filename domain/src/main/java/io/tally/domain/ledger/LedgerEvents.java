package io.tally.domain.ledger;

import io.tally.domain.event.DomainEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event told about each ledger entry. Its id derives from brand and transaction id, so publishing it
 * again after a crash or a repeated request is harmless (consumers de-duplicate on the id).
 * Type: {@code ledger.issue}, {@code ledger.redeem}, … Data: flat strings; amounts in minor units,
 * per value type as {@code balance.<key>} (signed change), {@code held.<key>} and {@code after.<key>}.
 */
public final class LedgerEvents {
    private LedgerEvents() {
    }

    public static String eventId(LedgerEntry entry) {
        return "txn-" + entry.brand().value() + "-" + entry.transactionId().value();
    }

    public static DomainEvent of(LedgerEntry entry) {
        Map<String, String> data = new LinkedHashMap<>();
        Posting p = entry.posting();
        data.put("cardNumber", entry.card().value());
        data.put("transactionId", entry.transactionId().value());
        data.put("sequence", Long.toString(entry.sequence()));
        data.put("entryType", entry.type().name());
        p.origin().location().ifPresent(l -> data.put("location", l.value()));
        p.origin().terminal().ifPresent(t -> data.put("terminal", t.value()));
        p.origin().employee().ifPresent(e -> data.put("employee", e.value()));
        p.origin().externalTransactionId().ifPresent(x -> data.put("externalTransactionId", x));
        p.origin().requestRef().ifPresent(r -> data.put("requestRef", r));
        p.related().ifPresent(r -> data.put("relatedTransactionId", r.transactionId().value()));
        if (p.amountDue() > 0) {
            data.put("amountDue", Long.toString(p.amountDue()));
        }
        for (Movement m : entry.movements()) {
            String key = m.key().asText();
            data.put("balance." + key, Long.toString(m.balanceDelta()));
            data.put("held." + key, Long.toString(m.heldDelta()));
            data.put("after." + key, Long.toString(entry.stateAfter().balance(m.key()).total()));
        }
        return new DomainEvent(eventId(entry), "ledger." + entry.type().name().toLowerCase(Locale.ROOT),
                entry.brand(), entry.time(), data);
    }
}
