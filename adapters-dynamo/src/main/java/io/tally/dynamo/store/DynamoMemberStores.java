package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The member portal's small items, each decided by one single-item write: referral claims
 * ({@code attribute_not_exists}), attempt counters ({@code ADD}, TTL), list choices (put if not older) and sent-e-mail
 * claims ({@code attribute_not_exists}, TTL). Contact claims and enrollments: {@link DynamoMemberDirectory}. Every
 * request goes through the enhanced client but the counter's increment (an UpdateItem with {@code ADD}).
 */
final class DynamoMemberStores implements AttemptCounterPort, PreferencesPort, ReferralClaimPort, SentEmailsPort {
    static final Duration SENT_RETENTION = Duration.ofDays(400);

    /**
     * An attempt counter's window {@code COUNTER#name / W#windowStart}: its count {@code n} and when it expires (epoch
     * seconds). Written only by the increment's ADD, which stores no {@code type}; read through this schema.
     */
    record Counter(String pk, String sk, Long n, Long expiresAt) {
    }

    static final StaticImmutableTableSchema<Counter, ItemValues> COUNTER = ItemSchema.of(Counter.class,
                    v -> new Counter(v.optString(TallyTable.PK).orElse(null), v.optString(TallyTable.SK).orElse(null),
                            v.optNumber("n").orElse(null), v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null)))
            .key("Counter", Counter::pk, Counter::sk)
            .number("n", Counter::n)
            .number(TallyTable.TTL_ATTRIBUTE, Counter::expiresAt)
            .build();

    /** A recipient's preferences {@code BRAND#b#PREFS#email:x / PREFS} (the e-mail is only in the key). */
    record PreferencesItem(String pk, Map<String, Boolean> lists, String updatedAt) {
    }

    static final StaticImmutableTableSchema<PreferencesItem, ItemValues> PREFERENCES = ItemSchema.of(PreferencesItem.class,
                    v -> new PreferencesItem(v.string(TallyTable.PK), v.map("lists"), v.string("updatedAt")))
            .key("Preferences", PreferencesItem::pk, p -> Keys.PREFERENCES_SK)
            .flags("lists", PreferencesItem::lists)
            .string("updatedAt", PreferencesItem::updatedAt)
            .build();

    /**
     * One list's choice {@code BRAND#b#PREFS#email:x / LIST#<list>} (A103): on or off, when (epoch ms: compared by the
     * write's condition) and where it came from.
     */
    record ListChoiceItem(String pk, String list, boolean on, long atMs, String source) {
    }

    static final StaticImmutableTableSchema<ListChoiceItem, ItemValues> LIST_CHOICE = ItemSchema.of(ListChoiceItem.class,
                    v -> new ListChoiceItem(v.string(TallyTable.PK), v.string("list"), v.bool("on"), v.number("atMs"),
                            v.string("source")))
            .key("ListChoice", ListChoiceItem::pk, c -> Keys.listChoiceSk(c.list()))
            .string("list", ListChoiceItem::list)
            .bool("on", ListChoiceItem::on)
            .number("atMs", ListChoiceItem::atMs)
            .string("source", ListChoiceItem::source)
            .build();

    /** A friend's referral claim {@code BRAND#b#REFERRAL#email / REFERRAL} (brand and e-mail are only in the key). */
    record ReferralItem(String pk, String sender, String friend, String claimedAt) {
    }

    static final StaticImmutableTableSchema<ReferralItem, ItemValues> REFERRAL = ItemSchema.of(ReferralItem.class,
                    v -> new ReferralItem(v.string(TallyTable.PK), v.string("sender"), v.string("friend"), v.string("claimedAt")))
            .key("ReferralClaim", ReferralItem::pk, r -> Keys.REFERRAL_SK)
            .string("sender", ReferralItem::sender)
            .string("friend", ReferralItem::friend)
            .string("claimedAt", ReferralItem::claimedAt)
            .build();

    /** That a message was handed to the mail provider {@code BRAND#b#EMAIL#id / SENT}; expires (epoch seconds). */
    record SentEmail(String pk, String sentAt, Long expiresAt) {
    }

    static final StaticImmutableTableSchema<SentEmail, ItemValues> SENT_EMAIL = ItemSchema.of(SentEmail.class,
                    v -> new SentEmail(v.string(TallyTable.PK), v.string("sentAt"),
                            v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null)))
            .key("SentEmail", SentEmail::pk, s -> Keys.SENT_EMAIL_SK)
            .string("sentAt", SentEmail::sentAt)
            .number(TallyTable.TTL_ATTRIBUTE, SentEmail::expiresAt)
            .build();

    private final Table table;
    private final DynamoDbTable<Counter> counters;
    private final DynamoDbTable<ListChoiceItem> listChoices;
    private final DynamoDbTable<ReferralItem> referrals;
    private final DynamoDbTable<SentEmail> sentEmails;

    DynamoMemberStores(Table table) {
        this.table = table;
        this.counters = table.of(COUNTER);
        this.listChoices = table.of(LIST_CHOICE);
        this.referrals = table.of(REFERRAL);
        this.sentEmails = table.of(SENT_EMAIL);
    }

    /**
     * Low-level: an UpdateItem that ADDs to the count (creating the item at 1), which the enhanced client's
     * item-based update cannot express (it only SETs values it was given); the new count is read through the schema.
     */
    @Override
    public long increment(String counter, Instant windowStart, Instant expiresAt) {
        var response = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond())))
                .updateExpression("ADD #n :one SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#n", "n", "#ttl", TallyTable.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":ttl", Attr.n(expiresAt.getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW).build());
        return COUNTER.mapToItem(response.attributes()).n();
    }

    @Override
    public long count(String counter, Instant windowStart) {
        return table.get(counters, Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond()), true)
                .map(Counter::n).orElse(0L);
    }

    @Override
    public void reset(String counter, Instant windowStart) {
        counters.deleteItem(Table.key(Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond())));
    }

    /**
     * A102: consistent {@code Query PK=BRAND#b#PREFS#email:x, SK BETWEEN LIST# AND PREFS}: every list's choice and the
     * choices stored whole before (a list's own item, being newer, wins over them).
     */
    @Override
    public Optional<Preferences> load(BrandId brand, ContactKey email) {
        List<Map<String, AttributeValue>> items = table.query(QueryRequest.builder().tableName(table.name)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.preferences(brand.value(), email.asText())),
                        ":from", Attr.s(Keys.LIST_CHOICE_PREFIX), ":to", Attr.s(Keys.PREFERENCES_SK)))
                .consistentRead(true));
        Map<String, Boolean> lists = new HashMap<>();
        Instant updated = Instant.EPOCH;
        for (Map<String, AttributeValue> item : items) {
            if (Keys.PREFERENCES_SK.equals(Attr.str(item, TallyTable.SK))) {
                PreferencesItem whole = PREFERENCES.mapToItem(item);
                whole.lists().forEach(lists::putIfAbsent);
                updated = max(updated, Instant.parse(whole.updatedAt()));
            }
        }
        for (Map<String, AttributeValue> item : items) {
            if (Attr.str(item, TallyTable.SK).startsWith(Keys.LIST_CHOICE_PREFIX)) {
                ListChoiceItem choice = LIST_CHOICE.mapToItem(item);
                lists.put(choice.list(), choice.on());
                updated = max(updated, Instant.ofEpochMilli(choice.atMs()));
            }
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(new Preferences(email, lists, updated));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A103: {@code PutItem … / LIST#<list>} conditional on {@code attribute_not_exists(PK) OR atMs < :at} (joining) or
     * {@code atMs <= :at} (leaving: an unsubscribe at the same millisecond wins).
     */
    @Override
    public boolean choose(BrandId brand, ContactKey email, Choice choice) {
        String condition = "attribute_not_exists(PK) OR atMs " + (choice.on() ? "<" : "<=") + " :at";
        return table.putIf(listChoices, new ListChoiceItem(Keys.preferences(brand.value(), email.asText()), choice.list(),
                        choice.on(), choice.at().toEpochMilli(), choice.source().name()),
                Table.condition(condition, Map.of(), Map.of(":at", Attr.n(choice.at().toEpochMilli()))));
    }

    @Override
    public Optional<ReferralClaim> claim(ReferralClaim claim) {
        String pk = Keys.referral(claim.brand().value(), claim.friendEmail());
        if (table.putIfAbsent(referrals, new ReferralItem(pk, claim.sender().value(), claim.friend().value(),
                claim.claimedAt().toString()))) {
            return Optional.empty();
        }
        ReferralItem held = table.get(referrals, pk, Keys.REFERRAL_SK, true).orElseThrow();
        return Optional.of(new ReferralClaim(claim.brand(), claim.friendEmail(), new CardNumber(held.sender()),
                new CardNumber(held.friend()), Instant.parse(held.claimedAt())));
    }

    @Override
    public boolean claim(BrandId brand, String messageId, Instant now) {
        return table.putIfAbsent(sentEmails, new SentEmail(Keys.sentEmail(brand.value(), messageId), now.toString(),
                now.plus(SENT_RETENTION).getEpochSecond()));
    }

    /** A23: {@code UpdateItem SET handedAt} if the claim exists and has none (the first mark stands). */
    @Override
    public void markHanded(BrandId brand, String messageId, Instant at) {
        table.updateIf(Map.of(TallyTable.PK, AttributeValue.fromS(Keys.sentEmail(brand.value(), messageId)),
                        TallyTable.SK, AttributeValue.fromS(Keys.SENT_EMAIL_SK)), "SET handedAt = :at",
                "attribute_exists(PK) AND attribute_not_exists(handedAt)", Map.of(),
                Map.of(":at", AttributeValue.fromS(at.toString())));
    }

    /** A23: consistent {@code GetItem} of the claim, projecting {@code handedAt}. */
    @Override
    public Optional<Instant> handedAt(BrandId brand, String messageId) {
        var item = table.client.getItem(GetItemRequest.builder().tableName(table.name).consistentRead(true)
                .key(Map.of(TallyTable.PK, AttributeValue.fromS(Keys.sentEmail(brand.value(), messageId)),
                        TallyTable.SK, AttributeValue.fromS(Keys.SENT_EMAIL_SK)))
                .projectionExpression("handedAt").build()).item();
        return Optional.ofNullable(item.get("handedAt")).map(v -> Instant.parse(v.s()));
    }
}
