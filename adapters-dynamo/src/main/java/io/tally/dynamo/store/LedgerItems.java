package io.tally.dynamo.store;

import static io.tally.dynamo.store.Attr.n;
import static io.tally.dynamo.store.Attr.num;
import static io.tally.dynamo.store.Attr.s;
import static io.tally.dynamo.store.Attr.str;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.RequestMark;
import io.tally.domain.ledger.Slice;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a ledger entry to its item {@code CARD#n / SEQ#<19-digit sequence>} and back, by hand: the posting at the
 * top level, the full state after it as one nested map ({@code state}). Nested attribute names are one or two
 * letters because every entry repeats the whole state and DynamoDB counts names towards the 400 KB item limit
 * (see {@link ItemSize}). Empty collections and absent optionals are left out. Index keys: GSI1 the outbox (from the
 * write until the event is relayed), GSI4 the sweeper's due index when time will change the state.
 */
final class LedgerItems {
    static final String TYPE = "Entry";
    /** Partitions of the sweeper's due index and of the outbox; the shard is a stable hash of the card number. */
    static final int SHARDS = 8;
    static final String TIME = "at";

    private LedgerItems() {
    }

    /** The entry's item; it names the sweeper's due instant only where that changed since {@code previous} (if known). */
    static Map<String, AttributeValue> item(LedgerEntry e, Optional<LedgerEntry> previous) {
        Posting p = e.posting();
        String brand = p.brand().value();
        String card = p.card().value();
        var item = Attr.item(Keys.card(card), Keys.sequenceSk(p.sequence()), TYPE);
        item.put("brand", s(brand));
        item.put("card", s(card));
        item.put("seq", n(p.sequence()));
        item.put("txn", s(p.transactionId().value()));
        item.put("entryType", s(p.type().name()));
        item.put(TIME, s(p.time().toString()));
        putMap(item, "origin", origin(p.origin()));
        putList(item, "changes", p.changes(), LedgerItems::change);
        p.related().ifPresent(r -> item.put("related", AttributeValue.fromM(reference(r))));
        item.put("amountDue", n(p.amountDue()));
        item.put("state", AttributeValue.fromM(state(e.stateAfter())));
        item.put(TallyTable.GSI1.partitionKey(), s(Keys.outboxShard(shard(p.card()))));
        item.put(TallyTable.GSI1.sortKey(), s(Keys.outboxSk(p.time().toEpochMilli(), card, p.sequence())));
        Optional<Long> due = ExpireDueUseCase.nextDue(e).map(LedgerItems::ceilMillis);
        if (due.isPresent() && (previous.isEmpty() || !due.equals(ExpireDueUseCase.nextDue(previous.get()).map(LedgerItems::ceilMillis)))) {
            item.put(TallyTable.GSI4.partitionKey(), s(Keys.dueShard(shard(p.card()))));
            item.put(TallyTable.GSI4.sortKey(), s(Keys.dueSk(due.get(), brand, card)));
        }
        return item;
    }

    /** The claim of a card's ledger id: {@code LID#brand#id / LID}, holding the card number. */
    static Map<String, AttributeValue> ledgerIdItem(BrandId brand, LedgerId ledgerId, CardNumber card) {
        var item = Attr.item(Keys.ledgerId(brand.value(), ledgerId.value()), Keys.LEDGER_ID_SK, "LedgerId");
        item.put("card", s(card.value()));
        return item;
    }

    static LedgerEntry entry(Map<String, AttributeValue> i) {
        Posting posting = new Posting(new BrandId(str(i, "brand")), new CardNumber(str(i, "card")), num(i, "seq"),
                txn(str(i, "txn")), EntryType.valueOf(str(i, "entryType")), Instant.parse(str(i, TIME)),
                origin(map(i.get("origin"))), list(i.get("changes"), LedgerItems::change),
                Optional.ofNullable(i.get("related")).map(v -> reference(v.m())), num(i, "amountDue"));
        return new LedgerEntry(posting, state(i.get("state").m()));
    }

    static boolean isEntry(Map<String, AttributeValue> i) {
        return TYPE.equals(str(i, "type"));
    }

    /** The shard of a card in the due index and the outbox: a stable hash of its number. */
    static int shard(CardNumber card) {
        return Math.floorMod(card.value().hashCode(), SHARDS); // String.hashCode is fixed by the JLS
    }

    /** Rounded up: an index entry must never claim "due" before the state itself is due. */
    static long ceilMillis(Instant at) {
        return at.toEpochMilli() + (at.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    private static Map<String, AttributeValue> origin(Origin o) {
        Map<String, AttributeValue> m = new HashMap<>();
        o.location().ifPresent(v -> m.put("l", s(v.value())));
        o.terminal().ifPresent(v -> m.put("t", s(v.value())));
        o.employee().ifPresent(v -> m.put("e", s(v.value())));
        o.externalTransactionId().ifPresent(v -> m.put("x", s(v)));
        o.note().ifPresent(v -> m.put("n", s(v)));
        o.requestRef().ifPresent(v -> m.put("r", s(v)));
        o.request().ifPresent(r -> {
            m.put("ri", s(r.customRequestId()));
            m.put("rf", s(r.fingerprint()));
        });
        return m;
    }

    private static Origin origin(Map<String, AttributeValue> m) {
        Optional<Origin.RequestKey> request = opt(m, "ri").map(id -> new Origin.RequestKey(id, str(m, "rf")));
        return new Origin(opt(m, "l").map(LocationId::new), opt(m, "t").map(TerminalId::new),
                opt(m, "e").map(EmployeeId::new), opt(m, "x"), opt(m, "n"), opt(m, "r"), request);
    }

    private static AttributeValue change(Change c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("k", s(c.key().asText()));
        if (c instanceof Change.AddBucket add) {
            m.put("c", s("add"));
            m.put("b", AttributeValue.fromM(bucket(add.bucket())));
        } else if (c instanceof Change.TopUp top) {
            m.put("c", s("topup"));
            m.put("s", s(top.bucket().value()));
            m.put("a", n(top.amount()));
        } else if (c instanceof Change.Take take) {
            m.put("c", s("take"));
            m.put("sl", AttributeValue.fromM(slice(take.slice())));
        } else if (c instanceof Change.Restore restore) {
            m.put("c", s("restore"));
            m.put("sl", AttributeValue.fromM(slice(restore.slice())));
        } else if (c instanceof Change.OpenHold open) {
            m.put("c", s("hold"));
            m.put("h", AttributeValue.fromM(hold(open.hold())));
        } else {
            Change.ReduceHold reduce = (Change.ReduceHold) c;
            m.put("c", s("reduce"));
            m.put("hid", s(reduce.hold().value()));
            m.put("a", n(reduce.amount()));
        }
        return AttributeValue.fromM(m);
    }

    private static Change change(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        ValueTypeKey key = ValueTypeKey.parseText(str(m, "k"));
        return switch (str(m, "c")) {
            case "add" -> new Change.AddBucket(key, bucket(m.get("b").m()));
            case "topup" -> new Change.TopUp(key, txn(str(m, "s")), num(m, "a"));
            case "take" -> new Change.Take(key, slice(m.get("sl").m()));
            case "restore" -> new Change.Restore(key, slice(m.get("sl").m()));
            case "hold" -> new Change.OpenHold(key, hold(m.get("h").m()));
            case "reduce" -> new Change.ReduceHold(key, txn(str(m, "hid")), num(m, "a"));
            default -> throw new IllegalStateException("unknown change kind " + str(m, "c"));
        };
    }

    private static Map<String, AttributeValue> bucket(Bucket b) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("s", s(b.source().value()));
        m.put("i", n(b.issued()));
        m.put("r", n(b.remaining()));
        b.expiresAt().ifPresent(e -> m.put("e", s(e.toString())));
        if (b.returnRelated()) {
            m.put("c", AttributeValue.fromBool(true));
        }
        return m;
    }

    private static Bucket bucket(Map<String, AttributeValue> m) {
        return new Bucket(txn(str(m, "s")), num(m, "i"), num(m, "r"), opt(m, "e").map(Instant::parse), Attr.bool(m, "c"));
    }

    private static Map<String, AttributeValue> slice(Slice sl) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("s", s(sl.source().value()));
        m.put("a", n(sl.amount()));
        m.put("i", n(sl.issued()));
        sl.expiresAt().ifPresent(e -> m.put("e", s(e.toString())));
        if (sl.returnRelated()) {
            m.put("c", AttributeValue.fromBool(true));
        }
        return m;
    }

    private static Slice slice(Map<String, AttributeValue> m) {
        return new Slice(txn(str(m, "s")), num(m, "a"), num(m, "i"), opt(m, "e").map(Instant::parse), Attr.bool(m, "c"));
    }

    private static Map<String, AttributeValue> hold(Hold h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(h.id().value()));
        m.put("q", n(h.sequence()));
        m.put("a", n(h.amount()));
        m.put("r", n(h.remaining()));
        m.put("e", s(h.expiresAt().toString()));
        return m;
    }

    private static Hold hold(Map<String, AttributeValue> m) {
        return new Hold(txn(str(m, "id")), num(m, "q"), num(m, "a"), num(m, "r"), Instant.parse(str(m, "e")));
    }

    private static Map<String, AttributeValue> reference(Reference r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("t", s(r.transactionId().value()));
        m.put("q", n(r.sequence()));
        return m;
    }

    private static Reference reference(Map<String, AttributeValue> m) {
        return new Reference(txn(str(m, "t")), num(m, "q"));
    }

    private static Map<String, AttributeValue> state(CardState st) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("q", n(st.sequence()));
        putList(m, "b", st.balanceList(), LedgerItems::balance);
        Map<String, AttributeValue> voided = new HashMap<>();
        st.voided().forEach((id, seq) -> voided.put(id.value(), n(seq)));
        putMap(m, "v", voided);
        putList(m, "rr", st.recentRequests(), LedgerItems::mark);
        st.enrolledAt().ifPresent(e -> m.put("en", s(e.toString())));
        st.ledgerId().ifPresent(l -> m.put("l", s(l.value())));
        return m;
    }

    private static CardState state(Map<String, AttributeValue> m) {
        Map<ValueTypeKey, Balance> balances = new HashMap<>();
        for (Balance b : list(m.get("b"), LedgerItems::balance)) {
            balances.put(b.key(), b);
        }
        Map<TransactionId, Long> voided = new HashMap<>();
        map(m.get("v")).forEach((id, seq) -> voided.put(txn(id), Long.parseLong(seq.n())));
        return new CardState(num(m, "q"), balances, voided, list(m.get("rr"), LedgerItems::mark),
                opt(m, "en").map(Instant::parse), opt(m, "l").map(LedgerId::new));
    }

    private static AttributeValue balance(Balance b) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("k", s(b.key().asText()));
        putList(m, "bk", b.buckets(), x -> AttributeValue.fromM(bucket(x)));
        putList(m, "h", b.holds(), x -> AttributeValue.fromM(hold(x)));
        return AttributeValue.fromM(m);
    }

    private static Balance balance(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Balance(ValueTypeKey.parseText(str(m, "k")), list(m.get("bk"), x -> bucket(x.m())),
                list(m.get("h"), x -> hold(x.m())));
    }

    private static AttributeValue mark(RequestMark r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("i", s(r.customRequestId()));
        m.put("f", s(r.fingerprint()));
        m.put("t", s(r.transactionId().value()));
        m.put("q", n(r.sequence()));
        return AttributeValue.fromM(m);
    }

    private static RequestMark mark(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new RequestMark(str(m, "i"), str(m, "f"), txn(str(m, "t")), num(m, "q"));
    }

    private static TransactionId txn(String value) {
        return new TransactionId(value);
    }

    private static Optional<String> opt(Map<String, AttributeValue> m, String name) {
        return Attr.optStr(m, name);
    }

    private static <T> void putList(Map<String, AttributeValue> into, String name, List<T> values,
                                    Function<T, AttributeValue> map) {
        if (!values.isEmpty()) {
            into.put(name, AttributeValue.fromL(values.stream().map(map).toList()));
        }
    }

    private static void putMap(Map<String, AttributeValue> into, String name, Map<String, AttributeValue> value) {
        if (!value.isEmpty()) {
            into.put(name, AttributeValue.fromM(value));
        }
    }

    private static <T> List<T> list(AttributeValue v, Function<AttributeValue, T> map) {
        List<T> out = new ArrayList<>();
        if (v != null && v.hasL()) {
            v.l().forEach(x -> out.add(map.apply(x)));
        }
        return out;
    }

    private static Map<String, AttributeValue> map(AttributeValue v) {
        return v != null && v.hasM() ? v.m() : Map.of();
    }
}
