package io.tally.domain.fakes;

import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.report.export.ReportsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ReportsPort} in memory, each write decided under one lock as the conditional writes decide it. */
public final class InMemoryReports implements ReportsPort {
    private final Map<String, Report> reports = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(Report report) {
        return reports.putIfAbsent(key(report.brand(), report.id()), report) == null;
    }

    @Override
    public synchronized Optional<Report> find(BrandId brand, ReportId id) {
        return Optional.ofNullable(reports.get(key(brand, id)));
    }

    @Override
    public synchronized List<Report> list(BrandId brand, int limit) {
        return reports.values().stream().filter(r -> r.brand().equals(brand))
                .sorted(Comparator.comparing(Report::createdAt).thenComparing(r -> r.id().value()).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean markRunning(BrandId brand, ReportId id) {
        Report r = reports.get(key(brand, id));
        if (r == null || r.stored() != ReportStatus.QUEUED) {
            return false;
        }
        put(with(r, r.shardsDone(), r.rows(), ReportStatus.RUNNING, Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized Recorded recordShard(BrandId brand, ReportId id, int shard, long rows) {
        Report r = reports.get(key(brand, id));
        if (r == null) {
            return new Recorded(Recorded.Outcome.NO_SUCH_REPORT, Optional.empty());
        }
        if (r.shardDone(shard) || r.stored() == ReportStatus.FAILED) {
            return new Recorded(Recorded.Outcome.ALREADY_RECORDED, Optional.of(r));
        }
        Set<Integer> done = new HashSet<>(r.shardsDone());
        done.add(shard);
        Report after = with(r, done, r.rows() + rows, r.stored(), r.readyAt(), r.failure());
        put(after);
        return new Recorded(Recorded.Outcome.RECORDED, Optional.of(after));
    }

    @Override
    public synchronized boolean markReady(BrandId brand, ReportId id, Instant now) {
        Report r = reports.get(key(brand, id));
        if (r == null || !r.allShardsDone() || r.stored() == ReportStatus.READY || r.stored() == ReportStatus.FAILED) {
            return false;
        }
        put(with(r, r.shardsDone(), r.rows(), ReportStatus.READY, Optional.of(now), Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean fail(BrandId brand, ReportId id, String reason) {
        Report r = reports.get(key(brand, id));
        if (r == null || r.stored() == ReportStatus.READY || r.stored() == ReportStatus.FAILED) {
            return false;
        }
        put(with(r, r.shardsDone(), r.rows(), ReportStatus.FAILED, Optional.empty(), Optional.of(reason)));
        return true;
    }

    private void put(Report r) {
        reports.put(key(r.brand(), r.id()), r);
    }

    private static Report with(Report r, Set<Integer> done, long rows, ReportStatus status, Optional<Instant> readyAt,
                               Optional<String> failure) {
        return new Report(r.id(), r.brand(), r.staff(), r.email(), r.kind(), r.filters(), r.createdAt(), r.shards(),
                done, rows, status, readyAt, failure, r.link());
    }

    private static String key(BrandId brand, ReportId id) {
        return brand.value() + "/" + id.value();
    }
}
