package io.tally.dynamo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The converters of every attribute type Tally's schemas use (strings, numbers as Long, booleans, lists and string-keyed
 * maps of those, nested documents and lists of them), given to each schema in place of the enhanced client's
 * {@code DefaultAttributeConverterProvider}. That provider builds converters for every Java type the SDK supports
 * (several dozen classes, loaded and initialised at a function's start); these few cover what is stored, no more. A
 * type outside them is a programming error, refused when the schema is built.
 */
final class ItemConverters implements AttributeConverterProvider {
    static final ItemConverters INSTANCE = new ItemConverters();

    private static final AttributeConverter<String> STRING = converter(EnhancedType.of(String.class), AttributeValueType.S,
            AttributeValue::fromS, AttributeValue::s);
    private static final AttributeConverter<Long> LONG = converter(EnhancedType.of(Long.class), AttributeValueType.N,
            v -> AttributeValue.fromN(Long.toString(v)), v -> Long.parseLong(v.n()));
    private static final AttributeConverter<Boolean> BOOLEAN = converter(EnhancedType.of(Boolean.class), AttributeValueType.BOOL,
            AttributeValue::fromBool, AttributeValue::bool);

    private ItemConverters() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
        return (AttributeConverter<T>) find(type);
    }

    private static AttributeConverter<?> find(EnhancedType<?> type) {
        if (type.tableSchema().isPresent()) {
            return document(type, type.tableSchema().get());
        }
        Class<?> raw = type.rawClass();
        if (raw == String.class) {
            return STRING;
        }
        if (raw == Long.class) {
            return LONG;
        }
        if (raw == Boolean.class) {
            return BOOLEAN;
        }
        if (raw == List.class) {
            return list(type, find(type.rawClassParameters().get(0)));
        }
        if (raw == Map.class && type.rawClassParameters().get(0).rawClass() == String.class) {
            return map(type, find(type.rawClassParameters().get(1)));
        }
        throw new IllegalArgumentException("no converter for " + type + ": Tally's items store strings, Long, Boolean,"
                + " lists and string-keyed maps of them, and documents");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AttributeConverter<?> document(EnhancedType<?> type, TableSchema schema) {
        return converter((EnhancedType<Object>) type, AttributeValueType.M,
                v -> AttributeValue.fromM(schema.itemToMap(v, true)), v -> v.hasM() ? schema.mapToItem(v.m()) : null);
    }

    /**
     * A document whose every field may be absent: an empty map reads back as {@code empty}, not as no document. The
     * schema is taken on first use (see {@link #lazyDocument}).
     */
    static <R> AttributeConverter<R> documentOrEmpty(Class<R> type, Supplier<? extends TableSchema<R>> schema, R empty) {
        return converter(EnhancedType.of(type), AttributeValueType.M, v -> AttributeValue.fromM(schema.get().itemToMap(v, true)),
                v -> !v.hasM() ? null : v.m().isEmpty() ? empty : schema.get().mapToItem(v.m()));
    }

    /** A document, written and read as {@link #document}'s are, whose schema is taken when a document is first mapped. */
    static <R> AttributeConverter<R> lazyDocument(Class<R> type, Supplier<? extends TableSchema<R>> schema) {
        return converter(EnhancedType.of(type), AttributeValueType.M, v -> AttributeValue.fromM(schema.get().itemToMap(v, true)),
                v -> v.hasM() ? schema.get().mapToItem(v.m()) : null);
    }

    @SuppressWarnings("unchecked")
    private static <E> AttributeConverter<List<E>> list(EnhancedType<?> type, AttributeConverter<?> element) {
        AttributeConverter<E> e = (AttributeConverter<E>) element;
        return converter((EnhancedType<List<E>>) type, AttributeValueType.L, values -> {
            List<AttributeValue> out = new ArrayList<>(values.size());
            values.forEach(v -> out.add(e.transformFrom(v)));
            return AttributeValue.fromL(out);
        }, v -> {
            List<E> out = new ArrayList<>(v.l().size());
            v.l().forEach(x -> out.add(e.transformTo(x)));
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    private static <E> AttributeConverter<Map<String, E>> map(EnhancedType<?> type, AttributeConverter<?> element) {
        AttributeConverter<E> e = (AttributeConverter<E>) element;
        return converter((EnhancedType<Map<String, E>>) type, AttributeValueType.M, values -> {
            Map<String, AttributeValue> out = new HashMap<>(values.size() * 2);
            values.forEach((k, v) -> out.put(k, e.transformFrom(v)));
            return AttributeValue.fromM(out);
        }, v -> {
            Map<String, E> out = new HashMap<>(v.m().size() * 2);
            v.m().forEach((k, x) -> out.put(k, e.transformTo(x)));
            return out;
        });
    }

    private static <T> AttributeConverter<T> converter(EnhancedType<T> type, AttributeValueType stored,
                                                       Function<T, AttributeValue> write, Function<AttributeValue, T> read) {
        return new AttributeConverter<>() {
            @Override
            public AttributeValue transformFrom(T input) {
                return write.apply(input);
            }

            @Override
            public T transformTo(AttributeValue input) {
                return read.apply(input);
            }

            @Override
            public EnhancedType<T> type() {
                return type;
            }

            @Override
            public AttributeValueType attributeValueType() {
                return stored;
            }
        };
    }
}
