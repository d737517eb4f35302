package io.tally.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What a DynamoDB request touched, in key prefixes, so figure 2 can list a method's round trips by item kind: the
 * partition key's and sort key's first segment ({@code CARD#7012…} / {@code SEQ#0000…} is {@code CARD/SEQ}), a query's
 * index and the prefixes of its key condition's values in order ({@code CARD:SEQ:SEQ~CARD}), a batch's key count.
 */
final class RoundTripLabel {
    private static final Pattern PLACEHOLDER = Pattern.compile(":[A-Za-z0-9_]+");

    private RoundTripLabel() {
    }

    static String of(SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            return key(r.key());
        }
        if (request instanceof PutItemRequest r) {
            return key(r.item());
        }
        if (request instanceof UpdateItemRequest r) {
            return key(r.key());
        }
        if (request instanceof DeleteItemRequest r) {
            return key(r.key());
        }
        if (request instanceof QueryRequest r) {
            List<String> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(String.valueOf(r.keyConditionExpression()));
            while (m.find()) {
                AttributeValue v = r.expressionAttributeValues().get(m.group());
                parts.add(v == null || v.s() == null ? "?" : prefix(v.s()));
            }
            return (r.indexName() == null ? "" : r.indexName() + " ") + String.join(":", parts);
        }
        if (request instanceof BatchGetItemRequest r) {
            int keys = r.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
            String first = r.requestItems().values().stream().flatMap(k -> k.keys().stream()).findFirst().map(RoundTripLabel::key)
                    .orElse("-");
            return keys + (keys == 1 ? " key " : " keys ") + first + (keys > 1 ? "…" : "");
        }
        return "";
    }

    private static String key(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("PK");
        AttributeValue sk = item.get("SK");
        return (pk == null ? "?" : prefix(pk.s())) + "/" + (sk == null ? "?" : prefix(sk.s()));
    }

    /** Up to the first '#' (kept whole without one): the kind of key, never the card number or code. */
    private static String prefix(String value) {
        if (value == null) {
            return "?";
        }
        int hash = value.indexOf('#');
        return hash < 0 ? value : value.substring(0, hash);
    }
}
