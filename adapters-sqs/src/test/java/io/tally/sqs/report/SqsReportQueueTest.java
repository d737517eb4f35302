package io.tally.sqs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.batch.SqsLimitsFake;
import io.tally.sqs.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsReportQueueTest {
    private final ExportShardJson json = new ExportShardJson(Json.mapper());
    private final SqsLimitsFake sqs = new SqsLimitsFake();

    @Test
    void every_shard_of_the_largest_report_arrives_ten_to_a_request() {
        List<ExportShard> shards = new ArrayList<>();
        for (int s = 0; s < Report.MAX_SHARDS; s++) {
            shards.add(new ExportShard(new BrandId("b".repeat(64)), new ReportId("r".repeat(64)), s));
        }
        int largest = json.write(shards.get(Report.MAX_SHARDS - 1)).getBytes(StandardCharsets.UTF_8).length;

        new SqsReportQueue(sqs, "http://sqs.local/000000000000/reports", json).send(shards);

        assertTrue(largest < 200, largest + " bytes");
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 4), sqs.requestEntries());
        assertEquals(shards, sqs.received().stream().map(json::read).toList());
    }
}
