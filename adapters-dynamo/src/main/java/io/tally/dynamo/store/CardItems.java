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

    static final StaticImmutableTableSchema<Card, ItemValues> SCHEMA = ItemSchema.of(Card.class, CardItems::card, CardItems::value)
            .key(TYPE)
            .string("brand")
            .string("cardNumber")
            .string("program")
            .string("cardSet")
            .string("status")
            .number("version")
            .string("customCardNumber")
            .string("pinHash")
            .document("primaryCustomer", Customer.class, () -> CustomerSchema.SCHEMA, Customer.EMPTY)
            .document("alternateCustomer", Customer.class, () -> CustomerSchema.SCHEMA, Customer.EMPTY)
            .strings("brandDemographics")
            .strings("customData")
            .strings("thirdPartyUsernames")
            .string("activatedAt")
            .string("enrolledAt")
            .string("owningLocation")
            .index(TallyTable.GSI1)
            .index(TallyTable.GSI2)
            .index(TallyTable.GSI3)
            .index(TallyTable.GSI4)
            .index(TallyTable.GSI5)
            .index(TallyTable.GSI6)
            .build();

    /**
     * A card's third-party username link {@code BRAND#b#USERNAME#<system>#<name> / CARD#n}: points at a card that named
     * the username at {@code version}; the card itself is the truth (verified on read).
     */
    record UsernameLink(String brand, String system, String username, String card, Long version) {
    }

    static final StaticImmutableTableSchema<UsernameLink, ItemValues> USERNAME_LINK = ItemSchema.of(UsernameLink.class,
                    v -> new UsernameLink(v.string("brand"), v.string("system"), v.string("username"), v.string("card"),
                            v.number("version")), CardItems::value)
            .key("UsernameLink")
            .string("brand")
            .string("system")
            .string("username")
            .string("card")
            .number("version")
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

    /** {@link #SCHEMA}'s attributes (the index keys: GSI1 the card set pool, GSI2-GSI6 the lookups), by name. */
    private static Object value(Card c, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.card(c.number().value());
            case TallyTable.SK -> Keys.CARD_SK;
            case "brand" -> c.brand().value();
            case "cardNumber" -> c.number().value();
            case "program" -> c.program().value();
            case "cardSet" -> c.cardSet().value();
            case "status" -> c.status().name();
            case "version" -> c.version();
            case "customCardNumber" -> c.customCardNumber().orElse(null);
            case "pinHash" -> c.pinHash().orElse(null);
            case "primaryCustomer" -> c.primaryCustomer().orElse(null);
            case "alternateCustomer" -> c.alternateCustomer().orElse(null);
            case "brandDemographics" -> c.brandDemographics();
            case "customData" -> c.customData();
            case "thirdPartyUsernames" -> c.thirdPartyUsernames();
            case "activatedAt" -> c.activatedAt().map(Instant::toString).orElse(null);
            case "enrolledAt" -> c.enrolledAt().map(Instant::toString).orElse(null);
            case "owningLocation" -> c.owningLocation().map(LocationId::value).orElse(null);
            case "GSI1PK" -> Keys.cardSetCards(c.brand().value(), c.cardSet().value());
            case "GSI1SK" -> c.status() == CardStatus.UNALLOCATED ? Keys.unallocatedCardSk(c.number().value())
                    : Keys.allocatedCardSk(c.number().value());
            case "GSI2PK" -> c.customCardNumber().map(v -> Keys.customCardNumber(c.brand().value(), v)).orElse(null);
            case "GSI2SK" -> c.customCardNumber().isPresent() ? c.number().value() : null;
            case "GSI3PK" -> email(c).map(e -> Keys.email(c.brand().value(), e)).orElse(null);
            case "GSI3SK" -> email(c).isPresent() ? c.number().value() : null;
            case "GSI4PK" -> phone(c).map(p -> Keys.phone(c.brand().value(), p)).orElse(null);
            case "GSI4SK" -> phone(c).isPresent() ? c.number().value() : null;
            case "GSI5PK" -> first(c).map(f -> Keys.firstName(c.brand().value(), SearchableName.initial(f))).orElse(null);
            case "GSI5SK" -> first(c).map(f -> Keys.nameSk(f, last(c).orElse(""), c.number().value())).orElse(null);
            case "GSI6PK" -> last(c).map(l -> Keys.lastName(c.brand().value(), SearchableName.initial(l))).orElse(null);
            case "GSI6SK" -> last(c).map(l -> Keys.nameSk(l, first(c).orElse(""), c.number().value())).orElse(null);
            default -> throw ItemSchema.unknown(Card.class, name);
        };
    }

    /** {@link #USERNAME_LINK}'s attributes, by name. */
    private static Object value(UsernameLink l, String name) {
        return switch (name) {
            case TallyTable.PK -> Keys.thirdPartyUsername(l.brand(), l.system(), l.username());
            case TallyTable.SK -> Keys.usernameCardSk(l.card());
            case "brand" -> l.brand();
            case "system" -> l.system();
            case "username" -> l.username();
            case "card" -> l.card();
            case "version" -> l.version();
            default -> throw ItemSchema.unknown(UsernameLink.class, name);
        };
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
