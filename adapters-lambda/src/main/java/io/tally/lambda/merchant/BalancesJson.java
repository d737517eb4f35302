package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Hold;
import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * A card's balances on the wire. Per value type one entry with {@code isHold: false} whose {@code amount} is what
 * can be spent or held now (unexpired value minus open holds), then one entry per open hold with
 * {@code isHold: true}, its {@code amount} still reserved, {@code holdTransactionId} (to redeem from or release it)
 * and {@code holdExpiration}. The entries of a value type add up to its balance. Value types of the card's
 * program never touched appear with amount 0.
 */
final class BalancesJson {
    private BalancesJson() {
    }

    static void key(ObjectNode n, ValueTypeKey key) {
        n.put("balanceType", key.type().wireName());
        if (key.code() == null) {
            n.putNull("balanceCode");
        } else {
            n.put("balanceCode", key.code());
        }
    }

    static void put(ArrayNode out, CardState state, Scales scales, Instant now) {
        TreeSet<ValueTypeKey> keys = new TreeSet<>(Comparator.comparing(ValueTypeKey::asText));
        keys.addAll(state.balances().keySet());
        keys.addAll(scales.programKeys());
        for (ValueTypeKey key : keys) {
            Balance balance = state.balance(key);
            ObjectNode available = out.addObject();
            key(available, key);
            available.put("amount", scales.decimal(key, balance.spendable(now)));
            available.put("isHold", false);
            for (Hold hold : balance.holds()) {
                ObjectNode held = out.addObject();
                key(held, key);
                held.put("amount", scales.decimal(key, hold.remaining()));
                held.put("isHold", true);
                held.put("holdTransactionId", hold.id().value());
                held.put("holdExpiration", WireTime.format(hold.expiresAt()));
            }
        }
    }
}
