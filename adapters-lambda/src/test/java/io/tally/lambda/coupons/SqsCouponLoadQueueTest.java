package io.tally.lambda.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.coupon.bulk.CouponCsv;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.coupon.bulk.NumberedLine;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.batch.SendBatches;
import io.tally.sqs.batch.SqsLimitsFake;
import io.tally.sqs.json.Json;
import io.tally.sqs.json.SqsCharacters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsCouponLoadQueueTest {
    private static final BrandId BRAND = new BrandId("B".repeat(64));
    private static final LoadJobId JOB = new LoadJobId("f".repeat(20));
    private final LoadChunkJson json = new LoadChunkJson(Json.mapper());
    private final SqsLimitsFake sqs = new SqsLimitsFake();
    private final SqsCouponLoadQueue queue = new SqsCouponLoadQueue(sqs, "http://sqs.local/000000000000/loads", json);

    @Test
    void the_largest_csv_chunks_go_one_to_a_request_and_all_arrive() {
        List<LoadChunk> chunks = List.of(largestCsv(0, 'A'), largestCsv(1, 'B'), largestCsv(2, 'C'));
        System.out.printf("largest CSV chunk of printable characters: %,d bytes%n",
                json.write(chunks.get(0)).getBytes(StandardCharsets.UTF_8).length);

        queue.send(chunks);

        assertEquals(List.of(1, 1, 1), sqs.requestEntries());
        assertEquals(chunks, sqs.received().stream().map(json::read).toList());
        sqs.requestBytes().forEach(b -> assertTrue(b <= SendBatches.MAX_BYTES, b + " bytes"));
    }

    @Test
    void generate_chunks_go_ten_to_a_request() {
        List<LoadChunk> chunks = new ArrayList<>();
        for (int c = 0; c < 23; c++) {
            chunks.add(LoadChunk.generate(BRAND, JOB, c, LoadChunk.GENERATED));
        }

        queue.send(chunks);

        assertEquals(List.of(10, 10, 3), sqs.requestEntries());
        assertEquals(chunks, sqs.received().stream().map(json::read).toList());
    }

    @Test
    void a_chunk_padded_over_the_limit_fails_the_send_after_the_others_are_sent() {
        // blanks around a code are stripped, so the CSV reader takes them; JSON writes U+001F as six bytes
        List<NumberedLine> lines = new ArrayList<>();
        for (int i = 0; i < LoadChunk.CSV_LINES; i++) {
            lines.add(valid(new NumberedLine(i + 1, "\u001f".repeat(CouponCsv.MAX_LINE - 8) + String.format("CODE%04d", i))));
        }
        List<LoadChunk> chunks = List.of(largestCsv(0, 'A'), LoadChunk.csv(BRAND, JOB, 1, lines), largestCsv(2, 'C'));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> queue.send(chunks));

        assertTrue(refused.getMessage().startsWith("1 chunk(s) over the SQS message limit, not sent: id 1 has"),
                refused.getMessage());
        assertEquals(List.of(chunks.get(0), chunks.get(2)), sqs.received().stream().map(json::read).toList());
    }

    @Test
    void a_line_holding_characters_sqs_refuses_is_sent_escaped_and_unpaired_surrogates_replaced() {
        LoadChunk chunk = LoadChunk.csv(BRAND, JOB, 0, List.of(new NumberedLine(1, "CODE1," + SqsCharacters.HOSTILE)));

        queue.send(List.of(chunk));

        SqsCharacters.assertSqsAccepts(sqs.received().get(0));
        assertEquals(List.of(LoadChunk.csv(BRAND, JOB, 0, List.of(new NumberedLine(1, "CODE1," + SqsCharacters.HOSTILE_READ)))),
                sqs.received().stream().map(json::read).toList());
    }

    /**
     * {@link LoadChunk#CSV_LINES} valid lines of {@link CouponCsv#MAX_LINE} printable characters (as many as
     * {@link LoadChunk#CSV_CHARACTERS} allows): a 64-character code and five 64-character tags, padded with blanks;
     * 19-digit line numbers.
     */
    private static LoadChunk largestCsv(int chunk, char fill) {
        assertEquals(CouponCsv.MAX_LINE, LoadChunk.CSV_CHARACTERS / LoadChunk.CSV_LINES);
        String tags = String.join(";", "t".repeat(64), "u".repeat(64), "v".repeat(64), "w".repeat(64), "x".repeat(64));
        List<NumberedLine> lines = new ArrayList<>();
        for (int i = 0; i < LoadChunk.CSV_LINES; i++) {
            String text = String.valueOf(fill).repeat(60) + String.format("%04d", i) + "," + tags;
            lines.add(valid(new NumberedLine(Long.MAX_VALUE - i, text + " ".repeat(CouponCsv.MAX_LINE - text.length()))));
        }
        return LoadChunk.csv(BRAND, JOB, chunk, lines);
    }

    private static NumberedLine valid(NumberedLine line) {
        assertTrue(CouponCsv.parse(line).valid(), line.text());
        return line;
    }
}
