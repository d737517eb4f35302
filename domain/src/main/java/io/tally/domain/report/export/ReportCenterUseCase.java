package io.tally.domain.report.export;

import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Report Center's requests: ask for an export (stored QUEUED, its shards queued), list the reports a staff member
 * may see, and open a report's file through its signed link. Every call checks the member's permission and scope:
 * a manager's export holds only their locations, and they see only their own reports; brand-wide roles see all.
 */
public final class ReportCenterUseCase {
    /** How long the object store's URL of a download stays valid: the browser follows it at once. */
    static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);
    private final ReportsPort reports;
    private final ReportQueuePort queue;
    private final ReportFilesPort files;
    private final Map<ReportKind, ReportRows> rows;
    private final ReportLinks links;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;

    public ReportCenterUseCase(ReportsPort reports, ReportQueuePort queue, ReportFilesPort files,
                               Map<ReportKind, ReportRows> rows, ReportLinks links, Function<BrandId, ZoneId> zones,
                               Clock clock) {
        this.reports = reports;
        this.queue = queue;
        this.files = files;
        this.rows = Map.copyOf(rows);
        this.links = links;
        this.zones = zones;
        this.clock = clock;
    }

    /** Why a request was refused (the form shows it); empty when the report is queued. */
    public enum Refusal {
        NOT_ALLOWED("You may not export reports."),
        LOCATION_OUT_OF_SCOPE("That location is not one of yours."),
        KIND_UNAVAILABLE("That kind of report is not available."),
        BAD_PERIOD("The period must end on or after its start and last at most " + ReportFilters.MAX_DAYS + " days."),
        ID_TAKEN("That form was already used for another report: reload the page."),
        NO_SUCH_SUBJECT("There is no such thing to export, or it is not within your reach.");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Stores the report (once per id) and queues its shards; a second submission queues them again (harmless). */
    public Optional<Refusal> request(StaffScope scope, ExportRequest r) {
        if (!scope.can(Permission.EXPORT_REPORTS)) {
            return Optional.of(Refusal.NOT_ALLOWED);
        }
        if (r.location().isPresent() && !scope.sees(r.location().get())) {
            return Optional.of(Refusal.LOCATION_OUT_OF_SCOPE);
        }
        ReportRows source = rows.get(r.kind());
        if (source == null) {
            return Optional.of(Refusal.KIND_UNAVAILABLE);
        }
        if (r.to().isBefore(r.from()) || r.to().toEpochDay() - r.from().toEpochDay() + 1 > ReportFilters.MAX_DAYS) {
            return Optional.of(Refusal.BAD_PERIOD);
        }
        ReportFilters filters = new ReportFilters(r.from(), r.to(), r.location(), r.program(),
                r.kind().hasPeriod() ? r.entryType() : Optional.empty(), scope.locations(),
                r.kind().hasSubject() ? r.subject() : Optional.empty());
        if (r.kind().hasSubject() != filters.subject().isPresent() || !source.admits(scope, filters)) {
            return Optional.of(Refusal.NO_SUCH_SUBJECT);
        }
        Instant now = clock.instant();
        int shards = source.shards(scope.brand(), filters, zones.apply(scope.brand()));
        String link = r.linkBase() + "/reports/" + r.id().value() + "/download?t="
                + links.token(scope.brand(), r.id(), now.plus(Report.LIFETIME));
        Report report = Report.queued(r.id(), scope.brand(), scope.staff(), scope.email(), r.kind(), filters, now,
                shards, link);
        if (!reports.create(report)) {
            report = reports.find(scope.brand(), r.id()).orElseThrow();
            if (!report.staff().equals(scope.staff())) {
                return Optional.of(Refusal.ID_TAKEN);
            }
            if (report.stored() != ReportStatus.QUEUED) {
                return Optional.empty();
            }
        }
        List<ExportShard> messages = new ArrayList<>(report.shards());
        for (int s = 0; s < report.shards(); s++) {
            messages.add(new ExportShard(report.brand(), report.id(), s));
        }
        queue.send(messages);
        return Optional.empty();
    }

    /**
     * The kinds of report this installation can write that the Report Center's form offers, in {@link ReportKind}
     * order (a kind about one thing is asked for where that thing is shown).
     */
    public List<ReportKind> kinds() {
        return Arrays.stream(ReportKind.values()).filter(k -> rows.containsKey(k) && !k.hasSubject()).toList();
    }

    /** The reports {@code scope} may see, newest first: a manager's own, everyone's for brand-wide roles. */
    public List<Report> list(StaffScope scope, int limit) {
        if (!scope.can(Permission.EXPORT_REPORTS)) {
            return List.of();
        }
        return reports.list(scope.brand(), Math.min(limit, ReportsPort.MAX_LIST)).stream()
                .filter(report -> visible(scope, report)).toList();
    }

    /** One report {@code scope} may see; empty for an unknown report or one out of reach. */
    public Optional<Report> find(StaffScope scope, ReportId id) {
        if (!scope.can(Permission.EXPORT_REPORTS)) {
            return Optional.empty();
        }
        return reports.find(scope.brand(), id).filter(report -> visible(scope, report));
    }

    /**
     * Where the browser fetches the file: a short-lived URL of the object store, only for a READY report the member
     * may see, through an intact, unexpired link token.
     */
    public Optional<URI> download(StaffScope scope, ReportId id, String token) {
        Instant now = clock.instant();
        return find(scope, id)
                .filter(report -> report.status(now) == ReportStatus.READY)
                .filter(report -> links.valid(token, scope.brand(), id, now))
                .map(report -> files.downloadUrl(report.brand(), report.id(), report.fileName(), DOWNLOAD_URL_LIFETIME));
    }

    private static boolean visible(StaffScope scope, Report report) {
        return scope.brandWide() || report.staff().equals(scope.staff());
    }
}
