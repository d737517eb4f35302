package io.tally.domain.report.export;

import java.util.List;

/** Queues a report's shards for the export consumer ({@link ExportShardUseCase}), which may see each more than once. */
public interface ReportQueuePort {
    /** Queues every shard or throws; shards queued before a failure stay queued (writing one twice is harmless). */
    void send(List<ExportShard> shards);
}
