package io.tally.dynamo.store;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Card profiles, one item {@code CARD#n / SEQ~CARD} each, mapped by the enhanced client ({@link CardItems#SCHEMA}). The number alone is the key, so a number is unique across
 * brands; the stored {@code brand} scopes every read and is part of every write's condition. Each write is one
 * PutItem of the whole item with a condition (absent; version n-1 and brand; also UNALLOCATED), so the index keys
 * the item carries (see {@link CardItems}) always match its profile. Pool and searches are index queries.
 */
final class DynamoCards implements CardPort {
    private final Table table;
    private final DynamoDbTable<Card> cards;

    DynamoCards(Table table) {
        this.table = table;
        this.cards = table.of(CardItems.SCHEMA);
    }

    @Override
    public Optional<Card> load(BrandId brand, CardNumber number) {
        return table.get(cards, Keys.card(number.value()), Keys.CARD_SK, true).filter(c -> c.brand().equals(brand));
    }

    @Override
    public WriteOutcome create(Card card) {
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
        if (table.putIf(cards, changed, Table.condition(condition, names, values))) {
            return WriteOutcome.WRITTEN;
        }
        // The write was decided by its condition; this read only tells the caller which way it failed.
        return load(changed.brand(), changed.number()).isPresent() ? WriteOutcome.CONDITION_FAILED : WriteOutcome.NOT_FOUND;
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
        } else {
            found = indexQuery(TallyTable.GSI4, Keys.phone(b, ((CardSearch.ByPhone) criterion).phone()), null, limit);
        }
        // The index may lag the item: keep only what matches the card as the index returned it.
        return found.stream().filter(c -> c.brand().equals(brand) && criterion.matches(c)).toList();
    }

    @Override
    public long countInCardSet(BrandId brand, CardSetId cardSet) {
        return table.countIndex(TallyTable.GSI1.name(), TallyTable.GSI1.partitionKey(),
                Keys.cardSetCards(brand.value(), cardSet.value()));
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
