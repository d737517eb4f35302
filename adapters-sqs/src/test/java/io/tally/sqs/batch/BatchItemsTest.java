package io.tally.sqs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemsTest {
    @Test
    void only_the_records_that_failed_are_reported_for_redelivery() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = BatchItems.handle(batch("m1", "m2", "m3"), new PrintStream(out, true, StandardCharsets.UTF_8),
                record -> {
                    if (record.getBody().equals("body-m2")) {
                        throw new IllegalArgumentException("not an \"event\"");
                    }
                    handled.add(record.getMessageId());
                });

        assertEquals(List.of("m1", "m3"), handled);
        assertEquals(List.of("m2"), failed(response));
        String logged = out.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"level\":\"WARN\",\"message\":\"message failed\",\"correlation_id\":\"m2\","
                + "\"error\":\"not an \\\"event\\\"\"}"), logged);
    }

    @Test
    void a_consumer_may_log_its_failures_its_own_way() {
        List<String> logged = new ArrayList<>();

        SQSBatchResponse response = BatchItems.handle(batch("m1", "m2"), record -> {
            throw new IllegalStateException("to: ann@example.com");
        }, (record, e) -> logged.add(record.getMessageId() + " " + e.getClass().getSimpleName()));

        assertEquals(List.of("m1 IllegalStateException", "m2 IllegalStateException"), logged);
        assertEquals(List.of("m1", "m2"), failed(response));
    }

    @Test
    void an_event_without_records_is_an_empty_success() {
        assertEquals(List.of(), failed(BatchItems.handle(new SQSEvent(), System.out, record -> {
        })));
    }

    private static SQSEvent batch(String... ids) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String id : ids) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(id);
            m.setBody("body-" + id);
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
