package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.SegmentsContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterCodecTest {
    static Stream<SegmentFilter> filters() {
        return SegmentFilterTest.table().map(a -> (SegmentFilter) a.get()[1]).filter(f -> !(f instanceof FilterGroup));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void every_filter_decodes_from_its_parameters(SegmentFilter filter) {
        assertEquals(filter, FilterCodec.decode(FilterCodec.encode(filter)).filter().orElseThrow());
    }

    @Test
    void a_tree_of_every_kind_of_filter_survives_its_lines() {
        FilterGroup every = SegmentsContract.everyFilter();
        assertEquals(every, FilterCodec.decodeTree(FilterCodec.encodeTree(every)));
        assertEquals(FilterGroup.all(), FilterCodec.decodeTree(FilterCodec.encodeTree(FilterGroup.all())));
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(Map.of("type", "nope"), "Choose a kind of filter."),
                Arguments.of(Map.of("type", "score", "min", "ten"), "Customer score: min must be a whole number: ten"),
                Arguments.of(Map.of("type", "score", "min", "9", "max", "3"), "Customer score: min 9 is above max 3"),
                Arguments.of(Map.of("type", "occasion", "occasion", "birthday", "fromDay", "02-30", "toDay", "03-01"),
                        "Customer occasion: a day of the year is MM-DD, like 02-29: 02-30"),
                Arguments.of(Map.of("type", "address", "circles", "51.5,-0.12"),
                        "Address proximity: each point is latitude, longitude, radius in metres"),
                Arguments.of(Map.of("type", "field-value", "field", "kids"),
                        "Fields (choice / number): give allowed values, a minimum or a maximum"),
                Arguments.of(Map.of("type", "text", "field", "postal", "text", "  "), "Fields (text): text is required"));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void parameters_that_are_no_filter_answer_a_sentence(Map<String, String> params, String problem) {
        FilterCodec.Decoded d = FilterCodec.decode(params);
        assertTrue(d.filter().isEmpty());
        assertEquals(problem, d.problem());
    }
}
