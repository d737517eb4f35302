package io.tally.dynamo.store;

import static io.tally.dynamo.store.Attr.s;

import io.tally.domain.card.CardNumber;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an enrollment record to its e-mail's contact claim item {@code BRAND#b#CONTACT#email:x / CONTACT} and back.
 * While the record has something left to do it carries GSI2 keys ({@code ENROLLMENTS#DUE} / due, brand, e-mail), so
 * the periodic job finds it without a scan. Claims written before enrollments had records (only {@code card}) read as
 * complete enrollments without an id.
 */
final class EnrollmentItems {
    static final String TYPE = "Contact";
    static final String CARD = "card";
    static final String ENROLLMENT = "enrollment";
    static final String STATE = "state";
    static final String ROUND = "round";
    static final String PIN_HASH = "pinHash";
    static final String SEALED_PIN = "sealedPin";
    static final String CUSTOMER = "customer";
    static final String REFERRAL_SENDER = "referralSender";
    static final String PORTAL_URL = "portalUrl";
    static final String REQUESTER = "requester";
    static final String FORM = "formFingerprint";
    static final String STARTED_AT = "startedAt";
    static final String DUE = "due";

    private EnrollmentItems() {
    }

    static Map<String, AttributeValue> key(BrandId brand, ContactKey email) {
        return Attr.key(Keys.contact(brand.value(), email.asText()), Keys.CONTACT_SK);
    }

    /** A new pending enrollment's item (nothing chosen yet), in the due index. */
    static Map<String, AttributeValue> item(EnrollmentRecord r) {
        var item = Attr.item(Keys.contact(r.brand().value(), r.email().asText()), Keys.CONTACT_SK, TYPE);
        item.put("brand", s(r.brand().value()));
        item.put("contact", s(r.email().asText()));
        item.put(ENROLLMENT, s(r.id()));
        item.put(STATE, s(r.status().name()));
        item.put(ROUND, Attr.n(r.round()));
        r.card().ifPresent(c -> item.put(CARD, s(c.value())));
        r.pin().ifPresent(p -> {
            item.put(PIN_HASH, s(p.hash()));
            item.put(SEALED_PIN, s(p.sealed()));
        });
        r.intent().ifPresent(i -> {
            item.put(CUSTOMER, CardItems.customer(i.customer()));
            i.referralSender().ifPresent(c -> item.put(REFERRAL_SENDER, s(c.value())));
            item.put(PORTAL_URL, s(i.portalUrl()));
            item.put(REQUESTER, s(i.requester()));
            item.put(FORM, s(i.fingerprint()));
            item.put(STARTED_AT, s(i.startedAt().toString()));
        });
        r.due().ifPresent(d -> {
            item.put(DUE, Attr.n(d.toEpochMilli()));
            item.put(TallyTable.GSI2.partitionKey(), s(Keys.ENROLLMENTS_DUE));
            item.put(TallyTable.GSI2.sortKey(), dueSk(r, d));
        });
        return item;
    }

    static AttributeValue dueSk(EnrollmentRecord r, Instant due) {
        return s(Keys.enrollmentDueSk(due.toEpochMilli(), r.brand().value(), r.email().asText()));
    }

    /** The record of an item read by its key. */
    static EnrollmentRecord record(BrandId brand, ContactKey email, Map<String, AttributeValue> i) {
        Optional<String> hash = Attr.optStr(i, PIN_HASH);
        Optional<String> sealed = Attr.optStr(i, SEALED_PIN);
        Optional<EnrollmentRecord.SealedPin> pin = hash.isPresent() && sealed.isPresent()
                ? Optional.of(new EnrollmentRecord.SealedPin(hash.get(), sealed.get())) : Optional.empty();
        return new EnrollmentRecord(brand, email, Attr.optStr(i, ENROLLMENT).orElse(""),
                Attr.optStr(i, STATE).map(EnrollmentRecord.Status::valueOf).orElse(EnrollmentRecord.Status.COMPLETE),
                Attr.optStr(i, CARD).map(CardNumber::new), (int) Attr.num(i, ROUND), pin, intent(i),
                i.containsKey(DUE) ? Optional.of(Instant.ofEpochMilli(Attr.num(i, DUE))) : Optional.empty());
    }

    /** The record of an item from the due index (which carries its brand and e-mail). */
    static EnrollmentRecord record(Map<String, AttributeValue> i) {
        String contact = Attr.str(i, "contact");
        return record(new BrandId(Attr.str(i, "brand")), ContactKey.email(contact.substring(contact.indexOf(':') + 1)), i);
    }

    private static Optional<EnrollmentRecord.Intent> intent(Map<String, AttributeValue> i) {
        return CardItems.customer(i.get(CUSTOMER)).map(customer -> new EnrollmentRecord.Intent(customer,
                Attr.optStr(i, REFERRAL_SENDER).map(CardNumber::new), Attr.str(i, PORTAL_URL), Attr.str(i, REQUESTER),
                Attr.str(i, FORM), Instant.parse(Attr.str(i, STARTED_AT))));
    }
}
