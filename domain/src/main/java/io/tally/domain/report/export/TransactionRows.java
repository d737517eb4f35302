package io.tally.domain.report.export;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every ledger entry of the period, newest first, from the brand's activity log: one row per value type the entry
 * moved (an entry that moved none, such as an enrollment, has one row without amounts). The period is cut into
 * equal time slices, one per shard, shard 0 the newest; a shard pages through its slice (A43's query, 100 events a
 * page), so it never holds more than a page.
 */
public final class TransactionRows implements ReportRows {
    /** A shard covers at least this much time, so a short period is not cut into slivers. */
    static final Duration MIN_SLICE = Duration.ofHours(1);
    private static final List<String> HEADER = List.of("occurredAt", "transactionId", "type", "cardNumber", "location",
            "terminal", "program", "cardSet", "valueType", "change", "balanceAfter", "requestRef",
            "externalTransactionId", "eventId");
    private final ActivityLogPort activity;

    public TransactionRows(ActivityLogPort activity) {
        this.activity = activity;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public int shards(BrandId brand, ReportFilters filters, ZoneId zone) {
        Duration period = Duration.between(start(filters, zone), end(filters, zone));
        return (int) Math.max(1, Math.min(Report.MAX_SHARDS, period.dividedBy(MIN_SLICE)));
    }

    @Override
    public void write(Report report, int shard, ZoneId zone, CsvOut out) {
        Instant[] slice = slice(report.filters(), zone, report.shards(), shard);
        Optional<ActivityLogPort.Position> after = Optional.empty();
        do {
            ActivityLogPort.Slice page = activity.between(report.brand(), slice[0], slice[1], after, ActivityLogPort.MAX_PAGE);
            for (DomainEvent event : page.events()) {
                BrandTransaction.of(event).filter(t -> wanted(report.filters(), t)).ifPresent(t -> rows(t, out));
            }
            after = page.next();
        } while (after.isPresent());
    }

    /** Shard {@code shard}'s {@code [from, to)}: the period cut at whole seconds into {@code shards} equal slices. */
    static Instant[] slice(ReportFilters filters, ZoneId zone, int shards, int shard) {
        long start = start(filters, zone).getEpochSecond();
        long length = end(filters, zone).getEpochSecond() - start;
        int newest = shards - 1 - shard;
        return new Instant[] {Instant.ofEpochSecond(start + length * newest / shards),
                Instant.ofEpochSecond(start + length * (newest + 1) / shards)};
    }

    private static Instant start(ReportFilters f, ZoneId zone) {
        return f.from().atStartOfDay(zone).toInstant();
    }

    private static Instant end(ReportFilters f, ZoneId zone) {
        return f.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean wanted(ReportFilters f, BrandTransaction t) {
        return f.admits(t.location()) && f.admitsProgram(t.program()) && f.admitsType(t.type());
    }

    private static void rows(BrandTransaction t, CsvOut out) {
        Map<String, Long> changes = t.balanceChanges();
        if (changes.isEmpty()) {
            out.row(fields(t, "", "", ""));
        }
        changes.forEach((valueType, change) -> out.row(fields(t, valueType, Long.toString(change),
                t.event().data().getOrDefault("after." + valueType, ""))));
    }

    private static List<String> fields(BrandTransaction t, String valueType, String change, String after) {
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(t.at().toString());
        f.add(t.transactionId());
        f.add(t.type());
        f.add(t.card().value());
        f.add(t.location().map(LocationId::value).orElse(""));
        f.add(t.terminal().orElse(""));
        f.add(t.program().orElse(""));
        f.add(t.cardSet().orElse(""));
        f.add(valueType);
        f.add(change);
        f.add(after);
        f.add(t.requestRef().orElse(""));
        f.add(t.externalTransactionId().orElse(""));
        f.add(t.event().id());
        return f;
    }
}
