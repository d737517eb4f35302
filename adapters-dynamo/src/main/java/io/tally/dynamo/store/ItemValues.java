package io.tally.dynamo.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The builder every item schema reads an item into ({@link ItemSchema}): the attribute values the enhanced client
 * found, by attribute name, already converted to Java types. An item type's constructor function reads them back;
 * absent attributes read as empty (optional, collection) or zero.
 */
final class ItemValues {
    private final Map<String, Object> values = new HashMap<>(16);

    void set(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    String string(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("item has no attribute " + name);
        }
        return (String) v;
    }

    Optional<String> optString(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    long number(String name) {
        Long v = (Long) values.get(name);
        return v == null ? 0 : v;
    }

    Optional<Long> optNumber(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> map(String name) {
        Map<K, V> v = (Map<K, V>) values.get(name);
        return v == null ? Map.of() : v;
    }

    @SuppressWarnings("unchecked")
    <R> List<R> list(String name) {
        List<R> v = (List<R>) values.get(name);
        return v == null ? List.of() : v;
    }

    @SuppressWarnings("unchecked")
    <R> Optional<R> document(String name) {
        return Optional.ofNullable((R) values.get(name));
    }
}
