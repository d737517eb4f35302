package io.tally.sqs.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * SendMessageBatch as SQS answers it, with SQS's documented limits on a request (ElasticMQ 1.7.1, the tests' server,
 * allows 1 MiB counted in characters, four times more): at most ten entries with distinct ids and 262,144 bytes of
 * payload (each body and each attribute's name, type and value, in UTF-8), else the whole request is refused. It keeps
 * what it accepted, and each request's size.
 */
public final class SqsLimitsFake implements SqsClient {
    public static final int SQS_MAX_ENTRIES = 10;
    public static final int SQS_MAX_BYTES = 262_144;

    private final List<String> received = new ArrayList<>();
    private final List<Integer> requestBytes = new ArrayList<>();
    private final List<Integer> requestEntries = new ArrayList<>();
    private Predicate<String> refuse = body -> false;
    private int refusals;
    private final Map<String, Integer> refused = new HashMap<>();

    /** Bodies accepted, in the order accepted. */
    public List<String> received() {
        return received;
    }

    /** Payload bytes of each accepted request. */
    public List<Integer> requestBytes() {
        return requestBytes;
    }

    /** Entries of each accepted request. */
    public List<Integer> requestEntries() {
        return requestEntries;
    }

    /** The first {@code times} an entry whose body matches is sent, it is answered as failed (as SQS may answer any). */
    public void refuse(Predicate<String> body, int times) {
        this.refuse = body;
        this.refusals = times;
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        List<SendMessageBatchRequestEntry> entries = request.entries();
        if (entries.isEmpty()) {
            throw EmptyBatchRequestException.builder().message("no entries").build();
        }
        if (entries.size() > SQS_MAX_ENTRIES) {
            throw TooManyEntriesInBatchRequestException.builder().message(entries.size() + " entries").build();
        }
        if (entries.stream().map(SendMessageBatchRequestEntry::id).distinct().count() != entries.size()) {
            throw BatchEntryIdsNotDistinctException.builder().message("ids repeat").build();
        }
        int bytes = entries.stream().mapToInt(SqsLimitsFake::payload).sum();
        if (bytes > SQS_MAX_BYTES) {
            throw BatchRequestTooLongException.builder().message("Batch requests cannot be longer than 262144 bytes. You"
                    + " have sent " + bytes + " bytes.").build();
        }
        requestBytes.add(bytes);
        requestEntries.add(entries.size());
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry e : entries) {
            if (refuse.test(e.messageBody()) && refused.merge(e.messageBody(), 1, Integer::sum) <= refusals) {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code("InternalError").senderFault(false)
                        .message("try again").build());
            } else {
                received.add(e.messageBody());
                ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId("m" + received.size()).build());
            }
        }
        return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    private static int payload(SendMessageBatchRequestEntry e) {
        int bytes = e.messageBody().getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttributeValue> a : e.messageAttributes().entrySet()) {
            MessageAttributeValue v = a.getValue();
            bytes += a.getKey().getBytes(StandardCharsets.UTF_8).length + v.dataType().getBytes(StandardCharsets.UTF_8).length
                    + (v.stringValue() == null ? 0 : v.stringValue().getBytes(StandardCharsets.UTF_8).length)
                    + (v.binaryValue() == null ? 0 : v.binaryValue().asByteArray().length);
        }
        return bytes;
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
