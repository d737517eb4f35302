package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The member portal's small items, each decided by one single-item write: referral claims
 * ({@code attribute_not_exists}), attempt counters ({@code ADD}, TTL), preferences (put) and sent-e-mail
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
    private final DynamoDbTable<PreferencesItem> preferences;
    private final DynamoDbTable<ReferralItem> referrals;
    private final DynamoDbTable<SentEmail> sentEmails;

    DynamoMemberStores(Table table) {
        this.table = table;
        this.counters = table.of(COUNTER);
        this.preferences = table.of(PREFERENCES);
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

    @Override
    public Optional<Preferences> load(BrandId brand, ContactKey email) {
        return table.get(preferences, Keys.preferences(brand.value(), email.asText()), Keys.PREFERENCES_SK, true)
                .map(p -> new Preferences(email, p.lists(), Instant.parse(p.updatedAt())));
    }

    @Override
    public void save(BrandId brand, Preferences p) {
        preferences.putItem(new PreferencesItem(Keys.preferences(brand.value(), p.email().asText()), p.lists(),
                p.updatedAt().toString()));
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
}
