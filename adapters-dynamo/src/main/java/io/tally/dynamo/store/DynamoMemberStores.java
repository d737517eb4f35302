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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The member portal's small items, each decided by one single-item write: referral claims
 * ({@code attribute_not_exists}), attempt counters ({@code ADD}, TTL), preferences (put) and sent-e-mail
 * claims ({@code attribute_not_exists}, TTL). Contact claims and enrollments: {@link DynamoMemberDirectory}.
 */
final class DynamoMemberStores implements AttemptCounterPort, PreferencesPort, ReferralClaimPort, SentEmailsPort {
    static final Duration SENT_RETENTION = Duration.ofDays(400);
    private final Table table;

    DynamoMemberStores(Table table) {
        this.table = table;
    }

    @Override
    public long increment(String counter, Instant windowStart, Instant expiresAt) {
        var response = table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond())))
                .updateExpression("ADD #n :one SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#n", "n", "#ttl", TallyTable.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":ttl", Attr.n(expiresAt.getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW).build());
        return Long.parseLong(response.attributes().get("n").n());
    }

    @Override
    public long count(String counter, Instant windowStart) {
        return table.get(Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond()), true)
                .map(i -> Attr.num(i, "n")).orElse(0L);
    }

    @Override
    public void reset(String counter, Instant windowStart) {
        table.client.deleteItem(DeleteItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.counter(counter), Keys.counterWindowSk(windowStart.getEpochSecond()))).build());
    }

    @Override
    public Optional<Preferences> load(BrandId brand, ContactKey email) {
        return table.get(Keys.preferences(brand.value(), email.asText()), Keys.PREFERENCES_SK, true).map(i -> {
            Map<String, Boolean> lists = new HashMap<>();
            i.get("lists").m().forEach((k, v) -> lists.put(k, v.bool()));
            return new Preferences(email, lists, Instant.parse(Attr.str(i, "updatedAt")));
        });
    }

    @Override
    public void save(BrandId brand, Preferences p) {
        var item = Attr.item(Keys.preferences(brand.value(), p.email().asText()), Keys.PREFERENCES_SK, "Preferences");
        Map<String, AttributeValue> lists = new HashMap<>();
        p.lists().forEach((k, v) -> lists.put(k, Attr.bool(v)));
        item.put("lists", AttributeValue.fromM(lists));
        item.put("updatedAt", Attr.s(p.updatedAt().toString()));
        table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item).build());
    }

    @Override
    public Optional<ReferralClaim> claim(ReferralClaim claim) {
        var item = Attr.item(Keys.referral(claim.brand().value(), claim.friendEmail()), Keys.REFERRAL_SK, "ReferralClaim");
        item.put("sender", Attr.s(claim.sender().value()));
        item.put("friend", Attr.s(claim.friend().value()));
        item.put("claimedAt", Attr.s(claim.claimedAt().toString()));
        if (table.putIfAbsent(item)) {
            return Optional.empty();
        }
        var i = table.get(Keys.referral(claim.brand().value(), claim.friendEmail()), Keys.REFERRAL_SK, true).orElseThrow();
        return Optional.of(new ReferralClaim(claim.brand(), claim.friendEmail(), new CardNumber(Attr.str(i, "sender")),
                new CardNumber(Attr.str(i, "friend")), Instant.parse(Attr.str(i, "claimedAt"))));
    }

    @Override
    public boolean claim(BrandId brand, String messageId, Instant now) {
        var item = Attr.item(Keys.sentEmail(brand.value(), messageId), Keys.SENT_EMAIL_SK, "SentEmail");
        item.put("sentAt", Attr.s(now.toString()));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(now.plus(SENT_RETENTION).getEpochSecond()));
        return table.putIfAbsent(item);
    }
}
