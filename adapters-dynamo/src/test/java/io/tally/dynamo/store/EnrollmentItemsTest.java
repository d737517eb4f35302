package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.ContractData;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.EnrollmentRecord.SealedPin;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.EnrollmentItems.ContactItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contact claim item's schema without a network: exact round trips, old claims, what each update sets. */
class EnrollmentItemsTest {
    private static final BrandId BRAND = new BrandId("b1");
    private static final ContactKey EMAIL = ContactKey.email("Ada@Example.com");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
    private static final CardNumber CARD = ContractData.freshCard();

    private static EnrollmentRecord pending() {
        var customer = new Customer("Ada", "Lovelace", "Ada@Example.com", null, null, null, null, null, null, "GB",
                LocalDate.of(1815, 12, 10), null);
        var intent = new EnrollmentRecord.Intent(customer, Optional.empty(), "https://x.example/p", "req", "form", T0);
        return EnrollmentRecord.pending(BRAND, EMAIL, "e1", intent, T0.plusSeconds(120));
    }

    private static ContactItem roundTrip(ContactItem item) {
        return EnrollmentItems.SCHEMA.mapToItem(EnrollmentItems.SCHEMA.itemToMap(item, true));
    }

    @Test
    void records_round_trip_exactly_by_key_and_from_the_due_index() {
        EnrollmentRecord chosen = pending().chosen(CARD, new SealedPin("hash", "s1.sealed"));
        EnrollmentRecord complete = new EnrollmentRecord(BRAND, EMAIL, "e1", EnrollmentRecord.Status.COMPLETE, Optional.of(CARD),
                3, Optional.empty(), Optional.empty(), Optional.empty());
        for (EnrollmentRecord r : new EnrollmentRecord[] {pending(), chosen, complete}) {
            ContactItem read = roundTrip(EnrollmentItems.item(r));
            assertEquals(r, EnrollmentItems.record(BRAND, EMAIL, read));
            assertEquals(r, EnrollmentItems.record(read));
        }
    }

    @Test
    void a_claim_from_before_enrollment_records_reads_as_a_complete_enrollment_without_an_id() {
        ContactItem legacy = EnrollmentItems.SCHEMA.mapToItem(Map.of("PK", s("BRAND#b1#CONTACT#email:ada@example.com"),
                "SK", s("CONTACT"), "type", s("Contact"), "card", s(CARD.value())));

        assertEquals(new EnrollmentRecord(BRAND, EMAIL, "", EnrollmentRecord.Status.COMPLETE, Optional.of(CARD), 0,
                Optional.empty(), Optional.empty(), Optional.empty()), EnrollmentItems.record(BRAND, EMAIL, legacy));
    }

    @Test
    void a_phone_claim_holds_its_card_enrollment_and_round_only() {
        ContactItem claim = EnrollmentItems.phoneClaim(BRAND, ContactKey.phone("+1 555 0100"), CARD, "e1", 2);

        assertEquals(Map.of("PK", s("BRAND#b1#CONTACT#phone:15550100"), "SK", s("CONTACT"), "type", s("Contact"),
                "card", s(CARD.value()), "enrollment", s("e1"), "round", AttributeValue.fromN("2")),
                EnrollmentItems.SCHEMA.itemToMap(claim, true));
        assertEquals(claim, roundTrip(claim));
    }

    /** The enhanced client's update SETs exactly the attributes these partial items hold ({@code type} unchanged). */
    @Test
    void each_update_sets_only_its_own_attributes() {
        EnrollmentRecord r = pending();
        assertEquals(Set.of("PK", "SK", "type", "card", "pinHash", "sealedPin", "round"),
                attributes(EnrollmentItems.choice(r, CARD, new SealedPin("h", "s"))));
        assertEquals(Set.of("PK", "SK", "type", "state", "due", "GSI2PK", "GSI2SK"),
                attributes(EnrollmentItems.completion(r, T0)));
        assertEquals(Set.of("PK", "SK", "type", "due", "GSI2PK", "GSI2SK"), attributes(EnrollmentItems.postponement(r, T0)));
        assertEquals(EnrollmentItems.SCHEMA.itemToMap(EnrollmentItems.item(r), true).get("GSI2PK"),
                EnrollmentItems.SCHEMA.itemToMap(EnrollmentItems.postponement(r, T0), true).get("GSI2PK"));
    }

    private static Set<String> attributes(ContactItem partial) {
        return EnrollmentItems.SCHEMA.itemToMap(partial, true).keySet();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
