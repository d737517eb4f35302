package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.CheckoutStats;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The ledger's item types as enhanced-client schemas. An entry is the item {@code CARD#n / SEQ#<19-digit sequence>}:
 * the posting at the top level, the full state after it as one nested document ({@code state}). Nested attribute
 * names are one or two letters because the head entry carries the whole state and DynamoDB counts names towards the
 * 400 KB item limit (see {@link ItemSize}); empty collections and absent optionals are left out. Index keys: GSI1 the
 * outbox (from the write until the event is relayed), GSI4 the sweeper's due index where the entry changes its
 * card's due instant. Both indexes project only keys and a few small attributes (docs/ARCHITECTURE.md), so the state
 * is stored once, in the table.
 */
final class LedgerItems {
    static final String TYPE = "Entry";
    /** Partitions of the sweeper's due index and of the outbox; the shard is a stable hash of the card number. */
    static final int SHARDS = 8;
    static final String TIME = "at";
    /** An origin with nothing in it is stored as an empty document, which reads back as absent. */
    static final Origin NO_ORIGIN = new Origin(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private LedgerItems() {
    }

    /**
     * An entry as stored: with the outbox keys unless {@code outbox} is false (imported history is not news), and the
     * due index keys where {@code namesDue} (the entry changed its card's due instant).
     */
    record EntryItem(LedgerEntry entry, boolean outbox, boolean namesDue) {
        Posting posting() {
            return entry.posting();
        }

        Optional<Long> due() {
            return namesDue ? dueMillis(entry) : Optional.empty();
        }
    }

    /** The claim of a card's ledger id: {@code LID#brand#id / LID}, holding the card number. */
    record LedgerIdItem(String pk, CardNumber card) {
        static LedgerIdItem of(BrandId brand, LedgerId ledgerId, CardNumber card) {
            return new LedgerIdItem(Keys.ledgerId(brand.value(), ledgerId.value()), card);
        }
    }

    static final StaticImmutableTableSchema<Origin, ItemValues> ORIGIN = ItemSchema.of(Origin.class, LedgerItems::origin,
                    LedgerItems::value)
            .string("l")
            .string("t")
            .string("e")
            .string("x")
            .string("n")
            .string("r")
            .string("ri")
            .string("rf")
            .build();

    private static final StaticImmutableTableSchema<Bucket, ItemValues> BUCKET = ItemSchema.of(Bucket.class, LedgerItems::bucket,
                    LedgerItems::value)
            .string("s")
            .number("i")
            .number("r")
            .string("e")
            .flag("c")
            .build();

    private static final StaticImmutableTableSchema<Slice, ItemValues> SLICE = ItemSchema.of(Slice.class, LedgerItems::slice,
                    LedgerItems::value)
            .string("s")
            .number("a")
            .number("i")
            .string("e")
            .flag("c")
            .build();

    private static final StaticImmutableTableSchema<Hold, ItemValues> HOLD = ItemSchema.of(Hold.class, LedgerItems::hold,
                    LedgerItems::value)
            .string("id")
            .number("q")
            .number("a")
            .number("r")
            .string("e")
            .build();

    /** A change, by kind ({@code c}): add, topup, take, restore, hold, reduce; only the kind's attributes are stored. */
    private static final StaticImmutableTableSchema<Change, ItemValues> CHANGE = ItemSchema.of(Change.class, LedgerItems::change,
                    LedgerItems::value)
            .string("k")
            .string("c")
            .document("b", Bucket.class, BUCKET)
            .string("s")
            .number("a")
            .document("sl", Slice.class, SLICE)
            .document("h", Hold.class, HOLD)
            .string("hid")
            .build();

    private static final StaticImmutableTableSchema<Reference, ItemValues> REFERENCE = ItemSchema.of(Reference.class,
                    v -> new Reference(txn(v.string("t")), v.number("q")), LedgerItems::value)
            .string("t")
            .number("q")
            .build();

    private static final StaticImmutableTableSchema<Balance, ItemValues> BALANCE = ItemSchema.of(Balance.class,
                    v -> new Balance(ValueTypeKey.parseText(v.string("k")), v.list("bk"), v.list("h")), LedgerItems::value)
            .string("k")
            .documents("bk", Bucket.class, BUCKET)
            .documents("h", Hold.class, HOLD)
            .build();

    private static final StaticImmutableTableSchema<RequestMark, ItemValues> MARK = ItemSchema.of(RequestMark.class,
                    v -> new RequestMark(v.string("i"), v.string("f"), txn(v.string("t")), v.number("q")), LedgerItems::value)
            .string("i")
            .string("f")
            .string("t")
            .number("q")
            .build();

    private static final StaticImmutableTableSchema<CardState, ItemValues> STATE = ItemSchema.of(CardState.class, LedgerItems::state,
                    LedgerItems::value)
            .number("q")
            .documents("b", Balance.class, BALANCE)
            .numbers("v")
            .documents("rr", RequestMark.class, MARK)
            .string("en")
            .string("l")
            .lazyDocument("co", CheckoutStats.class, () -> Checkouts.STATS)
            .build();

    static final StaticImmutableTableSchema<EntryItem, ItemValues> ENTRY = ItemSchema.of(EntryItem.class, LedgerItems::entryItem,
                    LedgerItems::value)
            .key(TYPE)
            .string("brand")
            .string("card")
            .number("seq")
            .string("txn")
            .string("entryType")
            .string(TIME)
            .document("origin", Origin.class, ORIGIN)
            .documents("changes", Change.class, CHANGE)
            .document("related", Reference.class, REFERENCE)
            .number("amountDue")
            .lazyDocument("checkout", CheckoutFacts.class, () -> Checkouts.CHECKOUT)
            .document("state", CardState.class, STATE)
            .index(TallyTable.GSI1)
            .index(TallyTable.GSI4)
            .build();

    static final StaticImmutableTableSchema<LedgerIdItem, ItemValues> LEDGER_ID = ItemSchema.of(LedgerIdItem.class,
                    v -> new LedgerIdItem(v.string(TallyTable.PK), new CardNumber(v.string("card"))), LedgerItems::value)
            .key("LedgerId")
            .string("card")
            .build();

    private record NamedFires(String campaign, CheckoutStats.Fires fires) {
    }

    /**
     * The schemas of a checkout's documents (an entry's sale, a card state's checkout statistics), in a holder class: the
     * entry's and the state's schemas take them on first use ({@link ItemSchema#lazyDocument}), so a container whose
     * entries hold no checkout never builds them (a cold {@code updateBalance}: docs/PERFORMANCE.md, "The run
     * after lazy documents").
     */
    static final class Checkouts {
        private Checkouts() {
        }

        /**
         * A checkout's sale (CHECKOUT entries, and the VOID of one without its basket). Lines, mutations and explanations are
         * tab-separated strings, not nested maps: a sale of 20 lines explained by 50 campaigns is written, read back as the
         * next head and mapped on every call of the card, and a list of strings is less than half the bytes of a list of maps
         * (SKUs, campaign ids and value type keys hold no tab; an explanation's text is the rest of its string).
         */
        static final StaticImmutableTableSchema<CheckoutFacts, ItemValues> CHECKOUT = ItemSchema.of(CheckoutFacts.class,
                        LedgerItems::checkout)
                .string("k", CheckoutFacts::key)
                .string("st", f -> f.stage().name())
                .string("u", f -> f.until().map(Instant::toString).orElse(null))
                .stringList("ln", f -> f.lines().stream().map(LedgerItems::line).toList())
                .string("tot", f -> f.checkoutTotal().toPlainString())
                .string("dis", f -> f.totalDiscount().toPlainString())
                .stringList("m", f -> f.mutations().stream().map(LedgerItems::mutation).toList())
                .stringList("cu", CheckoutFacts::couponsUsed)
                .stringList("ca", CheckoutFacts::couponsAwarded)
                .stringList("ex", f -> f.explanations().stream().map(LedgerItems::explained).toList())
                .stringList("msg", CheckoutFacts::messages)
                .stringList("pf", f -> f.perCardFires().stream().map(CheckoutFacts.PerCardFire::campaign).toList())
                .string("pk", LedgerItems::keeps)
                .build();

        private static final StaticImmutableTableSchema<CheckoutStats.Fire, ItemValues> FIRE = ItemSchema.of(CheckoutStats.Fire.class,
                        v -> new CheckoutStats.Fire(Instant.parse(v.string("t")), v.number("q")))
                .string("t", f -> f.at().toString())
                .number("q", CheckoutStats.Fire::sequence)
                .build();

        private static final StaticImmutableTableSchema<NamedFires, ItemValues> FIRES = ItemSchema.of(NamedFires.class,
                        v -> new NamedFires(v.string("c"), fires(v)))
                .string("c", NamedFires::campaign)
                .number("n", f -> f.fires().total())
                .number("l", f -> f.fires().last())
                .documents("r", CheckoutStats.Fire.class, FIRE, f -> f.fires().recent())
                .build();

        /** A card's checkout statistics; none is stored as nothing (states from before checkouts read back as none). */
        static final StaticImmutableTableSchema<CheckoutStats, ItemValues> STATS = ItemSchema.of(CheckoutStats.class,
                        LedgerItems::stats)
                .number("n", CheckoutStats::count)
                .documents("f", NamedFires.class, FIRES, s -> s.fires().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(e -> new NamedFires(e.getKey(), e.getValue())).toList())
                .build();
    }

    /**
     * Maps a sample entry (a bucket issued, a hold opened, a request mark, an origin) and a card through their schemas
     * and back, in memory: loads and links every converter an entry and a card need, for SnapStart's snapshot. The
     * documents' schemas taken on first use (checkouts, customers) are built too: before a snapshot they cost nothing.
     */
    static void prime(BrandId brand, CardNumber card) {
        List.of(Checkouts.CHECKOUT, Checkouts.STATS, CustomerSchema.SCHEMA).forEach(Objects::requireNonNull);
        mapSamples(brand, card, true);
    }

    /**
     * Maps a sample entry and card to items and back, as {@link #prime} does; {@code compare} also checks that each came
     * back equal (which a request never does: at a cold start its records' generated {@code equals} only costs). The
     * documents' schemas taken on first use are left alone.
     */
    static void mapSamples(BrandId brand, CardNumber card, boolean compare) {
        TransactionId txn = new TransactionId("1");
        Instant at = Instant.EPOCH;
        ValueTypeKey key = ValueTypeKey.currency("USD");
        Origin origin = new Origin(Optional.of(new LocationId("L")), Optional.of(new TerminalId("T")), Optional.empty(),
                Optional.of("x"), Optional.empty(), Optional.of("r"), Optional.of(new Origin.RequestKey("id", "fp")));
        Posting posting = new Posting(brand, card, 1, txn, EntryType.ISSUE, at, origin,
                List.of(new Change.AddBucket(key, new Bucket(txn, 100, 100, Optional.of(at.plusSeconds(60)), false)),
                        new Change.OpenHold(key, new Hold(txn, 1, 10, 10, at.plusSeconds(30)))),
                Optional.of(new Reference(txn, 1)), 0);
        CardState state = new CardState(1, Map.of(key, new Balance(key, List.of(new Bucket(txn, 100, 100, Optional.empty(),
                false)), List.of(new Hold(txn, 1, 10, 10, at.plusSeconds(30))))), Map.of(txn, 1L),
                List.of(new RequestMark("id", "fp", txn, 1)), Optional.of(at), Optional.of(new LedgerId("0000000001")));
        EntryItem item = new EntryItem(new LedgerEntry(posting, state), true, true);
        LedgerEntry back = ENTRY.mapToItem(ENTRY.itemToMap(item, true)).entry();
        if (compare && !back.equals(item.entry())) {
            throw new IllegalStateException("an entry did not map back to itself");
        }
        var profile = io.tally.domain.card.Card.unallocated(brand, card, new io.tally.domain.program.ProgramId("P"),
                new io.tally.domain.program.CardSetId("S"));
        var profileBack = CardItems.SCHEMA.mapToItem(CardItems.SCHEMA.itemToMap(profile, true));
        if (compare && !profileBack.equals(profile)) {
            throw new IllegalStateException("a card did not map back to itself");
        }
    }

    /** The entry as stored after {@code previous} (if known): in the outbox, naming its due instant where that changed. */
    static EntryItem item(LedgerEntry e, Optional<LedgerEntry> previous) {
        Optional<Long> due = dueMillis(e);
        return new EntryItem(e, true, due.isPresent() && (previous.isEmpty() || !due.equals(dueMillis(previous.get()))));
    }

    /** The shard of a card in the due index and the outbox: a stable hash of its number. */
    static int shard(CardNumber card) {
        return Math.floorMod(card.value().hashCode(), SHARDS); // String.hashCode is fixed by the JLS
    }

    /** Rounded up: an index entry must never claim "due" before the state itself is due. */
    static long ceilMillis(Instant at) {
        return at.toEpochMilli() + (at.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    private static Optional<Long> dueMillis(LedgerEntry e) {
        return ExpireDueUseCase.nextDue(e).map(LedgerItems::ceilMillis);
    }

    // Each type's attributes by name (ItemSchema.Attributes), in the order its schema declares them.

    private static Object value(Origin o, String name) {
        return switch (name) {
            case "l" -> o.location().map(LocationId::value).orElse(null);
            case "t" -> o.terminal().map(TerminalId::value).orElse(null);
            case "e" -> o.employee().map(EmployeeId::value).orElse(null);
            case "x" -> o.externalTransactionId().orElse(null);
            case "n" -> o.note().orElse(null);
            case "r" -> o.requestRef().orElse(null);
            case "ri" -> o.request().map(Origin.RequestKey::customRequestId).orElse(null);
            case "rf" -> o.request().map(Origin.RequestKey::fingerprint).orElse(null);
            default -> throw ItemSchema.unknown(Origin.class, name);
        };
    }

    private static Object value(Bucket b, String name) {
        return switch (name) {
            case "s" -> b.source().value();
            case "i" -> b.issued();
            case "r" -> b.remaining();
            case "e" -> b.expiresAt().map(Instant::toString).orElse(null);
            case "c" -> b.returnRelated();
            default -> throw ItemSchema.unknown(Bucket.class, name);
        };
    }

    private static Object value(Slice x, String name) {
        return switch (name) {
            case "s" -> x.source().value();
            case "a" -> x.amount();
            case "i" -> x.issued();
            case "e" -> x.expiresAt().map(Instant::toString).orElse(null);
            case "c" -> x.returnRelated();
            default -> throw ItemSchema.unknown(Slice.class, name);
        };
    }

    private static Object value(Hold h, String name) {
        return switch (name) {
            case "id" -> h.id().value();
            case "q" -> h.sequence();
            case "a" -> h.amount();
            case "r" -> h.remaining();
            case "e" -> h.expiresAt().toString();
            default -> throw ItemSchema.unknown(Hold.class, name);
        };
    }

    private static Object value(Change c, String name) {
        return switch (name) {
            case "k" -> c.key().asText();
            case "c" -> kind(c);
            case "b" -> c instanceof Change.AddBucket add ? add.bucket() : null;
            case "s" -> c instanceof Change.TopUp top ? top.bucket().value() : null;
            case "a" -> c instanceof Change.TopUp top ? Long.valueOf(top.amount())
                    : c instanceof Change.ReduceHold reduce ? Long.valueOf(reduce.amount()) : null;
            case "sl" -> c instanceof Change.Take take ? take.slice() : c instanceof Change.Restore restore ? restore.slice() : null;
            case "h" -> c instanceof Change.OpenHold open ? open.hold() : null;
            case "hid" -> c instanceof Change.ReduceHold reduce ? reduce.hold().value() : null;
            default -> throw ItemSchema.unknown(Change.class, name);
        };
    }

    private static Object value(Reference r, String name) {
        return switch (name) {
            case "t" -> r.transactionId().value();
            case "q" -> r.sequence();
            default -> throw ItemSchema.unknown(Reference.class, name);
        };
    }

    private static Object value(Balance b, String name) {
        return switch (name) {
            case "k" -> b.key().asText();
            case "bk" -> b.buckets();
            case "h" -> b.holds();
            default -> throw ItemSchema.unknown(Balance.class, name);
        };
    }

    private static Object value(RequestMark r, String name) {
        return switch (name) {
            case "i" -> r.customRequestId();
            case "f" -> r.fingerprint();
            case "t" -> r.transactionId().value();
            case "q" -> r.sequence();
            default -> throw ItemSchema.unknown(RequestMark.class, name);
        };
    }

    private static Object value(CardState s, String name) {
        return switch (name) {
            case "q" -> s.sequence();
            case "b" -> s.balanceList();
            case "v" -> voided(s);
            case "rr" -> s.recentRequests();
            case "en" -> s.enrolledAt().map(Instant::toString).orElse(null);
            case "l" -> s.ledgerId().map(LedgerId::value).orElse(null);
            case "co" -> s.checkouts().count() == 0 && s.checkouts().fires().isEmpty() ? null : s.checkouts();
            default -> throw ItemSchema.unknown(CardState.class, name);
        };
    }

    /** An entry: its posting at the top level, its state as a document; GSI1 the outbox, GSI4 the due index. */
    private static Object value(EntryItem e, String name) {
        Posting p = e.posting();
        return switch (name) {
            case TallyTable.PK -> Keys.card(p.card().value());
            case TallyTable.SK -> Keys.sequenceSk(p.sequence());
            case "brand" -> p.brand().value();
            case "card" -> p.card().value();
            case "seq" -> p.sequence();
            case "txn" -> p.transactionId().value();
            case "entryType" -> p.type().name();
            case TIME -> p.time().toString();
            case "origin" -> p.origin();
            case "changes" -> p.changes();
            case "related" -> p.related().orElse(null);
            case "amountDue" -> p.amountDue();
            case "checkout" -> p.checkout().orElse(null);
            case "state" -> e.entry().stateAfter();
            case "GSI1PK" -> e.outbox() ? Keys.outboxShard(shard(p.card())) : null;
            case "GSI1SK" -> e.outbox() ? Keys.outboxSk(p.time().toEpochMilli(), p.card().value(), p.sequence()) : null;
            case "GSI4PK" -> e.due().isPresent() ? Keys.dueShard(shard(p.card())) : null;
            case "GSI4SK" -> e.due().map(d -> Keys.dueSk(d, p.brand().value(), p.card().value())).orElse(null);
            default -> throw ItemSchema.unknown(EntryItem.class, name);
        };
    }

    private static Object value(LedgerIdItem l, String name) {
        return switch (name) {
            case TallyTable.PK -> l.pk();
            case TallyTable.SK -> Keys.LEDGER_ID_SK;
            case "card" -> l.card().value();
            default -> throw ItemSchema.unknown(LedgerIdItem.class, name);
        };
    }

    private static EntryItem entryItem(ItemValues v) {
        Posting posting = new Posting(new BrandId(v.string("brand")), new CardNumber(v.string("card")), v.number("seq"),
                txn(v.string("txn")), EntryType.valueOf(v.string("entryType")), Instant.parse(v.string(TIME)),
                v.<Origin>document("origin").orElse(NO_ORIGIN), v.list("changes"), v.document("related"),
                v.number("amountDue"), v.document("checkout"));
        boolean outbox = v.optString(TallyTable.GSI1.partitionKey()).isPresent();
        boolean namesDue = v.optString(TallyTable.GSI4.partitionKey()).isPresent();
        return new EntryItem(new LedgerEntry(posting, v.<CardState>document("state").orElseThrow()), outbox, namesDue);
    }

    private static Origin origin(ItemValues v) {
        Optional<Origin.RequestKey> request = v.optString("ri").map(id -> new Origin.RequestKey(id, v.string("rf")));
        return new Origin(v.optString("l").map(LocationId::new), v.optString("t").map(TerminalId::new),
                v.optString("e").map(EmployeeId::new), v.optString("x"), v.optString("n"), v.optString("r"), request);
    }

    private static String kind(Change c) {
        if (c instanceof Change.AddBucket) {
            return "add";
        } else if (c instanceof Change.TopUp) {
            return "topup";
        } else if (c instanceof Change.Take) {
            return "take";
        } else if (c instanceof Change.Restore) {
            return "restore";
        } else if (c instanceof Change.OpenHold) {
            return "hold";
        }
        return "reduce";
    }

    private static Change change(ItemValues v) {
        ValueTypeKey key = ValueTypeKey.parseText(v.string("k"));
        return switch (v.string("c")) {
            case "add" -> new Change.AddBucket(key, v.<Bucket>document("b").orElseThrow());
            case "topup" -> new Change.TopUp(key, txn(v.string("s")), v.number("a"));
            case "take" -> new Change.Take(key, v.<Slice>document("sl").orElseThrow());
            case "restore" -> new Change.Restore(key, v.<Slice>document("sl").orElseThrow());
            case "hold" -> new Change.OpenHold(key, v.<Hold>document("h").orElseThrow());
            case "reduce" -> new Change.ReduceHold(key, txn(v.string("hid")), v.number("a"));
            default -> throw new IllegalStateException("unknown change kind " + v.string("c"));
        };
    }

    private static Bucket bucket(ItemValues v) {
        return new Bucket(txn(v.string("s")), v.number("i"), v.number("r"), v.optString("e").map(Instant::parse), v.bool("c"));
    }

    private static Slice slice(ItemValues v) {
        return new Slice(txn(v.string("s")), v.number("a"), v.number("i"), v.optString("e").map(Instant::parse), v.bool("c"));
    }

    private static Hold hold(ItemValues v) {
        return new Hold(txn(v.string("id")), v.number("q"), v.number("a"), v.number("r"), Instant.parse(v.string("e")));
    }

    private static Map<String, Long> voided(CardState s) {
        Map<String, Long> voided = new HashMap<>();
        s.voided().forEach((id, seq) -> voided.put(id.value(), seq));
        return voided;
    }

    private static CardState state(ItemValues v) {
        Map<ValueTypeKey, Balance> balances = new HashMap<>();
        for (Balance b : v.<Balance>list("b")) {
            balances.put(b.key(), b);
        }
        Map<TransactionId, Long> voided = new HashMap<>();
        v.<String, Long>map("v").forEach((id, seq) -> voided.put(txn(id), seq));
        List<RequestMark> marks = v.list("rr");
        return new CardState(v.number("q"), balances, voided, marks, v.optString("en").map(Instant::parse),
                v.optString("l").map(LedgerId::new), v.<CheckoutStats>document("co").orElse(CheckoutStats.NONE));
    }

    private static CheckoutFacts checkout(ItemValues v) {
        return new CheckoutFacts(v.string("k"), CheckoutFacts.Stage.valueOf(v.string("st")), v.optString("u").map(Instant::parse),
                v.<String>list("ln").stream().map(LedgerItems::line).toList(), new BigDecimal(v.string("tot")),
                new BigDecimal(v.string("dis")), v.<String>list("m").stream().map(LedgerItems::mutation).toList(), v.list("cu"),
                v.list("ca"), v.<String>list("ex").stream().map(LedgerItems::explained).toList(), v.list("msg"),
                perCardFires(v.list("pf"), v.optString("pk")));
    }

    /**
     * How many firings each of {@code pf}'s campaigns keeps, in its order, comma-separated: a string of its own beside
     * {@code pf} (which stays a list of campaign ids), so that code from before keep counts reads these entries too.
     */
    private static String keeps(CheckoutFacts f) {
        return f.perCardFires().isEmpty() ? null
                : f.perCardFires().stream().map(p -> Integer.toString(p.keep())).collect(Collectors.joining(","));
    }

    /** A sale recorded before keep counts has no {@code pk}: its campaigns keep what they kept then. */
    private static List<CheckoutFacts.PerCardFire> perCardFires(List<String> campaigns, Optional<String> keeps) {
        if (keeps.isEmpty()) {
            return campaigns.stream().map(CheckoutFacts.PerCardFire::recorded).toList();
        }
        String[] keep = keeps.get().split(",");
        if (keep.length != campaigns.size()) {
            throw new IllegalStateException("a sale's pk does not match its pf: " + keeps.get());
        }
        List<CheckoutFacts.PerCardFire> out = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            out.add(new CheckoutFacts.PerCardFire(campaigns.get(i), Integer.parseInt(keep[i])));
        }
        return out;
    }

    private static final char TAB = '\t';

    private static String line(CheckoutFacts.Line l) {
        return l.sku() + TAB + l.quantity().toPlainString() + TAB + l.unitPrice().toPlainString();
    }

    private static CheckoutFacts.Line line(String s) {
        String[] p = s.split("\t", 3);
        return new CheckoutFacts.Line(p[0], new BigDecimal(p[1]), new BigDecimal(p[2]));
    }

    private static String mutation(CheckoutFacts.Mutation m) {
        return m.key().asText() + TAB + m.amount() + TAB + m.kind().name();
    }

    private static CheckoutFacts.Mutation mutation(String s) {
        String[] p = s.split("\t", 3);
        return new CheckoutFacts.Mutation(ValueTypeKey.parseText(p[0]), Long.parseLong(p[1]), CheckoutFacts.Kind.valueOf(p[2]));
    }

    /** {@code +id} for a campaign that fired, {@code -id<TAB>the first condition that failed} for one that did not. */
    private static String explained(CheckoutFacts.Explained x) {
        return x.fired() ? "+" + x.campaign() : "-" + x.campaign() + TAB + x.failed().orElse("");
    }

    private static CheckoutFacts.Explained explained(String s) {
        if (s.startsWith("+")) {
            return new CheckoutFacts.Explained(s.substring(1), true, Optional.empty());
        }
        int tab = s.indexOf(TAB);
        String failed = s.substring(tab + 1);
        return new CheckoutFacts.Explained(s.substring(1, tab), false, failed.isEmpty() ? Optional.empty() : Optional.of(failed));
    }

    /** Fires stored before {@code l} was take the entry of their latest firing ({@link CheckoutStats.Fires}). */
    private static CheckoutStats.Fires fires(ItemValues v) {
        List<CheckoutStats.Fire> recent = v.list("r");
        return v.optNumber("l").map(last -> new CheckoutStats.Fires(v.number("n"), recent, last))
                .orElseGet(() -> new CheckoutStats.Fires(v.number("n"), recent));
    }

    private static CheckoutStats stats(ItemValues v) {
        Map<String, CheckoutStats.Fires> fires = new HashMap<>();
        for (NamedFires f : v.<NamedFires>list("f")) {
            fires.put(f.campaign(), f.fires());
        }
        return new CheckoutStats(v.number("n"), fires);
    }

    private static TransactionId txn(String value) {
        return new TransactionId(value);
    }
}
