package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Movement;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cardHistory}: a card's transactions from {@code beginDate} (inclusive) to {@code endDate} (inclusive, to
 * the second), oldest first, {@code pageSize} (1-100, default 50) at a time; {@code nextCursor} continues.
 */
public final class CardHistoryMethod implements MerchantMethod {
    static final int DEFAULT_PAGE = 50;
    private static final int MAX_CURSOR = 1024;
    /** Open end of a range: later than any entry can be. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final CardQueriesUseCase queries;
    private final ValueTypes valueTypes;
    private final WireJson json;

    public CardHistoryMethod(CardQueriesUseCase queries, LoadProgramsPort programs, WireJson json) {
        this.queries = queries;
        this.valueTypes = new ValueTypes(programs);
        this.json = json;
    }

    @Override
    public String name() {
        return "cardHistory";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        CardNumber card = in.take(Fields.cardNumber(body, "cardNumber"), null);
        Instant from = in.take(WireTime.instant(body, "beginDate"), Optional.empty()).orElse(Instant.EPOCH);
        Instant to = in.take(WireTime.instant(body, "endDate"), Optional.empty()).map(t -> t.plusSeconds(1)).orElse(END_OF_TIME);
        int pageSize = in.take(Fields.integer(body, "pageSize", 1, io.tally.domain.ledger.CardLedgerPort.MAX_PAGE, DEFAULT_PAGE), DEFAULT_PAGE);
        Optional<String> cursor = in.take(Fields.text(body, "cursor", MAX_CURSOR), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        var brand = request.context().brand();
        Outcome<HistoryPage> page;
        try {
            page = queries.history(new CardQueriesUseCase.HistoryQuery(brand, card, from, to, pageSize, cursor));
        } catch (IllegalArgumentException foreignCursor) {
            // the cursor is opaque and only the ledger adapter can read it: one it cannot is the caller's mistake
            return Outcome.rejected(Reason.INVALID_REQUEST, "cursor is not one that cardHistory gave out.");
        }
        return page.map(p -> answer(brand, p));
    }

    private ObjectNode answer(io.tally.domain.tenant.BrandId brand, HistoryPage page) {
        ObjectNode out = json.createObjectNode();
        Set<ValueTypeKey> keys = new HashSet<>();
        page.entries().forEach(e -> keys.addAll(e.stateAfter().balances().keySet()));
        Scales scales = valueTypes.forKeys(brand, keys);
        ArrayNode list = out.putArray("transactions");
        page.entries().forEach(e -> transaction(list.addObject(), e, scales));
        if (page.next().isPresent()) {
            out.put("nextCursor", page.next().get());
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    private static void transaction(ObjectNode n, LedgerEntry e, Scales scales) {
        Posting p = e.posting();
        Origin o = p.origin();
        n.put("transactionId", e.transactionId().value());
        n.put("transactionTime", WireTime.format(e.time()));
        n.put("type", Fields.lower(e.type().name()));
        ArrayNode amounts = n.putArray("amounts");
        for (Movement m : e.movements()) {
            ObjectNode a = amounts.addObject();
            BalancesJson.key(a, m.key());
            a.put("amount", scales.decimal(m.key(), m.balanceDelta()));
            a.put("heldAmount", scales.decimal(m.key(), m.heldDelta()));
        }
        if (p.amountDue() > 0 && !e.movements().isEmpty()) {
            n.put("amountDue", scales.decimal(e.movements().get(0).key(), p.amountDue()));
        }
        BalancesJson.put(n.putArray("balancesAfter"), e.stateAfter(), scales, e.time());
        n.put("location", o.location().map(l -> l.value()).orElse(null));
        n.put("terminal", o.terminal().map(t -> t.value()).orElse(null));
        n.put("employee", o.employee().map(x -> x.value()).orElse(null));
        n.put("requestRef", o.requestRef().orElse(null));
        n.put("externalTransactionId", o.externalTransactionId().orElse(null));
        n.put("note", o.note().orElse(null));
        String related = p.related().map(r -> r.transactionId().value()).orElse(null);
        n.put("voidedTransactionId", e.type() == EntryType.VOID ? related : null);
        n.put("holdTransactionId", e.type() == EntryType.REDEEM || e.type() == EntryType.RELEASE ? related : null);
    }
}
