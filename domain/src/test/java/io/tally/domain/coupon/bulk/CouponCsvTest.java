package io.tally.domain.coupon.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CouponCsvTest {
    private static final String CARD = "6299990000000000004";

    private static CouponCsv.File read(String text) {
        return CouponCsv.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void a_header_is_optional_and_tags_and_cards_are_semicolon_separated() {
        CouponCsv.File file = read("code,tags,cards\nsum-0001,vip;summer ,\n\nSUM-0002,," + CARD + "\nSUM-0003\n");

        assertEquals(List.of(2L, 4L, 5L), file.valid().stream().map(NumberedLine::number).toList());
        assertEquals(0, file.invalidCount());
        assertEquals(3, file.dataLines());
        CouponCsv.Line first = CouponCsv.parse(file.valid().get(0)).line();
        assertEquals(new CouponCode("SUM-0001"), first.code());
        assertEquals(Set.of("vip", "summer"), first.tags());
        assertEquals(Set.of(new CardNumber(CARD)), CouponCsv.parse(file.valid().get(1)).line().cards());
        assertEquals(1, read("SUM-0001\nSUM-0002").valid().get(0).number(), "no header: line 1 is data");
    }

    @Test
    void invalid_lines_are_reported_with_their_numbers_and_never_stop_the_file() {
        CouponCsv.File file = read(String.join("\n", "code", "ok-0001", "x", "ok-0002,bad!tag", "ok-0003,,123",
                "ok-0001", "ok-0004,a,b,c", "ok-0005," + String.join(";", IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()), "ok-0006"));

        assertEquals(List.of(2L, 9L), file.valid().stream().map(NumberedLine::number).toList());
        assertEquals(6, file.invalidCount());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), file.invalid().stream().map(InvalidLine::line).toList());
        assertTrue(file.invalid().get(0).reason().startsWith("bad code"));
        assertTrue(file.invalid().get(1).reason().startsWith("bad tag 'bad!tag'"));
        assertTrue(file.invalid().get(2).reason().startsWith("bad card number"));
        assertEquals("duplicate of line 2", file.invalid().get(3).reason());
        assertTrue(file.invalid().get(4).reason().startsWith("more than 3 columns"));
        assertEquals(8, file.dataLines());
    }

    @Test
    void codes_are_case_insensitive_so_duplicates_are_too() {
        CouponCsv.File file = read("abc-1234\nABC-1234");

        assertEquals(1, file.valid().size());
        assertEquals("duplicate of line 1", file.invalid().get(0).reason());
    }

    @Test
    void only_the_first_thousand_invalid_lines_are_kept_but_all_are_counted() {
        CouponCsv.File file = read("!\n".repeat(1_500));

        assertEquals(1_500, file.invalidCount());
        assertEquals(LoadJob.MAX_INVALID_LINES, file.invalid().size());
    }

    @Test
    void chunks_hold_at_most_500_lines() {
        List<NumberedLine> lines = read("C-%05d\n".repeat(1_201).formatted(IntStream.range(0, 1_201)
                .boxed().toArray())).valid();

        List<List<NumberedLine>> chunks = StartCouponLoadUseCase.split(lines);
        assertEquals(List.of(500, 500, 201), chunks.stream().map(List::size).toList());
        assertEquals(1_201, chunks.get(2).get(200).number());
    }
}
