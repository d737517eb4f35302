package io.tally.dynamo.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.extensions.WriteModification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's size of an item, following its published rules: attribute names and strings in UTF-8 bytes, numbers
 * about one byte per two significant digits plus one, lists and maps three bytes plus one per element. Used to
 * refuse an item over the 400 KB limit with a message that says what it is, before DynamoDB refuses it with a
 * generic ValidationException.
 */
final class ItemSize {
    /** DynamoDB's hard limit for one item, names and values included. */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    /** An item over {@link #MAX_ITEM_BYTES}, refused before any request. */
    static final class TooLargeException extends IllegalStateException {
        private final long size;

        TooLargeException(long size) {
            super("an item of " + size + " bytes is over DynamoDB's " + MAX_ITEM_BYTES + " byte item limit");
            this.size = size;
        }

        long size() {
            return size;
        }
    }

    /** The enhanced client's check of every item it writes: over the limit, {@link TooLargeException}. */
    static final class Limit implements DynamoDbEnhancedClientExtension {
        @Override
        public WriteModification beforeWrite(DynamoDbExtensionContext.BeforeWrite context) {
            long size = of(context.items());
            if (size > MAX_ITEM_BYTES) {
                throw new TooLargeException(size);
            }
            return WriteModification.builder().build();
        }
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    static long of(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return (v.n().replaceFirst("^-?0*", "").replace(".", "").length() + 1) / 2 + 1;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + of(e.getValue());
            }
            return size;
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue x : v.l()) {
                size += 1 + of(x);
            }
            return size;
        }
        throw new IllegalArgumentException("attribute type not used by Tally: " + v.type());
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
