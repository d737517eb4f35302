package io.tally.dynamo.store;

import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The member account's marks (A80, A81): a used sign-in link {@code BRAND#b#SIGNIN#<link id> / SIGNIN}, put with
 * {@code attribute_not_exists(PK)} so of two clicks one signs in; an ended session {@code BRAND#b#MSESSION#<digest> /
 * ENDED}, put when the member signs out and read (consistently) on every account page. Both carry the TTL attribute.
 */
final class DynamoMemberSessions implements MemberSessionsPort {
    /** A mark: its keys, and when DynamoDB may forget it (epoch seconds). */
    record Mark(String pk, String sk, Long expiresAt) {
    }

    static final StaticImmutableTableSchema<Mark, ItemValues> SIGN_IN_LINK = schema("SignInLink");
    static final StaticImmutableTableSchema<Mark, ItemValues> ENDED_SESSION = schema("EndedSession");

    private static StaticImmutableTableSchema<Mark, ItemValues> schema(String type) {
        return ItemSchema.of(Mark.class, v -> new Mark(v.string(TallyTable.PK), v.string(TallyTable.SK),
                        v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null)))
                .key(type, Mark::pk, Mark::sk)
                .number(TallyTable.TTL_ATTRIBUTE, Mark::expiresAt)
                .build();
    }

    private final Table table;
    private final DynamoDbTable<Mark> links;
    private final DynamoDbTable<Mark> ended;

    DynamoMemberSessions(Table table) {
        this.table = table;
        this.links = table.of(SIGN_IN_LINK);
        this.ended = table.of(ENDED_SESSION);
    }

    @Override
    public boolean consumeLink(BrandId brand, String linkId, Instant expiresAt) {
        return table.putIfAbsent(links, new Mark(Keys.signInLink(brand.value(), linkId), Keys.SIGN_IN_LINK_SK,
                expiresAt.getEpochSecond()));
    }

    @Override
    public void end(BrandId brand, String sessionId, Instant expiresAt) {
        ended.putItem(new Mark(Keys.endedSession(brand.value(), sessionId), Keys.ENDED_SESSION_SK,
                expiresAt.getEpochSecond()));
    }

    @Override
    public boolean ended(BrandId brand, String sessionId) {
        return table.get(ended, Keys.endedSession(brand.value(), sessionId), Keys.ENDED_SESSION_SK, true).isPresent();
    }
}
