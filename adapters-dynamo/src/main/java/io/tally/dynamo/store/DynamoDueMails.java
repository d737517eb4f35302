package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.rule.DueMail;
import io.tally.domain.communication.rule.DueMailsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Rule sends waiting out their delay: one item {@code RULEDUE#<UTC hour> / <due ms>#<brand>#<message id>} each (A118),
 * read by the sweep hour by hour from a cursor (the oldest hour that may still hold one) up to now (A119: usually two
 * or three queries), deleted once queued. The key is a function of the send alone, so storing it again writes the same
 * item.
 */
final class DynamoDueMails implements DueMailsPort {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The cursor's key ({@code RULEDUE#CURSOR / CURSOR}): the oldest hour that may still hold a due send. */
    static final String CURSOR = "CURSOR";
    /** Where the first sweep of a table starts. */
    static final Duration FIRST_LOOKBACK = Duration.ofDays(7);

    private final Table table;

    DynamoDueMails(Table table) {
        this.table = table;
    }

    static String hour(Instant at) {
        return HOUR.format(at);
    }

    /** A118: unconditional {@code PutItem} (the same send, the same item). */
    @Override
    public void put(DueMail m) {
        Map<String, AttributeValue> item = Attr.item(Keys.dueRuleMails(hour(m.dueAt())),
                Keys.dueRuleMailSk(m.dueAt().toEpochMilli(), m.brand().value(), m.messageId()), "DueRuleMail");
        item.put("brand", Attr.s(m.brand().value()));
        item.put("rule", Attr.s(m.rule()));
        item.put("messageId", Attr.s(m.messageId()));
        item.put("card", Attr.s(m.card().value()));
        item.put("template", Attr.s(m.template()));
        item.put("version", Attr.n(m.version()));
        Attr.putIfPresent(item, "location", m.location().orElse(null));
        Attr.putIfPresent(item, "transaction", m.transaction().orElse(null));
        item.put("dueAt", Attr.n(m.dueAt().toEpochMilli()));
        table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item).build());
    }

    /**
     * A119: the cursor (consistent {@code GetItem}), then per UTC hour from it to now {@code Query SK < <now ms + 1>},
     * consistent, oldest first; then the cursor moves on to the first hour still holding a due send (never past the hour
     * before now's: a send stored a moment ago by a function whose clock runs a little behind still lands after it).
     */
    @Override
    public List<DueMail> due(Instant now, int limit) {
        Instant from = cursor().orElse(now.minus(FIRST_LOOKBACK)).truncatedTo(ChronoUnit.HOURS);
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        List<DueMail> found = new ArrayList<>();
        Instant firstHeld = null;
        String before = Keys.dueBefore(now.toEpochMilli() + 1);
        Instant hour = from;
        while (!hour.isAfter(last) && found.size() < limit) {
            List<Map<String, AttributeValue>> items = table.query(QueryRequest.builder()
                    .keyConditionExpression("PK = :pk AND SK < :before")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.dueRuleMails(hour(hour))),
                            ":before", Attr.s(before)))
                    .consistentRead(true).limit(limit - found.size()));
            if (!items.isEmpty() && firstHeld == null) {
                firstHeld = hour;
            }
            items.forEach(i -> found.add(mail(i)));
            hour = hour.plus(1, ChronoUnit.HOURS);
        }
        Instant next = firstHeld != null ? firstHeld : hour;
        Instant bound = last.minus(1, ChronoUnit.HOURS);
        moveCursor(from, next.isAfter(bound) ? bound : next);
        return found;
    }

    private Optional<Instant> cursor() {
        GetItemResponse r = table.client.getItem(GetItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.dueRuleMails(CURSOR), CURSOR)).consistentRead(true).build());
        return r.hasItem() && r.item().containsKey("hour") ? Optional.of(Instant.ofEpochMilli(Attr.num(r.item(), "hour")))
                : Optional.empty();
    }

    /** Only forward: two sweeps racing keep the later cursor. */
    private void moveCursor(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return;
        }
        Map<String, AttributeValue> item = Attr.item(Keys.dueRuleMails(CURSOR), CURSOR, "DueRuleMailCursor");
        item.put("hour", Attr.n(to.toEpochMilli()));
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #hour < :hour")
                    .expressionAttributeNames(Map.of("#hour", "hour"))
                    .expressionAttributeValues(Map.of(":hour", Attr.n(to.toEpochMilli()))).build());
        } catch (ConditionalCheckFailedException later) {
            // another sweep moved it further
        }
    }

    /** A118: unconditional {@code DeleteItem} of the key. */
    @Override
    public void delete(DueMail m) {
        table.client.deleteItem(DeleteItemRequest.builder().tableName(table.name)
                .key(Attr.key(Keys.dueRuleMails(hour(m.dueAt())),
                        Keys.dueRuleMailSk(m.dueAt().toEpochMilli(), m.brand().value(), m.messageId()))).build());
    }

    private static DueMail mail(Map<String, AttributeValue> i) {
        return new DueMail(new BrandId(Attr.str(i, "brand")), Attr.str(i, "rule"), Attr.str(i, "messageId"),
                new CardNumber(Attr.str(i, "card")), Attr.str(i, "template"), Attr.num(i, "version"),
                Attr.optStr(i, "location"), Attr.optStr(i, "transaction"), Instant.ofEpochMilli(Attr.num(i, "dueAt")));
    }
}
