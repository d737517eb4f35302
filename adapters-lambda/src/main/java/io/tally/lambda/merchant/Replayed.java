package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.ledger.BalanceResult;
import io.tally.sqs.json.WireJson;

/**
 * The answer of a ledger method to a repeated request is rebuilt from the entry the first attempt wrote: it carries
 * that attempt's requestRef (kept in the entry's origin), which the envelope then sends instead of a fresh one, so a
 * repeat gets the first body byte for byte.
 */
final class Replayed {
    private Replayed() {
    }

    /** A fresh answer object, holding the first attempt's {@code requestRef} when the result is a replay. */
    static ObjectNode envelopeFields(WireJson json, BalanceResult result) {
        ObjectNode out = json.createObjectNode();
        if (result.replayed()) {
            result.entry().posting().origin().requestRef().ifPresent(ref -> out.put("requestRef", ref));
        }
        return out;
    }
}
