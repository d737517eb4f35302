package io.tally.domain.report.export;

import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.List;

/** The rows of one kind of report: how many shards it takes and what each shard writes, in file order. */
public interface ReportRows {
    List<String> header();

    /**
     * Whether {@code scope} may have this report with these filters, beyond the Report Center's own checks: a kind
     * about one thing says whether that thing exists and is within the staff member's reach.
     */
    default boolean admits(StaffScope scope, ReportFilters filters) {
        return filters.subject().isEmpty();
    }

    /** The shards of a new report (1..{@link Report#MAX_SHARDS}), decided when it is requested. */
    int shards(BrandId brand, ReportFilters filters, ZoneId zone);

    /** Writes shard {@code shard}'s rows, and only them, to {@code out} (the same rows on every attempt). */
    void write(Report report, int shard, ZoneId zone, CsvOut out);
}
