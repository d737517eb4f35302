package io.tally.dynamo.store;

import io.tally.dynamo.table.TallyTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Declares how one item type (or a document nested in one) maps to DynamoDB attributes: a reflection-free
 * {@link StaticImmutableTableSchema} of the AWS SDK's enhanced client over an immutable type (a record), read back
 * through {@link ItemValues}. Each attribute is named once, with the getter that writes it; the type's constructor
 * function reads the values back. Key attributes ({@code PK}, {@code SK}, an index's keys) are computed from the item,
 * so they can never disagree with it. A getter that returns null (or an empty collection, for the collection
 * attributes) leaves the attribute out of the item. Build a schema once, in a static final field: building one costs
 * more than mapping many items.
 *
 * <p>The item types a cold merchant request maps (configuration, card, ledger entry) declare their attributes by name
 * only and give their values through one {@link Attributes} method, a {@code switch} over the names: each getter lambda
 * is a hidden class the JVM spins and links when the schema is built, about 0.2 ms apiece at a cold start, and those
 * schemas have about 240 (docs/PERFORMANCE.md, "What the code does for start-up"). The others keep a getter per
 * attribute.
 */
final class ItemSchema<T> {
    private final StaticImmutableTableSchema.Builder<T, ItemValues> builder;
    private final Attributes<T> attributes;

    /**
     * An item type's attribute values by attribute name, for a schema declared by names ({@link #of(Class, Function,
     * Attributes)}); a name it does not know is a programming error (every attribute is read on every write, so a
     * round trip of the type finds it).
     */
    @FunctionalInterface
    interface Attributes<T> {
        Object value(T item, String name);
    }

    private ItemSchema(Class<T> type, Function<ItemValues, T> construct, Attributes<T> attributes) {
        this.builder = TableSchema.builder(type, ItemValues.class).newItemBuilder(ItemValues::new, construct)
                .attributeConverterProviders(ItemConverters.INSTANCE);
        this.attributes = attributes;
    }

    /** A schema for {@code type}, whose items {@code construct} builds from the values read. */
    static <T> ItemSchema<T> of(Class<T> type, Function<ItemValues, T> construct) {
        return new ItemSchema<>(type, construct, null);
    }

    /**
     * A schema for {@code type} declared by attribute names, whose values {@code attributes} gives (the name-only
     * methods below; the getter methods work too).
     */
    static <T> ItemSchema<T> of(Class<T> type, Function<ItemValues, T> construct, Attributes<T> attributes) {
        return new ItemSchema<>(type, construct, Objects.requireNonNull(attributes, "attributes"));
    }

    /** An unknown attribute name, for the {@code default} of an {@link Attributes} switch. */
    static IllegalArgumentException unknown(Class<?> type, String name) {
        return new IllegalArgumentException(type.getSimpleName() + " has no attribute " + name);
    }

    /** {@link #key(String, Function, Function)} with the keys' values named {@code PK} and {@code SK}. */
    ItemSchema<T> key(String itemType) {
        return key(itemType, attribute(TallyTable.PK), attribute(TallyTable.SK));
    }

    /** {@link #index(TallyTable.Gsi, Function, Function)} with the keys' values named as the index's key attributes. */
    ItemSchema<T> index(TallyTable.Gsi gsi) {
        return index(gsi, attribute(gsi.partitionKey()), attribute(gsi.sortKey()));
    }

    ItemSchema<T> string(String name) {
        return string(name, attribute(name));
    }

    ItemSchema<T> number(String name) {
        return number(name, attribute(name));
    }

    /** {@link #flag(String, Function)}: stored only when true. */
    ItemSchema<T> flag(String name) {
        return flag(name, attribute(name));
    }

    ItemSchema<T> bool(String name) {
        return bool(name, attribute(name));
    }

    ItemSchema<T> stringList(String name) {
        return stringList(name, attribute(name));
    }

    ItemSchema<T> strings(String name) {
        return strings(name, attribute(name));
    }

    ItemSchema<T> numbers(String name) {
        return numbers(name, attribute(name));
    }

    <R> ItemSchema<T> document(String name, Class<R> type, TableSchema<R> schema) {
        return document(name, type, schema, attribute(name));
    }

    <R> ItemSchema<T> document(String name, Class<R> type, Supplier<? extends TableSchema<R>> schema, R empty) {
        return document(name, type, schema, attribute(name), empty);
    }

    <R> ItemSchema<T> lazyDocument(String name, Class<R> type, Supplier<? extends TableSchema<R>> schema) {
        return lazyDocument(name, type, schema, attribute(name));
    }

    <R> ItemSchema<T> documents(String name, Class<R> type, TableSchema<R> schema) {
        return documents(name, type, schema, attribute(name));
    }

    /** The table's primary key ({@code PK}, {@code SK}) and the item's {@code type} attribute. */
    ItemSchema<T> key(String itemType, Function<T, String> pk, Function<T, String> sk) {
        add(String.class, TallyTable.PK, pk, StaticAttributeTags.primaryPartitionKey());
        add(String.class, TallyTable.SK, sk, StaticAttributeTags.primarySortKey());
        return string("type", x -> itemType);
    }

    /** The keys under which the item appears in a secondary index; null keys keep it out (the indexes are sparse). */
    ItemSchema<T> index(TallyTable.Gsi gsi, Function<T, String> pk, Function<T, String> sk) {
        add(String.class, gsi.partitionKey(), pk, StaticAttributeTags.secondaryPartitionKey(gsi.name()));
        return add(String.class, gsi.sortKey(), sk, StaticAttributeTags.secondarySortKey(gsi.name()));
    }

    ItemSchema<T> string(String name, Function<T, String> getter) {
        return add(String.class, name, getter);
    }

    ItemSchema<T> number(String name, Function<T, Long> getter) {
        return add(Long.class, name, getter);
    }

    /** A flag stored only when true. */
    ItemSchema<T> flag(String name, Function<T, Boolean> getter) {
        return add(Boolean.class, name, x -> Boolean.TRUE.equals(getter.apply(x)) ? Boolean.TRUE : null);
    }

    /** A boolean stored as it is, false included (for attributes that items have always carried either way). */
    ItemSchema<T> bool(String name, Function<T, Boolean> getter) {
        return add(Boolean.class, name, getter);
    }

    /** A list of strings; an empty list is left out. */
    ItemSchema<T> stringList(String name, Function<T, List<String>> getter) {
        return add(EnhancedType.listOf(String.class), name, x -> nonEmpty(getter.apply(x)));
    }

    /** A map of strings; an empty map is left out. */
    ItemSchema<T> strings(String name, Function<T, Map<String, String>> getter) {
        return add(EnhancedType.mapOf(String.class, String.class), name, x -> nonEmpty(getter.apply(x)));
    }

    /** A map of numbers; an empty map is left out. */
    ItemSchema<T> numbers(String name, Function<T, Map<String, Long>> getter) {
        return add(EnhancedType.mapOf(String.class, Long.class), name, x -> nonEmpty(getter.apply(x)));
    }

    /** A map of booleans; unlike the other maps, an empty one is stored (as an empty map), null leaves it out. */
    ItemSchema<T> flags(String name, Function<T, Map<String, Boolean>> getter) {
        return add(EnhancedType.mapOf(String.class, Boolean.class), name, getter);
    }

    /** A nested document (a map attribute) of another schema; null leaves it out. */
    <R> ItemSchema<T> document(String name, Class<R> type, TableSchema<R> schema, Function<T, R> getter) {
        return add(documentOf(type, schema), name, getter);
    }

    /**
     * A nested document whose every field may be absent: stored as an empty map then, and read back as {@code empty}
     * (the enhanced client's own document converter would read an empty map as no document at all). Its schema is
     * taken on first use, as in {@link #lazyDocument}.
     */
    <R> ItemSchema<T> document(String name, Class<R> type, Supplier<? extends TableSchema<R>> schema, Function<T, R> getter,
                               R empty) {
        return add(name, type, getter, ItemConverters.documentOrEmpty(type, schema, empty));
    }

    /**
     * A nested document, as {@link #document(String, Class, TableSchema, Function)}, whose schema is taken from
     * {@code schema} when a document is first written or read, not when this schema is built: for documents most items
     * never hold (a checkout's facts on a ledger entry), so that building the item's schema at a cold start does not
     * build theirs. {@code schema} should read a static field of a holder class, which the JVM initialises once.
     */
    <R> ItemSchema<T> lazyDocument(String name, Class<R> type, Supplier<? extends TableSchema<R>> schema, Function<T, R> getter) {
        return add(name, type, getter, ItemConverters.lazyDocument(type, schema));
    }

    /** A list of nested documents; an empty list is left out. */
    <R> ItemSchema<T> documents(String name, Class<R> type, TableSchema<R> schema, Function<T, List<R>> getter) {
        return add(EnhancedType.listOf(documentOf(type, schema)), name, x -> nonEmpty(getter.apply(x)));
    }

    StaticImmutableTableSchema<T, ItemValues> build() {
        return builder.build();
    }

    private <R> ItemSchema<T> add(Class<R> type, String name, Function<T, R> getter, StaticAttributeTag... tags) {
        return add(EnhancedType.of(type), name, getter, tags);
    }

    private <R> ItemSchema<T> add(EnhancedType<R> type, String name, Function<T, R> getter, StaticAttributeTag... tags) {
        builder.addAttribute(type, a -> a.name(name).getter(getter).setter((values, v) -> values.set(name, v)).tags(tags));
        return this;
    }

    private <R> ItemSchema<T> add(String name, Class<R> type, Function<T, R> getter, AttributeConverter<R> converter) {
        builder.addAttribute(EnhancedType.of(type), a -> a.name(name).getter(getter)
                .setter((values, v) -> values.set(name, v)).attributeConverter(converter));
        return this;
    }

    private <R> Function<T, R> attribute(String name) {
        if (attributes == null) {
            throw new IllegalStateException("a schema declared with getters names no attribute without one: " + name);
        }
        return new Attribute<>(attributes, name);
    }

    /** One attribute's getter over the type's {@link Attributes}: a class of its own, not a lambda per attribute. */
    private static final class Attribute<T, R> implements Function<T, R> {
        private final Attributes<T> attributes;
        private final String name;

        Attribute(Attributes<T> attributes, String name) {
            this.attributes = attributes;
            this.name = name;
        }

        @Override
        @SuppressWarnings("unchecked")
        public R apply(T item) {
            return (R) attributes.value(item, name);
        }
    }

    private static <R> EnhancedType<R> documentOf(Class<R> type, TableSchema<R> schema) {
        return EnhancedType.documentOf(type, schema, d -> d.ignoreNulls(true));
    }

    private static <C extends Collection<?>> C nonEmpty(C c) {
        return c == null || c.isEmpty() ? null : c;
    }

    private static <M extends Map<?, ?>> M nonEmpty(M m) {
        return m == null || m.isEmpty() ? null : m;
    }
}
