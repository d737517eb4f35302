package io.tally.dynamo.store;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.SearchableName;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Card profiles, one item {@code CARD#n / SEQ~CARD} each, mapped by the enhanced client ({@link CardItems#SCHEMA}). The number alone is the key, so a number is unique across
 * brands; the stored {@code brand} scopes every read and is part of every write's condition. Each write is one
 * PutItem of the whole item with a condition (absent; version n-1 and brand; also UNALLOCATED), so the index keys
 * the item carries (see {@link CardItems}) always match its profile. Pool and searches are index queries.
 *
 * <p>Third-party usernames cannot be an index key (a card has up to ten), so they are link items
 * ({@link CardItems#USERNAME_LINK}), "link before truth, verify on read" like a card's coupons: before a card's write
 * a link is put for each username it names; after a successful replacement the links of usernames it dropped are
 * deleted (best effort, only if no newer version re-linked them); a search reads the links, then the cards by key,
 * and keeps the cards that name the username now.
 */
final class DynamoCards implements CardPort {
    private final Table table;
    private final DynamoDbTable<Card> cards;
    private final DynamoDbTable<CardItems.UsernameLink> usernames;

    DynamoCards(Table table) {
        this.table = table;
        this.cards = table.of(CardItems.SCHEMA);
        this.usernames = table.of(CardItems.USERNAME_LINK);
    }

    @Override
    public Optional<Card> load(BrandId brand, CardNumber number) {
        return table.get(cards, Keys.card(number.value()), Keys.CARD_SK, true).filter(c -> c.brand().equals(brand));
    }

    @Override
    public WriteOutcome create(Card card) {
        link(card);
        return table.putIfAbsent(cards, card) ? WriteOutcome.WRITTEN : WriteOutcome.CONDITION_FAILED;
    }

    @Override
    public WriteOutcome update(Card changed) {
        return replace(changed, "#v = :prev AND #b = :brand", Map.of("#v", "version", "#b", "brand"), Map.of());
    }

    @Override
    public WriteOutcome allocate(Card activated) {
        return replace(activated, "#v = :prev AND #b = :brand AND #s = :unallocated",
                Map.of("#v", "version", "#b", "brand", "#s", "status"),
                Map.of(":unallocated", Attr.s(CardStatus.UNALLOCATED.name())));
    }

    private WriteOutcome replace(Card changed, String condition, Map<String, String> names,
                                 Map<String, AttributeValue> extraValues) {
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":prev", Attr.n(changed.version() - 1));
        values.put(":brand", Attr.s(changed.brand().value()));
        link(changed);
        Card before;
        try {
            before = cards.putItemWithResponse(PutItemEnhancedRequest.builder(Card.class).item(changed)
                    .conditionExpression(Table.condition(condition, names, values))
                    .returnValues(ReturnValue.ALL_OLD).build()).attributes();
        } catch (ConditionalCheckFailedException failed) {
            // The write was decided by its condition; this read only tells the caller which way it failed.
            return load(changed.brand(), changed.number()).isPresent() ? WriteOutcome.CONDITION_FAILED : WriteOutcome.NOT_FOUND;
        }
        if (before != null) {
            before.thirdPartyUsernames().forEach((system, name) -> {
                if (!name.equals(changed.thirdPartyUsernames().get(system))) {
                    unlink(changed, system, name);
                }
            });
        }
        return WriteOutcome.WRITTEN;
    }

    /** Puts a link for each username the card names, before the card's own write. */
    private void link(Card card) {
        card.thirdPartyUsernames().forEach((system, name) -> usernames.putItem(new CardItems.UsernameLink(
                card.brand().value(), system, name, card.number().value(), card.version())));
    }

    /** Deletes a link the card stopped naming at {@code changed.version()}, unless a newer version put it back. */
    private void unlink(Card changed, String system, String name) {
        try {
            usernames.deleteItem(r -> r.key(Table.key(Keys.thirdPartyUsername(changed.brand().value(), system, name),
                            Keys.usernameCardSk(changed.number().value())))
                    .conditionExpression(Table.condition("#v <= :v", Map.of("#v", "version"),
                            Map.of(":v", Attr.n(changed.version())))));
        } catch (ConditionalCheckFailedException newer) {
            // Re-linked by a newer version (or already gone): the link stays.
        } catch (SdkException unavailable) {
            // The card is written; a stale link only costs a read, and search ignores it.
        }
    }

    @Override
    public List<Card> unallocated(BrandId brand, CardSetId cardSet, int limit) {
        checkLimit(limit);
        return indexQuery(TallyTable.GSI1, Keys.cardSetCards(brand.value(), cardSet.value()), Keys.UNALLOCATED_PREFIX, limit)
                .stream().filter(c -> c.brand().equals(brand) && c.status() == CardStatus.UNALLOCATED).toList();
    }

    @Override
    public List<Card> search(BrandId brand, CardSearch criterion, int limit) {
        checkLimit(limit);
        String b = brand.value();
        List<Card> found;
        if (criterion instanceof CardSearch.ByCustomCardNumber c) {
            found = indexQuery(TallyTable.GSI2, Keys.customCardNumber(b, c.customCardNumber()), null, limit);
        } else if (criterion instanceof CardSearch.ByEmail e) {
            found = indexQuery(TallyTable.GSI3, Keys.email(b, e.email()), null, limit);
        } else if (criterion instanceof CardSearch.ByPhone p) {
            found = indexQuery(TallyTable.GSI4, Keys.phone(b, p.phone()), null, limit);
        } else if (criterion instanceof CardSearch.ByFirstName f) {
            found = byKeys(TallyTable.GSI5, Keys.firstName(b, SearchableName.initial(f.prefix())), f.prefix(), limit);
        } else if (criterion instanceof CardSearch.ByLastName l) {
            found = byKeys(TallyTable.GSI6, Keys.lastName(b, SearchableName.initial(l.prefix())), l.prefix(), limit);
        } else {
            found = byUsername(brand, (CardSearch.ByThirdPartyUsername) criterion, limit);
        }
        // The index may lag the item: keep only what matches the card as read.
        return found.stream().filter(c -> c.brand().equals(brand) && criterion.matches(c)).sorted(criterion.order()).toList();
    }

    /** A keys-only index's hits under a sort key prefix, then the cards themselves by key, consistently. */
    private List<Card> byKeys(TallyTable.Gsi gsi, String pk, String skPrefix, int limit) {
        var hits = table.query(QueryRequest.builder().indexName(gsi.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", gsi.partitionKey(), "#sk", gsi.sortKey()))
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":prefix", Attr.s(skPrefix)))
                .limit(limit));
        return read(hits.stream().map(h -> Table.key(Attr.str(h, TallyTable.PK), Attr.str(h, TallyTable.SK))).toList());
    }

    private List<Card> byUsername(BrandId brand, CardSearch.ByThirdPartyUsername u, int limit) {
        var hits = table.query(QueryRequest.builder()
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.thirdPartyUsername(brand.value(), u.system(), u.username()))))
                .limit(limit).consistentRead(true));
        return read(hits.stream().map(CardItems.USERNAME_LINK::mapToItem)
                .map(l -> Table.key(Keys.card(l.card()), Keys.CARD_SK)).toList());
    }

    private List<Card> read(List<Key> keys) {
        return table.batchGet(cards, keys);
    }

    @Override
    public long countInCardSet(BrandId brand, CardSetId cardSet) {
        return table.countIndex(TallyTable.GSI1.name(), TallyTable.GSI1.partitionKey(),
                Keys.cardSetCards(brand.value(), cardSet.value()));
    }

    /**
     * A59: one page of GSI1 {@code CSET#b#set} between {@code A#<from>} and {@code A#<through>~} (handed-out cards;
     * the pool sorts under {@code U#}, and {@code ~} after every digit), continued from the index key of the card
     * after which it starts (the index's own paging, so the cursor is just a card number). Allocation is one way, so
     * only a lagging index can differ from the cards: a card allocated a moment ago may still sort under {@code U#}
     * and be missed. {@code next} is the last card DynamoDB evaluated.
     */
    @Override
    public CardPage allocatedInCardSet(BrandId brand, CardSetId cardSet, NumberRange range, Optional<CardNumber> after,
                                       int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        String pk = Keys.cardSetCards(brand.value(), cardSet.value());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().limit(limit)
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(Keys.allocatedCardSk(range.from())).build(),
                        Key.builder().partitionValue(pk).sortValue(Keys.allocatedCardSk(range.through().orElse("") + "~"))
                                .build()));
        after.ifPresent(a -> request.exclusiveStartKey(Map.of(
                TallyTable.PK, Attr.s(Keys.card(a.value())), TallyTable.SK, Attr.s(Keys.CARD_SK),
                TallyTable.GSI1.partitionKey(), Attr.s(pk),
                TallyTable.GSI1.sortKey(), Attr.s(Keys.allocatedCardSk(a.value())))));
        var pages = cards.index(TallyTable.GSI1.name()).query(request.build()).iterator();
        if (!pages.hasNext()) {
            return new CardPage(List.of(), Optional.empty());
        }
        var page = pages.next();
        List<Card> found = page.items().stream()
                .filter(c -> c != null && c.brand().equals(brand) && c.status() != CardStatus.UNALLOCATED).toList();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        Optional<CardNumber> next = last == null || last.isEmpty() ? Optional.empty()
                : Optional.of(new CardNumber(last.get(TallyTable.GSI1.sortKey()).s().substring(Keys.ALLOCATED_PREFIX.length())));
        return new CardPage(found, next);
    }

    /** One page of an index partition in sort key (= card number) order, optionally under a sort key prefix. */
    private List<Card> indexQuery(TallyTable.Gsi gsi, String pk, String skPrefix, int limit) {
        QueryConditional condition = skPrefix == null
                ? QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build())
                : QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(skPrefix).build());
        return table.query(cards, gsi.name(), QueryEnhancedRequest.builder().queryConditional(condition).limit(limit).build())
                .stream().filter(c -> c != null).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit 1.." + MAX_RESULTS);
        }
    }
}
