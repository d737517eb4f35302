package io.tally.sqs.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Messages sent with SendMessageBatch within SQS's limits on one request: at most {@link #MAX_ENTRIES} entries and
 * their payload (bodies and message attributes, UTF-8) at most 256 KiB, 262,144 bytes. SQS refuses a whole request over
 * either (TooManyEntriesInBatchRequest, BatchRequestTooLong), every time, so a caller that retries it (the ledger's
 * outbox) would retry it forever and hold back the messages batched with it. ElasticMQ 1.7.1 enforces 1 MiB counted in
 * characters: any request within these limits is within it too. Each request's entries that SQS refuses are sent again
 * once, then the send fails.
 */
public final class SendBatches {
    /** Entries per request: SQS's maximum. */
    public static final int MAX_ENTRIES = 10;
    /** SQS's classic limit on a request's payload and a message's size, which the stack pins on every queue. */
    public static final int SQS_MAX_BYTES = 262_144;
    /**
     * Payload bytes per request, and so per message: SQS's {@value #SQS_MAX_BYTES} less a 12,144-byte margin, for a system attribute the
     * SDK may add (AWSTraceHeader) and any difference between this count and SQS's.
     */
    public static final int MAX_BYTES = 250_000;

    private SendBatches() {
    }

    /**
     * Sends {@code entries} in order, in as few requests as {@link #MAX_ENTRIES} and {@link #MAX_BYTES} allow. An entry
     * that alone is over {@link #MAX_BYTES} is sent in none: the others are sent, then the send fails naming it.
     * {@code what} names the entries in a failure ("event", "report shard"). Entry ids must be distinct.
     */
    public static void sendAll(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries, String what) {
        List<SendMessageBatchRequestEntry> tooLarge = new ArrayList<>();
        for (List<SendMessageBatchRequestEntry> request : requests(entries, tooLarge)) {
            send(sqs, queueUrl, request, what);
        }
        if (!tooLarge.isEmpty()) {
            SendMessageBatchRequestEntry first = tooLarge.get(0);
            throw new IllegalArgumentException(tooLarge.size() + " " + what + "(s) over the SQS message limit, not sent: id "
                    + first.id() + " has " + bytes(first) + " bytes, at most " + MAX_BYTES + " are sent");
        }
    }

    /** The requests {@link #sendAll} makes, of consecutive entries; those over {@link #MAX_BYTES} go to {@code tooLarge}. */
    static List<List<SendMessageBatchRequestEntry>> requests(List<SendMessageBatchRequestEntry> entries,
                                                             List<SendMessageBatchRequestEntry> tooLarge) {
        List<List<SendMessageBatchRequestEntry>> requests = new ArrayList<>();
        List<SendMessageBatchRequestEntry> request = new ArrayList<>();
        int requestBytes = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            int bytes = bytes(entry);
            if (bytes > MAX_BYTES) {
                tooLarge.add(entry);
                continue;
            }
            if (request.size() == MAX_ENTRIES || requestBytes + bytes > MAX_BYTES) {
                requests.add(request);
                request = new ArrayList<>();
                requestBytes = 0;
            }
            request.add(entry);
            requestBytes += bytes;
        }
        if (!request.isEmpty()) {
            requests.add(request);
        }
        return requests;
    }

    /** What SQS counts of an entry: its body and each attribute's name, data type and value, in UTF-8 bytes. */
    static int bytes(SendMessageBatchRequestEntry entry) {
        int bytes = utf8Bytes(entry.messageBody());
        for (Map.Entry<String, MessageAttributeValue> a : entry.messageAttributes().entrySet()) {
            MessageAttributeValue v = a.getValue();
            bytes += utf8Bytes(a.getKey()) + utf8Bytes(v.dataType()) + utf8Bytes(v.stringValue())
                    + (v.binaryValue() == null ? 0 : v.binaryValue().asByteArray().length);
        }
        return bytes;
    }

    /** UTF-8 length without encoding; a lone surrogate counts 3 (the JDK writes 1, '?'): never less than SQS counts. */
    static int utf8Bytes(String s) {
        if (s == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** One request of at most ten entries; the entries SQS refuses are sent again once, then the send fails. */
    private static void send(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries, String what) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(SendMessageBatchRequest.builder()
                    .queueUrl(queueUrl).entries(pending).build());
            List<String> failed = response.hasFailed() ? response.failed().stream().map(BatchResultErrorEntry::id).toList()
                    : List.of();
            if (!failed.isEmpty() && attempt == 1) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw new IllegalStateException("SQS refused " + failed.size() + " " + what + "(s): " + first.code() + " "
                        + first.message());
            }
            pending = pending.stream().filter(e -> failed.contains(e.id())).toList();
        }
    }
}
