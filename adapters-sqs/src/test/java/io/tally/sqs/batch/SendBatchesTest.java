package io.tally.sqs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class SendBatchesTest {
    private static final String QUEUE = "http://sqs.local/000000000000/q";
    private final SqsLimitsFake sqs = new SqsLimitsFake();

    @Test
    void a_request_holds_at_most_ten_entries_and_max_bytes() {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(entry(i, "a".repeat(1_000)));
        }
        for (int i = 12; i < 17; i++) {
            entries.add(entry(i, "b".repeat(60_000)));
        }

        SendBatches.sendAll(sqs, QUEUE, entries, "message");

        assertEquals(List.of(10, 6, 1), sqs.requestEntries());
        assertEquals(List.of(10_000, 2_000 + 4 * 60_000, 60_000), sqs.requestBytes());
        assertEquals(entries.stream().map(SendMessageBatchRequestEntry::messageBody).toList(), sqs.received());
    }

    @Test
    void bytes_are_counted_in_utf8_as_sqs_counts_them_not_in_characters() {
        String threeBytes = "\u20ac".repeat(50_000); // 50,000 characters, 150,000 bytes
        String fourBytes = "\ud83d\ude00".repeat(30_000); // 60,000 characters, 120,000 bytes

        SendBatches.sendAll(sqs, QUEUE, List.of(entry(0, threeBytes), entry(1, fourBytes)), "message");

        assertEquals(List.of(150_000, 120_000), sqs.requestBytes());
    }

    @Test
    void message_attributes_count_with_their_names_and_types() {
        MessageAttributeValue value = MessageAttributeValue.builder().dataType("String").stringValue("v".repeat(10)).build();
        SendMessageBatchRequestEntry withAttribute = SendMessageBatchRequestEntry.builder().id("0")
                .messageBody("a".repeat(SendBatches.MAX_BYTES - 16)).messageAttributes(Map.of("k", value)).build();

        assertEquals(SendBatches.MAX_BYTES + 1, SendBatches.bytes(withAttribute));
    }

    @Test
    void an_entry_too_large_for_any_request_fails_alone_after_the_others_are_sent() {
        List<SendMessageBatchRequestEntry> entries = List.of(entry(0, "small"), entry(1, "x".repeat(SendBatches.MAX_BYTES + 1)),
                entry(2, "also small"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SendBatches.sendAll(sqs, QUEUE, entries, "event"));

        assertEquals(List.of("small", "also small"), sqs.received());
        assertEquals("1 event(s) over the SQS message limit, not sent: id 1 has 250001 bytes, at most 250000 are sent",
                refused.getMessage());
    }

    @Test
    void an_entry_of_exactly_max_bytes_goes_alone() {
        SendBatches.sendAll(sqs, QUEUE, List.of(entry(0, "a"), entry(1, "b".repeat(SendBatches.MAX_BYTES)), entry(2, "c")),
                "message");

        assertEquals(List.of(1, SendBatches.MAX_BYTES, 1), sqs.requestBytes());
    }

    @Test
    void an_entry_sqs_refuses_is_sent_again_once() {
        sqs.refuse(body -> body.equals("flaky"), 1);

        SendBatches.sendAll(sqs, QUEUE, List.of(entry(0, "steady"), entry(1, "flaky")), "message");

        assertEquals(List.of("steady", "flaky"), sqs.received());
    }

    @Test
    void an_entry_sqs_refuses_twice_fails_the_send() {
        sqs.refuse(body -> body.equals("flaky"), 2);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SendBatches.sendAll(sqs, QUEUE, List.of(entry(0, "steady"), entry(1, "flaky")), "message"));

        assertEquals("SQS refused 1 message(s): InternalError try again", refused.getMessage());
        assertEquals(List.of("steady"), sqs.received());
    }

    @Test
    void nothing_to_send_makes_no_request() {
        SendBatches.sendAll(sqs, QUEUE, List.of(), "message");

        assertEquals(List.of(), sqs.requestEntries());
    }

    private static SendMessageBatchRequestEntry entry(int id, String body) {
        return SendMessageBatchRequestEntry.builder().id(Integer.toString(id)).messageBody(body).build();
    }
}
