package io.tally.domain.report.export;

import io.tally.domain.report.Flow;
import io.tally.domain.report.RollupCell;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The accounting figures of every day of the period by location, program, card set, entry type and value type,
 * from the rollups (days not rolled up yet computed on read, {@link RollupUseCase#activity}). Small whatever the
 * ledger's size (one row per cell that moved on a day): one shard.
 */
public final class AccountingRows implements ReportRows {
    private static final List<String> HEADER = List.of("day", "location", "program", "cardSet", "type", "valueType",
            "credit", "debit", "net", "count");
    private final RollupUseCase rollups;

    public AccountingRows(RollupUseCase rollups) {
        this.rollups = rollups;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public int shards(BrandId brand, ReportFilters filters, ZoneId zone) {
        return 1;
    }

    @Override
    public void write(Report report, int shard, ZoneId zone, CsvOut out) {
        ReportFilters f = report.filters();
        Predicate<RollupCell> wanted = cell -> f.admits(Optional.of(cell.location()).filter(l -> !l.isEmpty())
                .map(LocationId::new)) && f.admitsProgram(Optional.of(cell.program()).filter(p -> !p.isEmpty()))
                && f.admitsType(cell.type());
        for (LocalDate day = f.from(); !day.isAfter(f.to()); day = day.plusDays(1)) {
            String d = day.toString();
            rollups.activity(report.brand(), day, day, wanted).cells().forEach((RollupCell c, Flow flow) -> out.row(
                    List.of(d, c.location(), c.program(), c.cardSet(), c.type(), c.valueType(),
                            Long.toString(flow.credit()), Long.toString(flow.debit()), Long.toString(flow.net()),
                            Long.toString(flow.count()))));
        }
    }
}
