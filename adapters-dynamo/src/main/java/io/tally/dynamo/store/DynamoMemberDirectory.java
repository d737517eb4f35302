package io.tally.dynamo.store;

import static io.tally.dynamo.store.EnrollmentItems.CARD;
import static io.tally.dynamo.store.EnrollmentItems.DUE;
import static io.tally.dynamo.store.EnrollmentItems.ENROLLMENT;
import static io.tally.dynamo.store.EnrollmentItems.PIN_HASH;
import static io.tally.dynamo.store.EnrollmentItems.ROUND;
import static io.tally.dynamo.store.EnrollmentItems.SEALED_PIN;
import static io.tally.dynamo.store.EnrollmentItems.STATE;

import io.tally.domain.card.CardNumber;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.EnrollmentItems.ContactItem;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Contact claims, one item {@code BRAND#b#CONTACT#<email:x | phone:digits> / CONTACT} each ({@link EnrollmentItems}),
 * every change one conditional write. An e-mail's item is its enrollment's record: started with
 * {@code attribute_not_exists(PK)}; each later step conditional on the enrollment's id, its state and (for a choice or
 * the completion) its round. A phone's item holds the card, enrollment and round that claimed it; a later round of the
 * same enrollment may move it. Records with something left to do are in GSI2 ({@code ENROLLMENTS#DUE}). Every request
 * goes through the enhanced client but the scrub (an UpdateItem that REMOVEs attributes).
 */
final class DynamoMemberDirectory implements MemberDirectoryPort {
    /** Claims retried when the item changed between a refused write and the read that explains it. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String PENDING = EnrollmentRecord.Status.PENDING.name();
    private static final String COMPLETE = EnrollmentRecord.Status.COMPLETE.name();

    private final Table table;
    private final DynamoDbTable<ContactItem> contacts;

    DynamoMemberDirectory(Table table) {
        this.table = table;
        this.contacts = table.of(EnrollmentItems.SCHEMA);
    }

    @Override
    public Optional<CardNumber> find(BrandId brand, ContactKey contact) {
        return read(brand, contact).map(ContactItem::card).map(CardNumber::new);
    }

    @Override
    public ClaimOutcome claim(BrandId brand, ContactKey phone, CardNumber card, String enrollmentId, int round) {
        if (phone.kind() != ContactKey.Kind.PHONE) {
            throw new IllegalArgumentException("e-mails are claimed by starting an enrollment");
        }
        ContactItem item = EnrollmentItems.phoneClaim(brand, phone, card, enrollmentId, round);
        Expression sameEnrollment = Table.condition("attribute_not_exists(PK) OR (#e = :e AND #r <= :r)",
                Map.of("#e", ENROLLMENT, "#r", ROUND), Map.of(":e", Attr.s(enrollmentId), ":r", Attr.n(round)));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(contacts, item, sameEnrollment)) {
                return new ClaimOutcome.Claimed();
            }
            Optional<ContactItem> held = read(brand, phone);
            if (held.isPresent()) {
                CardNumber owner = new CardNumber(held.get().card());
                return enrollmentId.equals(held.get().enrollment())
                        ? new ClaimOutcome.Superseded(owner) : new ClaimOutcome.Taken(owner);
            }
        }
        throw new IllegalStateException("phone claim " + phone.asText() + " could neither be written nor read");
    }

    @Override
    public Optional<EnrollmentRecord> start(EnrollmentRecord pending) {
        if (!pending.pending() || pending.round() != 0) {
            throw new IllegalArgumentException("an enrollment starts pending, nothing chosen");
        }
        ContactItem item = EnrollmentItems.item(pending);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIfAbsent(contacts, item)) {
                return Optional.empty();
            }
            Optional<EnrollmentRecord> held = enrollment(pending.brand(), pending.email());
            if (held.isPresent()) {
                return held;
            }
            // abandoned between the refused put and the read: claim again
        }
        throw new IllegalStateException("e-mail claim " + pending.email().asText() + " could neither be written nor read");
    }

    @Override
    public Optional<EnrollmentRecord> enrollment(BrandId brand, ContactKey email) {
        return read(brand, email).map(i -> EnrollmentItems.record(brand, email, i));
    }

    @Override
    public boolean choose(EnrollmentRecord seen, CardNumber card, EnrollmentRecord.SealedPin pin) {
        Map<String, AttributeValue> values = ofRecord(seen, PENDING);
        values.put(":round", Attr.n(seen.round()));
        return updateIf(EnrollmentItems.choice(seen, card, pin), "#s = :state AND #e = :e AND #r = :round",
                Map.of("#s", STATE, "#e", ENROLLMENT, "#r", ROUND), values);
    }

    @Override
    public boolean complete(EnrollmentRecord pending, Instant revealUntil) {
        Map<String, AttributeValue> values = ofRecord(pending, PENDING);
        values.put(":round", Attr.n(pending.round()));
        return updateIf(EnrollmentItems.completion(pending, revealUntil),
                "#s = :state AND #e = :e AND #r = :round AND attribute_exists(#card)",
                Map.of("#s", STATE, "#e", ENROLLMENT, "#r", ROUND, "#card", CARD), values);
    }

    @Override
    public void abandon(EnrollmentRecord pending) {
        try {
            contacts.deleteItem(r -> r.key(key(pending.brand(), pending.email()))
                    .conditionExpression(Table.condition("#s = :state AND #e = :e", Map.of("#s", STATE, "#e", ENROLLMENT),
                            ofRecord(pending, PENDING))));
        } catch (ConditionalCheckFailedException notOurs) {
            // completed, or another enrollment's by now: nothing of ours to give back
        }
    }

    /**
     * Low-level: an UpdateItem that REMOVEs the secrets, the intent and the due index keys, which the enhanced
     * client's item-based update cannot express without rewriting the rest of the item.
     */
    @Override
    public void scrub(EnrollmentRecord complete) {
        Map<String, String> names = new HashMap<>(Map.of("#s", STATE, "#e", ENROLLMENT, "#due", DUE,
                "#pk", TallyTable.GSI2.partitionKey(), "#sk", TallyTable.GSI2.sortKey()));
        names.putAll(Map.of("#hash", PIN_HASH, "#sealed", SEALED_PIN, "#c", EnrollmentItems.CUSTOMER,
                "#ref", EnrollmentItems.REFERRAL_SENDER, "#url", EnrollmentItems.PORTAL_URL, "#req", EnrollmentItems.REQUESTER,
                "#form", EnrollmentItems.FORM, "#at", EnrollmentItems.STARTED_AT));
        table.updateIf(Attr.key(EnrollmentItems.pk(complete.brand(), complete.email()), Keys.CONTACT_SK),
                "REMOVE #hash, #sealed, #c, #ref, #url, #req, #form, #at, #due, #pk, #sk", "#s = :state AND #e = :e", names,
                ofRecord(complete, COMPLETE));
    }

    @Override
    public boolean postpone(EnrollmentRecord record, Instant due) {
        return updateIf(EnrollmentItems.postponement(record, due), "#s = :state AND #e = :e AND attribute_exists(#sk)",
                Map.of("#s", STATE, "#e", ENROLLMENT, "#sk", TallyTable.GSI2.sortKey()),
                ofRecord(record, record.status().name()));
    }

    /** GSI2 {@code ENROLLMENTS#DUE}, sort key below the bound: one query, oldest due first. */
    @Override
    public List<EnrollmentRecord> due(Instant before, int limit) {
        if (limit < 1 || limit > MAX_DUE) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE);
        }
        Key bound = Key.builder().partitionValue(Keys.ENROLLMENTS_DUE)
                .sortValue(Keys.enrollmentDueBefore(before.toEpochMilli())).build();
        return table.query(contacts, TallyTable.GSI2.name(), QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThan(bound)).limit(limit).build())
                .stream().map(EnrollmentItems::record).toList();
    }

    private Optional<ContactItem> read(BrandId brand, ContactKey contact) {
        return table.get(contacts, EnrollmentItems.pk(brand, contact), Keys.CONTACT_SK, true);
    }

    /** Sets the partial item's attributes (and no others) if the condition holds; false when it does not. */
    private boolean updateIf(ContactItem partial, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        return table.updateIf(contacts, partial, Table.condition(condition, names, values));
    }

    private static Key key(BrandId brand, ContactKey contact) {
        return Table.key(EnrollmentItems.pk(brand, contact), Keys.CONTACT_SK);
    }

    /** The condition values that say "still this enrollment, in this state". */
    private static Map<String, AttributeValue> ofRecord(EnrollmentRecord record, String state) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", Attr.s(state));
        values.put(":e", Attr.s(record.id()));
        return values;
    }
}
