package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * A card's mailings in the card's own partition, {@code CARD#n / MAIL#<message id>}: recorded once per message by a
 * {@code PutItem attribute_not_exists(PK)} (A132: a redelivery names the same key and the first instant stands), read
 * newest first through GSI3 {@code MAILINGS#b#n / <sentAt ms>#<message id>} (A133, eventually consistent: a mailing is
 * read seconds to days after it was recorded). Kept {@link CardMailing#RETENTION} (TTL).
 */
final class DynamoCardMailings implements CardMailingsPort {
    /** The item schema, built on first use of the table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<CardMailing, ItemValues> SCHEMA =
                ItemSchema.of(CardMailing.class, DynamoCardMailings::mailing)
                        .key("CardMailing", m -> Keys.card(m.card().value()), m -> Keys.cardMailingSk(m.messageId()))
                        .index(TallyTable.GSI3, m -> Keys.cardMailings(m.brand().value(), m.card().value()),
                                m -> Keys.cardMailingTime(m.sentAt().toEpochMilli(), m.messageId()))
                        .string("brand", m -> m.brand().value())
                        .string("card", m -> m.card().value())
                        .string("messageId", CardMailing::messageId)
                        .string("mailing", CardMailing::mailing)
                        .string("list", CardMailing::list)
                        .string("template", CardMailing::template)
                        .string("sentAt", m -> m.sentAt().toString())
                        .string("channel", m -> m.channel().name())
                        .number(TallyTable.TTL_ATTRIBUTE, m -> m.sentAt().plus(CardMailing.RETENTION).getEpochSecond())
                        .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<CardMailing>> mailings;

    DynamoCardMailings(Table table) {
        this.table = table;
        this.mailings = table.lazily(() -> Schemas.SCHEMA);
    }

    /** A132: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean record(CardMailing mailing) {
        return table.putIfAbsent(mailings.get(), mailing);
    }

    /** A133: {@code Query GSI3 GSI3PK=MAILINGS#b#n}, descending, {@code Limit}. */
    @Override
    public List<CardMailing> newest(BrandId brand, CardNumber card, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        return query(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.cardMailings(brand.value(), card.value()))),
                limit);
    }

    /**
     * A133: {@code Query GSI3 GSI3PK=MAILINGS#b#n, GSI3SK BETWEEN <from ms, rounded up> AND <to ms, rounded down>#~},
     * descending, {@code Limit 1}.
     */
    @Override
    public Optional<CardMailing> newestWithin(BrandId brand, CardNumber card, Instant from, Instant to) {
        long fromMs = from.toEpochMilli() + (from.getNano() % 1_000_000 == 0 ? 0 : 1);
        if (fromMs > to.toEpochMilli()) {
            return Optional.empty();
        }
        String pk = Keys.cardMailings(brand.value(), card.value());
        return query(QueryConditional.sortBetween(
                Key.builder().partitionValue(pk).sortValue(Keys.cardMailingsFrom(fromMs)).build(),
                Key.builder().partitionValue(pk).sortValue(Keys.cardMailingsTo(to.toEpochMilli())).build()), 1)
                .stream().findFirst();
    }

    private List<CardMailing> query(QueryConditional condition, int limit) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(condition)
                .scanIndexForward(false).limit(limit).build();
        return table.query(mailings.get(), TallyTable.GSI3.name(), request);
    }

    private static CardMailing mailing(ItemValues v) {
        return new CardMailing(new BrandId(v.string("brand")), new CardNumber(v.string("card")), v.string("messageId"),
                v.string("mailing"), v.string("list"), v.string("template"), Instant.parse(v.string("sentAt")),
                CardMailing.Channel.valueOf(v.string("channel")));
    }
}
