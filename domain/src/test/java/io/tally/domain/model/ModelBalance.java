package io.tally.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * A balance as the spec defines it at one instant.
 *
 * @param total       all value on the card: unexpired value plus kept expired value
 * @param held        what the open holds still reserve
 * @param available   unexpired value minus what the holds reserve beyond the kept value (= total − held)
 * @param storeCredit the part of the total that is store credit (kept store credit included)
 * @param holds       the open holds, by id
 */
public record ModelBalance(long total, long held, long available, long storeCredit, List<OpenHold> holds) {
    /** One open hold as the balances show it. */
    public record OpenHold(String id, long remaining, Instant lapse) {
    }
}
