package io.tally.local.sqs;

import io.tally.lambda.topology.QueueId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The queues created for every {@link QueueId}. */
public final class LocalQueues {
    private final Map<QueueId, LocalQueue> queues;

    LocalQueues(Map<QueueId, LocalQueue> queues) {
        EnumMap<QueueId, LocalQueue> copy = new EnumMap<>(QueueId.class);
        copy.putAll(queues);
        for (QueueId id : QueueId.values()) {
            if (!copy.containsKey(id)) {
                throw new IllegalArgumentException("no queue for " + id);
            }
        }
        this.queues = copy;
    }

    public LocalQueue get(QueueId id) {
        return queues.get(id);
    }

    public Collection<LocalQueue> all() {
        return queues.values();
    }

    /** {@code QueueId.urlEnvironmentVariable()} → queue URL, as the CDK stack hands them to the functions. */
    public Map<String, String> urlsByEnvironmentVariable() {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        queues.forEach((id, queue) -> urls.put(id.urlEnvironmentVariable(), queue.url()));
        return urls;
    }
}
