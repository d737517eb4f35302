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
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Contact claims, one item {@code BRAND#b#CONTACT#<email:x | phone:digits> / CONTACT} each, every change one
 * conditional write. An e-mail's item is its enrollment's record ({@link EnrollmentItems}): started with
 * {@code attribute_not_exists(PK)}; each later step conditional on the enrollment's id, its state and (for a choice or
 * the completion) its round. A phone's item holds the card, enrollment and round that claimed it; a later round of the
 * same enrollment may move it. Records with something left to do are in GSI2 ({@code ENROLLMENTS#DUE}).
 */
final class DynamoMemberDirectory implements MemberDirectoryPort {
    /** Claims retried when the item changed between a refused write and the read that explains it. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String PENDING = EnrollmentRecord.Status.PENDING.name();
    private static final String COMPLETE = EnrollmentRecord.Status.COMPLETE.name();

    private final Table table;

    DynamoMemberDirectory(Table table) {
        this.table = table;
    }

    @Override
    public Optional<CardNumber> find(BrandId brand, ContactKey contact) {
        return table.get(Keys.contact(brand.value(), contact.asText()), Keys.CONTACT_SK, true)
                .flatMap(i -> Attr.optStr(i, CARD)).map(CardNumber::new);
    }

    @Override
    public ClaimOutcome claim(BrandId brand, ContactKey phone, CardNumber card, String enrollmentId, int round) {
        if (phone.kind() != ContactKey.Kind.PHONE) {
            throw new IllegalArgumentException("e-mails are claimed by starting an enrollment");
        }
        var item = Attr.item(Keys.contact(brand.value(), phone.asText()), Keys.CONTACT_SK, EnrollmentItems.TYPE);
        item.put(CARD, Attr.s(card.value()));
        item.put(ENROLLMENT, Attr.s(enrollmentId));
        item.put(ROUND, Attr.n(round));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(item, "attribute_not_exists(PK) OR (#e = :e AND #r <= :r)", Map.of("#e", ENROLLMENT, "#r", ROUND),
                    Map.of(":e", Attr.s(enrollmentId), ":r", Attr.n(round)))) {
                return new ClaimOutcome.Claimed();
            }
            Optional<Map<String, AttributeValue>> held = table.get(Keys.contact(brand.value(), phone.asText()), Keys.CONTACT_SK, true);
            if (held.isPresent()) {
                CardNumber owner = new CardNumber(Attr.str(held.get(), CARD));
                return enrollmentId.equals(Attr.str(held.get(), ENROLLMENT))
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
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIfAbsent(EnrollmentItems.item(pending))) {
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
        return table.get(Keys.contact(brand.value(), email.asText()), Keys.CONTACT_SK, true)
                .map(i -> EnrollmentItems.record(brand, email, i));
    }

    @Override
    public boolean choose(EnrollmentRecord seen, CardNumber card, EnrollmentRecord.SealedPin pin) {
        Map<String, AttributeValue> values = ofRecord(seen, PENDING);
        values.put(":card", Attr.s(card.value()));
        values.put(":hash", Attr.s(pin.hash()));
        values.put(":sealed", Attr.s(pin.sealed()));
        values.put(":round", Attr.n(seen.round()));
        values.put(":next", Attr.n(seen.round() + 1));
        return table.updateIf(EnrollmentItems.key(seen.brand(), seen.email()),
                "SET #card = :card, #hash = :hash, #sealed = :sealed, #r = :next", "#s = :state AND #e = :e AND #r = :round",
                Map.of("#card", CARD, "#hash", PIN_HASH, "#sealed", SEALED_PIN, "#r", ROUND, "#s", STATE, "#e", ENROLLMENT),
                values);
    }

    @Override
    public boolean complete(EnrollmentRecord pending, Instant revealUntil) {
        Map<String, AttributeValue> values = ofRecord(pending, PENDING);
        values.put(":complete", Attr.s(COMPLETE));
        values.put(":round", Attr.n(pending.round()));
        values.put(":due", Attr.n(revealUntil.toEpochMilli()));
        values.put(":sk", EnrollmentItems.dueSk(pending, revealUntil));
        return table.updateIf(EnrollmentItems.key(pending.brand(), pending.email()),
                "SET #s = :complete, #due = :due, #sk = :sk", "#s = :state AND #e = :e AND #r = :round AND attribute_exists(#card)",
                Map.of("#s", STATE, "#e", ENROLLMENT, "#r", ROUND, "#due", DUE, "#sk", TallyTable.GSI2.sortKey(), "#card", CARD),
                values);
    }

    @Override
    public void abandon(EnrollmentRecord pending) {
        try {
            table.client.deleteItem(DeleteItemRequest.builder().tableName(table.name)
                    .key(EnrollmentItems.key(pending.brand(), pending.email()))
                    .conditionExpression("#s = :state AND #e = :e")
                    .expressionAttributeNames(Map.of("#s", STATE, "#e", ENROLLMENT))
                    .expressionAttributeValues(ofRecord(pending, PENDING)).build());
        } catch (ConditionalCheckFailedException notOurs) {
            // completed, or another enrollment's by now: nothing of ours to give back
        }
    }

    @Override
    public void scrub(EnrollmentRecord complete) {
        Map<String, String> names = new HashMap<>(Map.of("#s", STATE, "#e", ENROLLMENT, "#due", DUE,
                "#pk", TallyTable.GSI2.partitionKey(), "#sk", TallyTable.GSI2.sortKey()));
        names.putAll(Map.of("#hash", PIN_HASH, "#sealed", SEALED_PIN, "#c", EnrollmentItems.CUSTOMER,
                "#ref", EnrollmentItems.REFERRAL_SENDER, "#url", EnrollmentItems.PORTAL_URL, "#req", EnrollmentItems.REQUESTER,
                "#form", EnrollmentItems.FORM, "#at", EnrollmentItems.STARTED_AT));
        table.updateIf(EnrollmentItems.key(complete.brand(), complete.email()),
                "REMOVE #hash, #sealed, #c, #ref, #url, #req, #form, #at, #due, #pk, #sk", "#s = :state AND #e = :e", names,
                ofRecord(complete, COMPLETE));
    }

    @Override
    public boolean postpone(EnrollmentRecord record, Instant due) {
        Map<String, AttributeValue> values = ofRecord(record, record.status().name());
        values.put(":due", Attr.n(due.toEpochMilli()));
        values.put(":sk", EnrollmentItems.dueSk(record, due));
        return table.updateIf(EnrollmentItems.key(record.brand(), record.email()), "SET #due = :due, #sk = :sk",
                "#s = :state AND #e = :e AND attribute_exists(#sk)",
                Map.of("#s", STATE, "#e", ENROLLMENT, "#due", DUE, "#sk", TallyTable.GSI2.sortKey()), values);
    }

    /** GSI2 {@code ENROLLMENTS#DUE}, sort key below the bound: one query, oldest due first. */
    @Override
    public List<EnrollmentRecord> due(Instant before, int limit) {
        if (limit < 1 || limit > MAX_DUE) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE);
        }
        return table.query(QueryRequest.builder().indexName(TallyTable.GSI2.name())
                        .keyConditionExpression("#pk = :pk AND #sk < :bound")
                        .expressionAttributeNames(Map.of("#pk", TallyTable.GSI2.partitionKey(), "#sk", TallyTable.GSI2.sortKey()))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.ENROLLMENTS_DUE),
                                ":bound", Attr.s(Keys.enrollmentDueBefore(before.toEpochMilli()))))
                        .limit(limit))
                .stream().map(EnrollmentItems::record).toList();
    }

    /** The condition values that say "still this enrollment, in this state". */
    private static Map<String, AttributeValue> ofRecord(EnrollmentRecord record, String state) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", Attr.s(state));
        values.put(":e", Attr.s(record.id()));
        return values;
    }
}
