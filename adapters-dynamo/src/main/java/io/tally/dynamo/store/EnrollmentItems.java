package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.EnrollmentRecord.Intent;
import io.tally.domain.member.EnrollmentRecord.SealedPin;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The contact claim item {@code BRAND#b#CONTACT#<email:x | phone:digits> / CONTACT} ({@link ContactItem},
 * {@link #SCHEMA}). An e-mail's item is its enrollment's record: while the record has something left to do it carries
 * GSI2 keys ({@code ENROLLMENTS#DUE} / due, brand, e-mail), so the periodic job finds it without a scan. Claims
 * written before enrollments had records (only {@code card}) read as complete enrollments without an id. A phone's
 * item holds only the card, enrollment and round that claimed it.
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
    static final String DEMOGRAPHICS = "demographics";
    static final String DUE = "due";

    /**
     * A contact claim item's attributes as stored, each null when absent: a whole item (an enrollment's first write, a
     * phone claim, every read) or, for an update that sets only some attributes, the key and those attributes.
     *
     * @param brand   and {@code contact} ({@code email:x}): stored on enrollment records only (the due index needs them)
     * @param round   the enrollment's choice number (0 = nothing chosen yet)
     * @param pin     stored as {@code pinHash} and {@code sealedPin}
     * @param intent  stored as {@code customer} (a document), {@code referralSender}, {@code portalUrl},
     *                {@code requester}, {@code formFingerprint}, {@code startedAt}
     * @param due     epoch milliseconds; {@code dueSk} is its GSI2 sort key (with it, the item is in the due index)
     */
    record ContactItem(String pk, String brand, String contact, String card, String enrollment, String state, Long round,
                       SealedPin pin, Intent intent, Long due, String dueSk) {
    }

    static final StaticImmutableTableSchema<ContactItem, ItemValues> SCHEMA = ItemSchema.of(ContactItem.class,
                    EnrollmentItems::read)
            .key(TYPE, ContactItem::pk, i -> Keys.CONTACT_SK)
            .string("brand", ContactItem::brand)
            .string("contact", ContactItem::contact)
            .string(ENROLLMENT, ContactItem::enrollment)
            .string(STATE, ContactItem::state)
            .number(ROUND, ContactItem::round)
            .string(CARD, ContactItem::card)
            .string(PIN_HASH, i -> i.pin() == null ? null : i.pin().hash())
            .string(SEALED_PIN, i -> i.pin() == null ? null : i.pin().sealed())
            .document(CUSTOMER, Customer.class, CustomerSchema.SCHEMA, intent(Intent::customer))
            .string(REFERRAL_SENDER, intent(x -> x.referralSender().map(CardNumber::value).orElse(null)))
            .string(PORTAL_URL, intent(Intent::portalUrl))
            .string(REQUESTER, intent(Intent::requester))
            .string(FORM, intent(Intent::fingerprint))
            .string(STARTED_AT, intent(x -> x.startedAt().toString()))
            .strings(DEMOGRAPHICS, intent(Intent::demographics))
            .number(DUE, ContactItem::due)
            .index(TallyTable.GSI2, i -> i.dueSk() == null ? null : Keys.ENROLLMENTS_DUE, ContactItem::dueSk)
            .build();

    private EnrollmentItems() {
    }

    static String pk(BrandId brand, ContactKey contact) {
        return Keys.contact(brand.value(), contact.asText());
    }

    /** An enrollment record's whole item; in the due index while it is due. */
    static ContactItem item(EnrollmentRecord r) {
        return new ContactItem(pk(r.brand(), r.email()), r.brand().value(), r.email().asText(),
                r.card().map(CardNumber::value).orElse(null), r.id(), r.status().name(), (long) r.round(), r.pin().orElse(null), r.intent().orElse(null),
                r.due().map(Instant::toEpochMilli).orElse(null), r.due().map(d -> dueSk(r, d)).orElse(null));
    }

    /** A phone's claim by a card, for an enrollment's round. */
    static ContactItem phoneClaim(BrandId brand, ContactKey phone, CardNumber card, String enrollmentId, int round) {
        return new ContactItem(pk(brand, phone), null, null, card.value(), enrollmentId, null, (long) round, null, null, null,
                null);
    }

    /** The attributes a card choice sets: the card, its sealed PIN, the next round. */
    static ContactItem choice(EnrollmentRecord seen, CardNumber card, SealedPin pin) {
        return new ContactItem(pk(seen.brand(), seen.email()), null, null, card.value(), null, null, seen.round() + 1L, pin, null,
                null, null);
    }

    /** The attributes the completion sets: COMPLETE, due (and in the due index) until {@code revealUntil}. */
    static ContactItem completion(EnrollmentRecord pending, Instant revealUntil) {
        return new ContactItem(pk(pending.brand(), pending.email()), null, null, null, null,
                EnrollmentRecord.Status.COMPLETE.name(), null, null, null, revealUntil.toEpochMilli(), dueSk(pending, revealUntil));
    }

    /** The attributes a postponement sets: the new due instant, in the due index. */
    static ContactItem postponement(EnrollmentRecord record, Instant due) {
        return new ContactItem(pk(record.brand(), record.email()), null, null, null, null, null, null, null, null,
                due.toEpochMilli(), dueSk(record, due));
    }

    /** The record of an item read by its key. */
    static EnrollmentRecord record(BrandId brand, ContactKey email, ContactItem i) {
        return new EnrollmentRecord(brand, email, i.enrollment() == null ? "" : i.enrollment(),
                i.state() == null ? EnrollmentRecord.Status.COMPLETE : EnrollmentRecord.Status.valueOf(i.state()),
                Optional.ofNullable(i.card()).map(CardNumber::new), i.round() == null ? 0 : i.round().intValue(),
                Optional.ofNullable(i.pin()), Optional.ofNullable(i.intent()),
                Optional.ofNullable(i.due()).map(Instant::ofEpochMilli));
    }

    /** The record of an item from the due index (which carries its brand and e-mail). */
    static EnrollmentRecord record(ContactItem i) {
        String contact = i.contact();
        return record(new BrandId(i.brand()), ContactKey.email(contact.substring(contact.indexOf(':') + 1)), i);
    }

    private static String dueSk(EnrollmentRecord r, Instant due) {
        return Keys.enrollmentDueSk(due.toEpochMilli(), r.brand().value(), r.email().asText());
    }

    private static <R> Function<ContactItem, R> intent(Function<Intent, R> attribute) {
        return i -> i.intent() == null ? null : attribute.apply(i.intent());
    }

    private static ContactItem read(ItemValues v) {
        Optional<String> hash = v.optString(PIN_HASH);
        Optional<String> sealed = v.optString(SEALED_PIN);
        SealedPin pin = hash.isPresent() && sealed.isPresent() ? new SealedPin(hash.get(), sealed.get()) : null;
        Intent intent = v.<Customer>document(CUSTOMER).map(customer -> new Intent(customer,
                v.optString(REFERRAL_SENDER).map(CardNumber::new), v.string(PORTAL_URL), v.string(REQUESTER), v.string(FORM),
                Instant.parse(v.string(STARTED_AT)), v.map(DEMOGRAPHICS))).orElse(null);
        return new ContactItem(v.string(TallyTable.PK), v.optString("brand").orElse(null),
                v.optString("contact").orElse(null), v.optString(CARD).orElse(null), v.optString(ENROLLMENT).orElse(null), v.optString(STATE).orElse(null),
                v.optNumber(ROUND).orElse(null), pin, intent, v.optNumber(DUE).orElse(null),
                v.optString(TallyTable.GSI2.sortKey()).orElse(null));
    }
}
