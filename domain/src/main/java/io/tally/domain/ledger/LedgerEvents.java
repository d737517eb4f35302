package io.tally.domain.ledger;

import io.tally.domain.event.DomainEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event told about each ledger entry. Its id derives from brand and transaction id, so publishing it
 * again after a crash or a repeated request is harmless (consumers de-duplicate on the id).
 * Type: {@code ledger.issue}, {@code ledger.redeem}, … Data: flat strings; amounts in minor units,
 * per value type as {@code balance.<key>} (signed change), {@code held.<key>} and {@code after.<key>}.
 * A CHECKOUT adds its sale for Explore Data's commerce figures: {@code checkout.key} (names the sale across the cards
 * it touched), {@code checkout.stage} (SETUP or COMMIT), {@code checkout.total} (the checkout total, a decimal in the
 * checkout currency), per SKU of the basket {@code sku.<sku>} (the quantity bought, a decimal) and
 * {@code skuamount.<sku>} (its lines' amount, quantity × unit price as the till sent them, a decimal of the checkout
 * currency, not rounded; before the campaigns' discounts, as the total is): revenue attribution's SKU tags read it.
 */
public final class LedgerEvents {
    /** The prefix of a CHECKOUT's per-SKU amounts ({@code skuamount.<sku>}). */
    public static final String SKU_AMOUNT = "skuamount.";

    private LedgerEvents() {
    }

    public static String eventId(LedgerEntry entry) {
        return "txn-" + entry.brand().value() + "-" + entry.transactionId().value();
    }

    private static void sale(CheckoutFacts sale, Map<String, String> data) {
        data.put("checkout.key", sale.key());
        data.put("checkout.stage", sale.stage().name());
        data.put("checkout.total", sale.checkoutTotal().toPlainString());
        Map<String, BigDecimal> skus = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (CheckoutFacts.Line line : sale.lines()) {
            skus.merge(line.sku(), line.quantity(), BigDecimal::add);
            amounts.merge(line.sku(), line.quantity().multiply(line.unitPrice()), BigDecimal::add);
        }
        skus.forEach((sku, quantity) -> data.put("sku." + sku, quantity.toPlainString()));
        amounts.forEach((sku, amount) -> data.put(SKU_AMOUNT + sku, amount.toPlainString()));
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
        if (entry.type() == EntryType.CHECKOUT) {
            p.checkout().ifPresent(sale -> sale(sale, data));
        }
        return new DomainEvent(eventId(entry), "ledger." + entry.type().name().toLowerCase(Locale.ROOT),
                entry.brand(), entry.time(), data);
    }
}
