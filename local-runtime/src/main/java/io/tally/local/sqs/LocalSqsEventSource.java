package io.tally.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.local.lambda.LocalLambdaContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Lambda's SQS event source mapping, locally: one poller thread per queue long-polls it, hands each
 * batch to the consumer function as an {@link SQSEvent} and, as Lambda does with
 * {@code ReportBatchItemFailures} on, deletes what succeeded:
 * <ul>
 *   <li>handler returns → every message not named in {@code batchItemFailures} is deleted; the named
 *       ones stay and come back after the queue's visibility timeout;</li>
 *   <li>handler throws, or names an id that is not in the batch → nothing is deleted, the whole
 *       batch comes back.</li>
 * </ul>
 * After {@code maxReceiveCount} deliveries ElasticMQ's redrive policy moves a message to the DLQ.
 * One batch at a time per queue (Lambda would scale out; ordering here is no promise either).
 */
public final class LocalSqsEventSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSqsEventSource.class);
    private static final int WAIT_SECONDS = 1;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final SqsClient sqs;
    private final LocalQueues queues;
    private final SqsHandlers handlers;
    private final List<Thread> pollers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public LocalSqsEventSource(SqsClient sqs, LocalQueues queues, SqsHandlers handlers) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queues = Objects.requireNonNull(queues, "queues");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /** Starts one poller per queue. */
    public synchronized LocalSqsEventSource start() {
        if (running) {
            throw new IllegalStateException("already started");
        }
        running = true;
        for (LocalQueue queue : queues.all()) {
            Thread poller = new Thread(() -> poll(queue), "sqs-poller-" + queue.name());
            poller.setDaemon(true);
            pollers.add(poller);
            poller.start();
        }
        return this;
    }

    /** Stops polling, lets a running batch finish (up to 10 s) and joins the threads. */
    @Override
    public synchronized void close() {
        running = false;
        for (Thread poller : pollers) {
            try {
                poller.join(JOIN_TIMEOUT.toMillis());
                if (poller.isAlive()) {
                    LOG.warn("{} still busy after {} s: interrupting it", poller.getName(), JOIN_TIMEOUT.toSeconds());
                    poller.interrupt();
                    poller.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        pollers.clear();
    }

    private void poll(LocalQueue queue) {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(queue.url())
                        .maxNumberOfMessages(Math.min(10, queue.id().batchSize()))
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")
                        .build()).messages();
                if (!messages.isEmpty()) {
                    deliver(queue, messages);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("polling {} failed; retrying in 1 s", queue.name(), e);
                pause();
            }
        }
    }

    private void deliver(LocalQueue queue, List<Message> messages) {
        SQSEvent event = SqsEvents.of(messages, queue);
        SQSBatchResponse response;
        try {
            LocalLambdaContext context = LocalLambdaContext.startingNow(queue.id().consumer(), UUID.randomUUID().toString());
            response = handlers.handlerFor(queue.id().consumer()).handleRequest(event, context);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            LOG.warn("{} failed on a batch of {} from {}: the whole batch comes back after {} s",
                    queue.id().consumer().logicalName(), messages.size(), queue.name(), queue.visibilityTimeoutSeconds(), e);
            return;
        }
        Set<String> failed = failedIds(response);
        Set<String> inBatch = new HashSet<>();
        messages.forEach(m -> inBatch.add(m.messageId()));
        if (!inBatch.containsAll(failed)) {
            LOG.warn("{} reported batchItemFailures {} that are not all in the batch {}: Lambda treats that as a failed batch",
                    queue.id().consumer().logicalName(), failed, inBatch);
            return;
        }
        List<Message> done = messages.stream().filter(m -> !failed.contains(m.messageId())).toList();
        delete(queue, done);
        if (!failed.isEmpty()) {
            LOG.info("{}: {} of {} messages failed and come back after {} s", queue.name(), failed.size(),
                    messages.size(), queue.visibilityTimeoutSeconds());
        }
    }

    /** The ids the handler named; a null or blank id makes the set unmatchable (a failed batch). */
    private static Set<String> failedIds(SQSBatchResponse response) {
        Set<String> ids = new HashSet<>();
        if (response == null || response.getBatchItemFailures() == null) {
            return ids;
        }
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            ids.add(id == null || id.isBlank() ? "<missing itemIdentifier>" : id);
        }
        return ids;
    }

    private void delete(LocalQueue queue, List<Message> done) {
        if (done.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(done.get(i).receiptHandle()).build());
        }
        DeleteMessageBatchResponse result = sqs.deleteMessageBatch(DeleteMessageBatchRequest.builder()
                .queueUrl(queue.url()).entries(entries).build());
        if (result.hasFailed() && !result.failed().isEmpty()) {
            LOG.warn("could not delete {} processed messages from {}: {} (they will be delivered again)",
                    result.failed().size(), queue.name(), result.failed());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
