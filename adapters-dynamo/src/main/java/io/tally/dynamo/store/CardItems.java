package io.tally.dynamo.store;

import static io.tally.dynamo.store.Attr.putIfPresent;
import static io.tally.dynamo.store.Attr.s;
import static io.tally.dynamo.store.Attr.str;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a card profile to its item {@code CARD#n / CARD} and back. The item carries its own index keys: GSI1 the
 * card set pool ({@code U#n} while unallocated, {@code A#n} after), GSI2 customCardNumber, GSI3 e-mail (lower
 * case), GSI4 phone (digits). Writing the whole item on every change keeps those keys in step with the profile.
 */
final class CardItems {
    static final String TYPE = "Card";

    private CardItems() {
    }

    static Map<String, AttributeValue> item(Card c) {
        String brand = c.brand().value();
        String number = c.number().value();
        var item = Attr.item(Keys.card(number), Keys.CARD_SK, TYPE);
        item.put("brand", s(brand));
        item.put("cardNumber", s(number));
        item.put("program", s(c.program().value()));
        item.put("cardSet", s(c.cardSet().value()));
        item.put("status", s(c.status().name()));
        item.put("version", Attr.n(c.version()));
        c.customCardNumber().ifPresent(v -> item.put("customCardNumber", s(v)));
        c.pinHash().ifPresent(v -> item.put("pinHash", s(v)));
        c.primaryCustomer().ifPresent(v -> item.put("primaryCustomer", customer(v)));
        c.alternateCustomer().ifPresent(v -> item.put("alternateCustomer", customer(v)));
        putFields(item, "brandDemographics", c.brandDemographics());
        putFields(item, "customData", c.customData());
        putFields(item, "thirdPartyUsernames", c.thirdPartyUsernames());
        c.activatedAt().ifPresent(v -> item.put("activatedAt", s(v.toString())));
        c.enrolledAt().ifPresent(v -> item.put("enrolledAt", s(v.toString())));
        putIndex(item, TallyTable.GSI1, Keys.cardSetCards(brand, c.cardSet().value()),
                c.status() == CardStatus.UNALLOCATED ? Keys.unallocatedCardSk(number) : Keys.allocatedCardSk(number));
        c.customCardNumber().ifPresent(v -> putIndex(item, TallyTable.GSI2, Keys.customCardNumber(brand, v), number));
        Optional<Customer> primary = c.primaryCustomer();
        primary.flatMap(Customer::searchableEmail).ifPresent(e -> putIndex(item, TallyTable.GSI3, Keys.email(brand, e), number));
        primary.flatMap(Customer::searchablePhone).ifPresent(p -> putIndex(item, TallyTable.GSI4, Keys.phone(brand, p), number));
        return item;
    }

    static Card card(Map<String, AttributeValue> i) {
        return new Card(new BrandId(str(i, "brand")), new CardNumber(str(i, "cardNumber")),
                new ProgramId(str(i, "program")), new CardSetId(str(i, "cardSet")),
                Attr.optStr(i, "customCardNumber"), CardStatus.valueOf(str(i, "status")), Attr.optStr(i, "pinHash"),
                customer(i.get("primaryCustomer")), customer(i.get("alternateCustomer")),
                fields(i.get("brandDemographics")), fields(i.get("customData")), fields(i.get("thirdPartyUsernames")),
                Attr.optStr(i, "activatedAt").map(Instant::parse), Attr.optStr(i, "enrolledAt").map(Instant::parse),
                Attr.num(i, "version"));
    }

    static boolean isCard(Map<String, AttributeValue> i) {
        return TYPE.equals(str(i, "type"));
    }

    private static void putIndex(Map<String, AttributeValue> item, TallyTable.Gsi gsi, String pk, String sk) {
        item.put(gsi.partitionKey(), s(pk));
        item.put(gsi.sortKey(), s(sk));
    }

    private static void putFields(Map<String, AttributeValue> item, String name, Map<String, String> fields) {
        if (!fields.isEmpty()) {
            Map<String, AttributeValue> m = new HashMap<>();
            fields.forEach((k, v) -> m.put(k, s(v)));
            item.put(name, AttributeValue.fromM(m));
        }
    }

    private static Map<String, String> fields(AttributeValue v) {
        Map<String, String> fields = new HashMap<>();
        if (v != null && v.hasM()) {
            v.m().forEach((k, x) -> fields.put(k, x.s()));
        }
        return fields;
    }

    /** A customer as a map attribute (cards, enrollment records). */
    static AttributeValue customer(Customer c) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "firstName", c.firstName());
        putIfPresent(m, "lastName", c.lastName());
        putIfPresent(m, "email", c.email());
        putIfPresent(m, "phone", c.phone());
        putIfPresent(m, "address1", c.address1());
        putIfPresent(m, "address2", c.address2());
        putIfPresent(m, "city", c.city());
        putIfPresent(m, "state", c.state());
        putIfPresent(m, "postal", c.postal());
        putIfPresent(m, "country", c.country());
        if (c.birthDate() != null) {
            m.put("birthDate", s(c.birthDate().toString()));
        }
        putIfPresent(m, "gender", c.gender());
        return AttributeValue.fromM(m);
    }

    static Optional<Customer> customer(AttributeValue v) {
        if (v == null || !v.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> m = v.m();
        String birth = str(m, "birthDate");
        return Optional.of(new Customer(str(m, "firstName"), str(m, "lastName"), str(m, "email"), str(m, "phone"),
                str(m, "address1"), str(m, "address2"), str(m, "city"), str(m, "state"), str(m, "postal"),
                str(m, "country"), birth == null ? null : LocalDate.parse(birth), str(m, "gender")));
    }
}
