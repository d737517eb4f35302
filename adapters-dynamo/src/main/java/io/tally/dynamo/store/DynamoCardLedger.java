package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.LedgerItems.EntryItem;
import io.tally.dynamo.store.LedgerItems.LedgerIdItem;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A card's ledger in the card's own partition: entry n is {@code CARD#card / SEQ#<n, 19 digits>}, mapped by the
 * enhanced client ({@link LedgerItems#ENTRY}). Appending is one PutItem with {@code attribute_not_exists(SK)}: of two
 * writers claiming n + 1, exactly one wins (STYLE rule 7). The head is the last item of the partition's SEQ# range (a
 * consistent query, descending, Limit 1); the card's profile sorts right after it ({@link Keys#CARD_SK}), so profile
 * and head are one query ({@link #cardWithHead}). The stored brand scopes every read. History, ledger ids, the outbox
 * and the sweeper's due index: see the methods.
 */
final class DynamoCardLedger implements CardLedgerPort {
    private static final String CURSOR_PREFIX = "seq:";
    private static final String LAST_SK = Keys.sequenceSk(Long.MAX_VALUE);

    private final Table table;
    private final DynamoDbTable<EntryItem> entries;
    private final DynamoDbTable<LedgerIdItem> ledgerIds;

    DynamoCardLedger(Table table) {
        this.table = table;
        this.entries = table.of(LedgerItems.ENTRY);
        this.ledgerIds = table.of(LedgerItems.LEDGER_ID);
    }

    @Override
    public Optional<LedgerEntry> head(BrandId brand, CardNumber card) {
        return headOfPartition(Keys.card(card.value())).map(EntryItem::entry).filter(e -> e.brand().equals(brand));
    }

    /**
     * One consistent Query, descending, Limit 2, over {@code SEQ#} .. {@code SEQ~CARD}: the profile (it sorts last) and
     * the head entry. Low-level, because one page holds two item types and the enhanced client maps a page with one
     * schema; each item is then mapped by its own schema.
     */
    @Override
    public Optional<CardWithHead> cardWithHead(CardPort cards, BrandId brand, CardNumber card) {
        List<Map<String, AttributeValue>> items = table.query(QueryRequest.builder()
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :profile")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.card(card.value())),
                        ":first", AttributeValue.fromS(Keys.SEQUENCE_PREFIX), ":profile", AttributeValue.fromS(Keys.CARD_SK)))
                .scanIndexForward(false).limit(2).consistentRead(true));
        if (items.isEmpty() || !Keys.CARD_SK.equals(items.get(0).get(TallyTable.SK).s())) {
            return Optional.empty();
        }
        var profile = CardItems.SCHEMA.mapToItem(items.get(0));
        if (!profile.brand().equals(brand)) {
            return Optional.empty();
        }
        Optional<LedgerEntry> head = items.size() < 2 ? Optional.empty()
                : Optional.of(LedgerItems.ENTRY.mapToItem(items.get(1)).entry());
        return Optional.of(new CardWithHead(profile, head.filter(e -> e.brand().equals(brand))));
    }

    @Override
    public Optional<LedgerEntry> entry(BrandId brand, CardNumber card, long sequence) {
        if (sequence < 1) {
            return Optional.empty();
        }
        return table.get(entries, Keys.card(card.value()), Keys.sequenceSk(sequence), true)
                .map(EntryItem::entry).filter(e -> e.brand().equals(brand));
    }

    /** The entry's size is checked before the request ({@link ItemSize}, on the enhanced client's way out). */
    @Override
    public AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
        try {
            return table.putIf(entries, LedgerItems.item(next, previous), Table.condition("attribute_not_exists(SK)", Map.of(), Map.of()))
                    ? AppendOutcome.APPENDED : AppendOutcome.CONFLICT;
        } catch (ItemSize.TooLargeException tooLarge) {
            throw new EntryTooLargeException("ledger entry " + next.sequence() + " of card " + next.card() + " is "
                    + tooLarge.size() + " bytes, over DynamoDB's " + ItemSize.MAX_ITEM_BYTES + " byte item limit");
        }
    }

    /**
     * Entry times never decrease along the sequence, so the first entry at or after {@code from} is found by a
     * binary search over sequence numbers (consistent GetItems of the time attribute, about log2(head) of them,
     * first page only); each page is then one consistent Query from the cursor's sequence with Limit pageSize + 1,
     * which also tells whether more may follow. The cursor is the last returned sequence, base64url-encoded.
     */
    @Override
    public HistoryPage history(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize,
                               Optional<String> cursor) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size 1.." + MAX_PAGE);
        }
        OptionalLong start = cursor.isPresent() ? OptionalLong.of(decodeCursor(cursor.get()) + 1)
                : firstAtOrAfter(brand, card, from);
        if (start.isEmpty()) {
            return new HistoryPage(List.of(), Optional.empty());
        }
        List<EntryItem> items = table.query(entries, null, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(partition(card, Keys.sequenceSk(start.getAsLong())),
                        partition(card, LAST_SK)))
                .consistentRead(true).limit(pageSize + 1).build());
        List<LedgerEntry> matching = new ArrayList<>();
        for (EntryItem item : items) {
            LedgerEntry e = item.entry();
            if (!e.brand().equals(brand)) {
                return new HistoryPage(List.of(), Optional.empty());
            }
            if (!e.time().isBefore(to)) {
                break;
            }
            if (!e.time().isBefore(from)) {
                matching.add(e);
            }
        }
        List<LedgerEntry> page = matching.subList(0, Math.min(pageSize, matching.size()));
        Optional<String> next = matching.size() > pageSize
                ? Optional.of(encodeCursor(page.get(page.size() - 1).sequence())) : Optional.empty();
        return new HistoryPage(page, next);
    }

    /** One descending, consistent Query of the card's {@code SEQ#} range below {@code beforeSequence}. */
    @Override
    public List<LedgerEntry> newestBefore(BrandId brand, CardNumber card, long beforeSequence, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        if (beforeSequence <= 0) {
            return List.of();
        }
        return table.query(entries, null, QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBetween(partition(card, Keys.sequenceSk(0)),
                                partition(card, Keys.sequenceSk(beforeSequence - 1))))
                        .scanIndexForward(false).consistentRead(true).limit(limit).build())
                .stream().map(EntryItem::entry).filter(e -> e.brand().equals(brand)).toList();
    }

    /**
     * GSI1 {@code OUTBOX#shard}: every entry carries it from its own write until {@link #markRelayed}. One query per
     * shard for the keys of entries made before {@code before} (sort key = time; the index holds keys only, not the
     * entry), merged oldest first; then the entries themselves in one BatchGetItem, strongly consistent.
     */
    @Override
    public List<LedgerEntry> unrelayed(Instant before, int limit) {
        if (limit < 1 || limit > MAX_OUTBOX) {
            throw new IllegalArgumentException("limit 1.." + MAX_OUTBOX);
        }
        List<Map<String, AttributeValue>> hits = new ArrayList<>();
        for (int shard = 0; shard < LedgerItems.SHARDS; shard++) {
            hits.addAll(table.query(QueryRequest.builder().indexName(TallyTable.GSI1.name())
                    .keyConditionExpression("#pk = :pk AND #sk < :bound")
                    .expressionAttributeNames(Map.of("#pk", TallyTable.GSI1.partitionKey(), "#sk", TallyTable.GSI1.sortKey()))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.outboxShard(shard)),
                            ":bound", Attr.s(Keys.outboxBefore(before.toEpochMilli()))))
                    .projectionExpression("PK, SK, #sk").limit(limit)));
        }
        List<Key> keys = hits.stream().sorted(Comparator.comparing(h -> Attr.str(h, TallyTable.GSI1.sortKey())))
                .limit(limit).map(h -> Table.key(Attr.str(h, TallyTable.PK), Attr.str(h, TallyTable.SK))).toList();
        return table.batchGet(entries, keys).stream()
                .sorted(Comparator.comparing((EntryItem e) -> e.posting().time()).thenComparing(e -> e.posting().card().value())
                        .thenComparingLong(e -> e.posting().sequence()))
                .map(EntryItem::entry).toList();
    }

    /** Removes the entry's GSI1 keys (index hygiene: the entry's content is unchanged); a second call changes nothing. */
    @Override
    public void markRelayed(LedgerEntry entry) {
        table.updateIf(Attr.key(Keys.card(entry.card().value()), Keys.sequenceSk(entry.sequence())), "REMOVE #pk, #sk",
                "attribute_exists(#pk)", Map.of("#pk", TallyTable.GSI1.partitionKey(), "#sk", TallyTable.GSI1.sortKey()),
                Map.of());
    }

    /** {@code LID#brand#id / LID} holds the card; the same card may claim it again (a retried first write). */
    @Override
    public boolean claimLedgerId(BrandId brand, LedgerId ledgerId, CardNumber card) {
        return table.putIf(ledgerIds, LedgerIdItem.of(brand, ledgerId, card), Table.condition(
                "attribute_not_exists(PK) OR card = :card", Map.of(), Map.of(":card", Attr.s(card.value()))));
    }

    @Override
    public Optional<CardNumber> cardOf(BrandId brand, LedgerId ledgerId) {
        return table.get(ledgerIds, Keys.ledgerId(brand.value(), ledgerId.value()), Keys.LEDGER_ID_SK, true)
                .map(LedgerIdItem::card);
    }

    @Override
    public int dueShards() {
        return LedgerItems.SHARDS;
    }

    /**
     * GSI4 {@code DUE#shard}: an entry names its card's due instant where that instant changed (the head's name or an
     * earlier one still current). Reads the shard in due order from the cursor, up to {@link #INDEX_PAGES} pages of
     * {@link #MAX_DUE}; for each hit reads the card's head (once per card and call): the hit is current if it is the
     * head or names the head's due instant, and then its card is due; otherwise it is superseded and loses its index
     * attributes with a conditional UpdateItem (index hygiene: the entry's content is unchanged), so it is never read
     * again. The cursor is the last hit looked at (its index and table keys), so a walk never reads a hit twice.
     */
    @Override
    public DuePage dueCards(int shard, Instant now, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_DUE || shard < 0 || shard >= LedgerItems.SHARDS) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE + ", shard 0.." + (LedgerItems.SHARDS - 1));
        }
        List<DueCard> due = new ArrayList<>();
        Map<String, Optional<LedgerEntry>> heads = new HashMap<>();
        Map<String, Optional<Long>> headsDue = new HashMap<>();
        int superseded = 0;
        Map<String, AttributeValue> start = cursor.map(DynamoCardLedger::decodeDueCursor).orElse(null);
        Map<String, AttributeValue> last = null;
        boolean exhausted = false;
        for (int page = 0; page < INDEX_PAGES && due.size() < limit && !exhausted; page++) {
            QueryResponse response = table.client.query(QueryRequest.builder().tableName(table.name)
                    .indexName(TallyTable.GSI4.name())
                    .keyConditionExpression("#pk = :pk AND #sk < :bound")
                    .expressionAttributeNames(Map.of("#pk", TallyTable.GSI4.partitionKey(), "#sk", TallyTable.GSI4.sortKey(),
                            "#b", "brand"))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.dueShard(shard)),
                            ":bound", Attr.s(Keys.dueBefore(now.toEpochMilli() + 1))))
                    .projectionExpression("PK, SK, #b, #pk, #sk").limit(MAX_DUE).exclusiveStartKey(start).build());
            List<Map<String, AttributeValue>> items = response.items();
            int used = 0;
            for (Map<String, AttributeValue> hit : items) {
                if (due.size() == limit) {
                    break;
                }
                used++;
                last = hit;
                Optional<LedgerEntry> head = heads.computeIfAbsent(Attr.str(hit, "PK"),
                        pk -> headOfPartition(pk).map(EntryItem::entry));
                long sequence = Keys.sequenceOf(Attr.str(hit, "SK"));
                long named = Long.parseLong(Attr.str(hit, TallyTable.GSI4.sortKey()).substring(0, Keys.DUE_MILLIS_DIGITS));
                boolean current = head.isPresent() && (head.get().sequence() == sequence
                        || headsDue.computeIfAbsent(Attr.str(hit, "PK"), pk -> ExpireDueUseCase.nextDue(head.get())
                                .map(LedgerItems::ceilMillis)).equals(Optional.of(named)));
                if (!current) {
                    forgetDue(hit);
                    superseded++;
                } else if (due.stream().noneMatch(d -> d.card().equals(head.get().card()))) {
                    due.add(new DueCard(head.get().brand(), head.get().card(), Instant.ofEpochMilli(named)));
                }
            }
            boolean morePages = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            exhausted = used == items.size() && !morePages;
            start = response.lastEvaluatedKey();
        }
        Optional<String> next = exhausted || last == null ? Optional.empty() : Optional.of(encodeDueCursor(last));
        return new DuePage(due, next, superseded);
    }

    /** Index pages one {@link #dueCards} call reads at most (superseded hits included). */
    static final int INDEX_PAGES = 10;

    private static String encodeDueCursor(Map<String, AttributeValue> hit) {
        String text = String.join("\n", Attr.str(hit, TallyTable.GSI4.partitionKey()), Attr.str(hit, TallyTable.GSI4.sortKey()),
                Attr.str(hit, "PK"), Attr.str(hit, "SK"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeDueCursor(String cursor) {
        String[] p;
        try {
            p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a due-index cursor", e);
        }
        if (p.length != 4) {
            throw new IllegalArgumentException("not a due-index cursor");
        }
        return Map.of(TallyTable.GSI4.partitionKey(), Attr.s(p[0]), TallyTable.GSI4.sortKey(), Attr.s(p[1]),
                "PK", Attr.s(p[2]), "SK", Attr.s(p[3]));
    }

    private void forgetDue(Map<String, AttributeValue> hit) {
        table.updateIf(Attr.key(Attr.str(hit, "PK"), Attr.str(hit, "SK")), "REMOVE #pk, #sk", "#sk = :seen",
                Map.of("#pk", TallyTable.GSI4.partitionKey(), "#sk", TallyTable.GSI4.sortKey()),
                Map.of(":seen", hit.get(TallyTable.GSI4.sortKey())));
    }

    /** The smallest sequence whose entry was made at or after {@code from}; empty if none (or not the brand's card). */
    private OptionalLong firstAtOrAfter(BrandId brand, CardNumber card, Instant from) {
        Optional<Map<String, AttributeValue>> head = latestOfPartition(Keys.card(card.value()), "SK, #b, #at",
                Map.of("#b", "brand", "#at", LedgerItems.TIME));
        if (head.isEmpty() || !brand.value().equals(Attr.str(head.get(), "brand"))
                || Instant.parse(Attr.str(head.get(), LedgerItems.TIME)).isBefore(from)) {
            return OptionalLong.empty();
        }
        long lo = 1;
        long hi = Keys.sequenceOf(Attr.str(head.get(), "SK"));
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (timeOf(card, mid).isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return OptionalLong.of(lo);
    }

    private Instant timeOf(CardNumber card, long sequence) {
        var response = table.client.getItem(GetItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.card(card.value()), Keys.sequenceSk(sequence)))
                .projectionExpression("#at").expressionAttributeNames(Map.of("#at", LedgerItems.TIME))
                .consistentRead(true).build());
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new IllegalStateException("card " + card + " has no entry " + sequence + " below its head");
        }
        return Instant.parse(Attr.str(response.item(), LedgerItems.TIME));
    }

    /** The partition's highest-sequence entry, strongly consistent (one descending Query, Limit 1). */
    private Optional<EntryItem> headOfPartition(String pk) {
        return table.query(entries, null, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(Keys.SEQUENCE_PREFIX).build()))
                .scanIndexForward(false).limit(1).consistentRead(true).build()).stream().findFirst();
    }

    private static Key partition(CardNumber card, String sk) {
        return Table.key(Keys.card(card.value()), sk);
    }

    /**
     * The partition's highest-sequence entry (strongly consistent), only some attributes of it: low-level, because a
     * projected part of an entry is not an entry.
     */
    private Optional<Map<String, AttributeValue>> latestOfPartition(String pk, String projection, Map<String, String> names) {
        QueryRequest.Builder query = QueryRequest.builder()
                .keyConditionExpression("PK = :pk AND begins_with(SK, :seq)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":seq", Attr.s(Keys.SEQUENCE_PREFIX)))
                .scanIndexForward(false).limit(1).consistentRead(true);
        query.projectionExpression(projection).expressionAttributeNames(names.isEmpty() ? null : names);
        return table.query(query).stream().findFirst();
    }

    private static String encodeCursor(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException("not a history cursor");
            }
            long sequence = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            if (sequence < 1) {
                throw new IllegalArgumentException("not a history cursor");
            }
            return sequence;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a history cursor: " + cursor, e);
        }
    }

    /** A ledger entry that cannot be stored as one item: the card's state outgrew what the domain's limits allow for. */
    static final class EntryTooLargeException extends IllegalStateException {
        EntryTooLargeException(String message) {
            super(message);
        }
    }
}
