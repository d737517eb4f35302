package io.tally.dynamo.store;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.card.SearchableName;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The card profile's item {@code CARD#n / SEQ~CARD} as an enhanced-client schema over {@link Card}. The item carries
 * its own index keys: GSI1 the card set pool ({@code U#n} while unallocated, {@code A#n} after), GSI2
 * customCardNumber, GSI3 e-mail (lower case), GSI4 phone (digits), GSI5/GSI6 first/last name (searchable form).
 * Writing the whole item on every change keeps those
 * keys in step with the profile.
 */
final class CardItems {
    static final String TYPE = "Card";

    static final StaticImmutableTableSchema<Card, ItemValues> SCHEMA = ItemSchema.of(Card.class, CardItems::card)
            .key(TYPE, c -> Keys.card(c.number().value()), c -> Keys.CARD_SK)
            .string("brand", c -> c.brand().value())
            .string("cardNumber", c -> c.number().value())
            .string("program", c -> c.program().value())
            .string("cardSet", c -> c.cardSet().value())
            .string("status", c -> c.status().name())
            .number("version", Card::version)
            .string("customCardNumber", c -> c.customCardNumber().orElse(null))
            .string("pinHash", c -> c.pinHash().orElse(null))
            .document("primaryCustomer", Customer.class, () -> CustomerSchema.SCHEMA,
                    c -> c.primaryCustomer().orElse(null), Customer.EMPTY)
            .document("alternateCustomer", Customer.class, () -> CustomerSchema.SCHEMA,
                    c -> c.alternateCustomer().orElse(null), Customer.EMPTY)
            .strings("brandDemographics", Card::brandDemographics)
            .strings("customData", Card::customData)
            .strings("thirdPartyUsernames", Card::thirdPartyUsernames)
            .string("activatedAt", c -> c.activatedAt().map(Instant::toString).orElse(null))
            .string("enrolledAt", c -> c.enrolledAt().map(Instant::toString).orElse(null))
            .string("owningLocation", c -> c.owningLocation().map(LocationId::value).orElse(null))
            .index(TallyTable.GSI1, c -> Keys.cardSetCards(c.brand().value(), c.cardSet().value()),
                    c -> c.status() == CardStatus.UNALLOCATED ? Keys.unallocatedCardSk(c.number().value())
                            : Keys.allocatedCardSk(c.number().value()))
            .index(TallyTable.GSI2, c -> c.customCardNumber().map(v -> Keys.customCardNumber(c.brand().value(), v)).orElse(null),
                    c -> c.customCardNumber().map(v -> c.number().value()).orElse(null))
            .index(TallyTable.GSI3, c -> email(c).map(e -> Keys.email(c.brand().value(), e)).orElse(null),
                    c -> email(c).map(e -> c.number().value()).orElse(null))
            .index(TallyTable.GSI4, c -> phone(c).map(p -> Keys.phone(c.brand().value(), p)).orElse(null),
                    c -> phone(c).map(p -> c.number().value()).orElse(null))
            .index(TallyTable.GSI5, c -> first(c).map(f -> Keys.firstName(c.brand().value(), SearchableName.initial(f))).orElse(null),
                    c -> first(c).map(f -> Keys.nameSk(f, last(c).orElse(""), c.number().value())).orElse(null))
            .index(TallyTable.GSI6, c -> last(c).map(l -> Keys.lastName(c.brand().value(), SearchableName.initial(l))).orElse(null),
                    c -> last(c).map(l -> Keys.nameSk(l, first(c).orElse(""), c.number().value())).orElse(null))
            .build();

    /**
     * A card's third-party username link {@code BRAND#b#USERNAME#<system>#<name> / CARD#n}: points at a card that named
     * the username at {@code version}; the card itself is the truth (verified on read).
     */
    record UsernameLink(String brand, String system, String username, String card, Long version) {
    }

    static final StaticImmutableTableSchema<UsernameLink, ItemValues> USERNAME_LINK = ItemSchema.of(UsernameLink.class,
                    v -> new UsernameLink(v.string("brand"), v.string("system"), v.string("username"), v.string("card"),
                            v.number("version")))
            .key("UsernameLink", l -> Keys.thirdPartyUsername(l.brand(), l.system(), l.username()),
                    l -> Keys.usernameCardSk(l.card()))
            .string("brand", UsernameLink::brand)
            .string("system", UsernameLink::system)
            .string("username", UsernameLink::username)
            .string("card", UsernameLink::card)
            .number("version", UsernameLink::version)
            .build();

    private CardItems() {
    }

    private static Optional<String> email(Card c) {
        return c.primaryCustomer().flatMap(Customer::searchableEmail);
    }

    /** The primary customer's first name as searched (GSI5). */
    static Optional<String> first(Card c) {
        return c.primaryCustomer().flatMap(p -> SearchableName.of(p.firstName()));
    }

    /** The primary customer's last name as searched (GSI6). */
    static Optional<String> last(Card c) {
        return c.primaryCustomer().flatMap(p -> SearchableName.of(p.lastName()));
    }

    private static Optional<String> phone(Card c) {
        return c.primaryCustomer().flatMap(Customer::searchablePhone);
    }

    private static Card card(ItemValues v) {
        return new Card(new BrandId(v.string("brand")), new CardNumber(v.string("cardNumber")),
                new ProgramId(v.string("program")), new CardSetId(v.string("cardSet")),
                v.optString("customCardNumber"), CardStatus.valueOf(v.string("status")), v.optString("pinHash"),
                v.document("primaryCustomer"), v.document("alternateCustomer"),
                v.map("brandDemographics"), v.map("customData"), v.map("thirdPartyUsernames"),
                v.optString("activatedAt").map(Instant::parse), v.optString("enrolledAt").map(Instant::parse),
                v.number("version"), v.optString("owningLocation").map(LocationId::new));
    }
}
