package io.tally.domain.report.export;

import io.tally.domain.tenant.BrandId;
import java.util.Objects;

/** One shard of a report to write: the message the reports queue carries, delivered at least once. */
public record ExportShard(BrandId brand, ReportId report, int shard) {
    public ExportShard {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(report, "report");
        if (shard < 0 || shard >= Report.MAX_SHARDS) {
            throw new IllegalArgumentException("shard out of range: " + shard);
        }
    }
}
