package io.tally.dynamo.store;

import io.tally.domain.segment.FilterCodec;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.segment.Visibility;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A brand's segments: one item {@code BRAND#b#SEGMENTS / SEG#<id>} each, in a partition of their own (A85-A87). The
 * filters are kept as {@link FilterCodec}'s lines (a list of strings, prefix order), so the stored shape is the one
 * the builder posts; a segment of 40 filters is a few kilobytes.
 */
final class DynamoSegments implements SegmentsPort {
    static final StaticImmutableTableSchema<Segment, ItemValues> SCHEMA = ItemSchema.of(Segment.class, DynamoSegments::segment)
            .key("Segment", s -> Keys.segments(s.brand().value()), s -> Keys.segmentSk(s.id().value()))
            .string("brand", s -> s.brand().value())
            .string("segmentId", s -> s.id().value())
            .string("name", Segment::name)
            .string("description", s -> s.description().isEmpty() ? null : s.description())
            .string("visibility", s -> s.visibility().name())
            .string("owner", s -> s.owner().value())
            .stringList("locations", s -> s.locations().stream().map(LocationId::value).sorted().toList())
            .stringList("filters", s -> FilterCodec.encodeTree(s.filters()))
            .string("updatedAt", s -> s.updatedAt().toString())
            .number("version", Segment::version)
            .build();

    private final Table table;
    private final DynamoDbTable<Segment> segments;

    DynamoSegments(Table table) {
        this.table = table;
        this.segments = table.of(SCHEMA);
    }

    /** A85: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean create(Segment segment) {
        return table.putIfAbsent(segments, segment);
    }

    /** A85: {@code PutItem} of the whole item if {@code brand = b AND version = n-1}. */
    @Override
    public boolean update(Segment changed) {
        return table.putIf(segments, changed, Table.condition("brand = :brand AND version = :version", Map.of(),
                Map.of(":brand", Attr.s(changed.brand().value()),
                        ":version", AttributeValue.fromN(Long.toString(changed.version() - 1)))));
    }

    /** A86: consistent {@code GetItem}. */
    @Override
    public Optional<Segment> find(BrandId brand, SegmentId id) {
        return table.get(segments, Keys.segments(brand.value()), Keys.segmentSk(id.value()), true);
    }

    /** A87: consistent {@code Query PK=BRAND#b#SEGMENTS, begins_with(SK, SEG#)}, every page (sort key = id order). */
    @Override
    public List<Segment> list(BrandId brand) {
        return table.queryPrefix(Keys.segments(brand.value()), Keys.SEGMENT_PREFIX, true).stream()
                .map(SCHEMA::mapToItem).limit(MAX_PER_BRAND).toList();
    }

    private static Segment segment(ItemValues v) {
        return new Segment(new BrandId(v.string("brand")), new SegmentId(v.string("segmentId")), v.string("name"),
                v.optString("description").orElse(""), Visibility.valueOf(v.string("visibility")),
                new StaffId(v.string("owner")), v.<String>list("locations").stream().map(LocationId::new)
                .collect(Collectors.toSet()), FilterCodec.decodeTree(v.list("filters")),
                Instant.parse(v.string("updatedAt")), v.number("version"));
    }
}
