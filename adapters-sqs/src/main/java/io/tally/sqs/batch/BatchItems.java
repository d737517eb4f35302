package io.tally.sqs.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.sqs.obs.Invocation;
import io.tally.sqs.obs.Level;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An SQS batch handled record by record with {@code ReportBatchItemFailures}: a record whose handling throws is logged
 * and named in the response, so SQS deletes the others and redelivers (finally dead-letters) only it.
 */
public final class BatchItems {
    private BatchItems() {
    }

    /**
     * Logs a failure as a WARN line (the invocation's structured line when one runs, else on {@code log}) whose
     * correlation id is the record's message id, with the exception's message.
     */
    public static SQSBatchResponse handle(SQSEvent batch, PrintStream log, Consumer<SQSEvent.SQSMessage> each) {
        return handle(batch, each, (record, e) -> Invocation.itemLine(log, Level.WARN, "message failed", record.getMessageId())
                .field("error", String.valueOf(e.getMessage())).write());
    }

    /** Reports each failure to {@code failed} (for consumers whose exception messages may hold personal data). */
    public static SQSBatchResponse handle(SQSEvent batch, Consumer<SQSEvent.SQSMessage> each,
                                          BiConsumer<SQSEvent.SQSMessage, RuntimeException> failed) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = batch.getRecords() == null ? List.of() : batch.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            try {
                each.accept(record);
            } catch (RuntimeException e) {
                failed.accept(record, e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * A queue of messages to deliver (e-mails, texts): each record {@code read}, {@code deliver}ed, and logged by the
     * record's and the message's ids and the outcome only; a failure by its exception's class only (a provider's
     * message may name the recipient).
     */
    public static <M> SQSBatchResponse deliver(SQSEvent batch, PrintStream log, String kind, Function<String, M> read,
                                               Function<M, String> id, Function<M, ?> deliver) {
        return handle(batch, record -> {
            M message = read.apply(record.getBody());
            Object delivery = deliver.apply(message);
            Invocation.itemLine(log, Level.INFO, kind, record.getMessageId()).field(kind, id.apply(message))
                    .field("delivery", String.valueOf(delivery)).write();
        }, (record, e) -> Invocation.itemLine(log, Level.WARN, kind + " failed", record.getMessageId())
                .field("error", e.getClass().getSimpleName()).write());
    }
}
