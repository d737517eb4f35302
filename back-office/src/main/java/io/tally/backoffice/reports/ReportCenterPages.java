package io.tally.backoffice.reports;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.reports.JtecenterGenerated;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.report.export.DirectMailRows;
import io.tally.domain.report.export.ExportRequest;
import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/reports}, the Report Center (EXPORT_REPORTS, checked again by the use case): the export form and the
 * reports the member may see with their status, filters, progress and, while valid, the download link. While a report
 * is being written the page offers a refresh link (no script). The download ({@code /reports/<id>/download?t=…}, the
 * e-mailed link) answers with a short-lived S3 URL of the file. A second form asks for direct mail
 * ({@link ReportKind#DIRECT_MAIL}): a list's postal addresses, optionally narrowed by a segment the member sees (its
 * latest READY snapshot when asked).
 */
public final class ReportCenterPages implements OfficeArea {
    static final String[] ENTRY_TYPES = {"issue", "redeem", "hold", "release", "adjust", "void", "expire", "enroll",
            "checkout"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final ReportCenterUseCase reports;
    private final LocationsPort locations;
    private final DirectMailChoices mailChoices;
    private final RandomSource random;
    private final Clock clock;
    private final boolean local;

    /** What the direct mail form offers: the brand's lists and the segments with a READY snapshot. */
    public record DirectMailChoices(PortalConfigPort portals, SegmentsPort segments, SegmentSnapshotsPort snapshots) {
    }

    public ReportCenterPages(ReportCenterUseCase reports, LocationsPort locations, DirectMailChoices mailChoices,
                             RandomSource random, Clock clock, boolean local) {
        this.reports = reports;
        this.locations = locations;
        this.mailChoices = mailChoices;
        this.random = random;
        this.clock = clock;
        this.local = local;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/reports", Permission.EXPORT_REPORTS, this::page)
                .post("/reports", Permission.EXPORT_REPORTS, this::request)
                .post("/reports/direct-mail", Permission.EXPORT_REPORTS, this::directMail)
                .get("/reports/{id}/download", Permission.EXPORT_REPORTS, this::download);
    }

    /** One row of the list. */
    public record ReportRow(String id, String requested, String by, String kind, String filters, String status,
                            String progress, String download, String expires) {
    }

    /** A select's option. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The form as shown (again, with an error, after a refusal). */
    public record Form(String id, List<Option> kinds, String from, String to, List<Option> locations,
                       List<Option> types, String program, String error) {
    }

    /** The direct mail form as shown (again, with an error, after a refusal). */
    public record MailForm(String id, List<Option> lists, List<Option> segments, String error) {
    }

    private OfficeResponse page(OfficeCall c) {
        LocalDate today = LocalDate.now(clock);
        return render(c, 200, form(c, "", today.minusDays(30).toString(), today.toString(), "", "", "", null),
                mailForm(c, "", "", null));
    }

    private OfficeResponse directMail(OfficeCall c) {
        var r = c.request();
        String id = r.field("report");
        String list = r.field("list");
        String segment = r.field("segment");
        Optional<Snapshot> snapshot = Identifiers.isValid(segment) ? visibleSegments(c).stream()
                .filter(s -> s.id().value().equals(segment)).findFirst()
                .flatMap(s -> mailChoices.snapshots().latestReady(s.brand(), s.id())) : Optional.empty();
        String error = !Identifiers.isValid(id) ? "The form has expired: reload the page."
                : !Identifiers.isValid(list) ? "Choose a list."
                : !segment.isEmpty() && snapshot.isEmpty() ? "That segment has no finished evaluation to narrow by."
                : null;
        if (error == null) {
            LocalDate today = LocalDate.now(clock);
            Optional<ReportCenterUseCase.Refusal> refused = reports.request(c.scope(), new ExportRequest(
                    new ReportId(id), ReportKind.DIRECT_MAIL, today, today, Optional.empty(), Optional.empty(),
                    Optional.empty(), linkBase(c), Optional.of(DirectMailRows.subject(list,
                    snapshot.map(Snapshot::key)))));
            if (refused.isEmpty()) {
                return OfficeResponse.redirect("/reports");
            }
            error = refused.get().message();
        }
        LocalDate today = LocalDate.now(clock);
        return render(c, 400, form(c, "", today.minusDays(30).toString(), today.toString(), "", "", "", null),
                mailForm(c, list, segment, error));
    }

    private List<Segment> visibleSegments(OfficeCall c) {
        return mailChoices.segments().list(c.scope().brand()).stream().filter(s -> s.visibleTo(c.scope()))
                .sorted(java.util.Comparator.comparing(Segment::name)).toList();
    }

    private MailForm mailForm(OfficeCall c, String list, String segment, String error) {
        List<Option> lists = mailChoices.portals().load(c.scope().brand()).map(PortalConfig::activeLists)
                .orElse(List.of()).stream().map(l -> new Option(l.id(), l.name(), l.id().equals(list))).toList();
        List<Option> segments = new ArrayList<>();
        segments.add(new Option("", "Every member of the list", segment.isEmpty()));
        visibleSegments(c).forEach(s -> segments.add(new Option(s.id().value(), s.name(), s.id().value().equals(segment))));
        return new MailForm(newId(), lists, segments, error);
    }

    private String newId() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return "r" + HexFormat.of().formatHex(b);
    }

    private OfficeResponse request(OfficeCall c) {
        var r = c.request();
        String id = r.field("report");
        String kind = r.field("kind");
        String from = r.field("from");
        String to = r.field("to");
        String location = r.field("location");
        String type = r.field("type");
        String program = r.field("program");
        Optional<LocalDate> start = date(from);
        Optional<LocalDate> end = date(to);
        String error = !Identifiers.isValid(id) ? "The form has expired: reload the page."
                : reports.kinds().stream().noneMatch(k -> k.name().equals(kind)) ? "Choose what to export."
                : start.isEmpty() || end.isEmpty() ? "Dates are written as 2026-12-01."
                : !location.isEmpty() && !Identifiers.isValid(location) ? "Choose a location from the list."
                : !type.isEmpty() && List.of(ENTRY_TYPES).stream().noneMatch(type::equals) ? "Choose a transaction type."
                : !program.isEmpty() && !Identifiers.isValid(program) ? "Program ids are letters, digits, '_', '.' or '-'."
                : null;
        if (error == null) {
            Optional<ReportCenterUseCase.Refusal> refused = reports.request(c.scope(), new ExportRequest(new ReportId(id),
                    ReportKind.valueOf(kind), start.get(), end.get(), optional(location).map(LocationId::new),
                    optional(program), optional(type), linkBase(c)));
            if (refused.isEmpty()) {
                return OfficeResponse.redirect("/reports");
            }
            error = refused.get().message();
        }
        return render(c, 400, form(c, kind, from, to, location, type, program, error), mailForm(c, "", "", null));
    }

    private OfficeResponse download(OfficeCall c) {
        String id = c.param("id");
        if (!Identifiers.isValid(id)) {
            return c.notFound();
        }
        Optional<URI> url = reports.download(c.scope(), new ReportId(id), c.request().query("t"));
        if (url.isEmpty()) {
            return c.message(410, "Link expired", "This download link has expired or is not yours. Request the report "
                    + "again in the Report Center.");
        }
        return OfficeResponse.away(url.get());
    }

    private OfficeResponse render(OfficeCall c, int status, Form form, MailForm mail) {
        Instant now = clock.instant();
        List<ReportRow> rows = reports.list(c.scope(), 50).stream().map(r -> row(c, r, now)).toList();
        boolean working = rows.stream().anyMatch(r -> r.status().equals(ReportStatus.QUEUED.label())
                || r.status().equals(ReportStatus.RUNNING.label()));
        Page page = c.page("Report Center", "reports");
        return OfficeResponse.html(status, Html.render(o -> JtecenterGenerated.render(o, null, page, form, mail, rows, working)));
    }

    private ReportRow row(OfficeCall c, Report r, Instant now) {
        ReportStatus status = r.status(now);
        String filters = (r.kind().hasPeriod() ? r.filters().from() + " to " + r.filters().to()
                : "as of " + r.readyAt().map(WHEN::format).orElse("when written"))
                + r.filters().location().map(l -> ", location " + l.value()).orElse("")
                + r.filters().program().map(p -> ", program " + p).orElse("")
                + r.filters().entryType().map(t -> ", " + t + " only").orElse("")
                + r.filters().scope().map(s -> ", your locations").orElse("")
                + (r.kind() == ReportKind.DIRECT_MAIL ? r.filters().subject().map(s -> ", list " + s).orElse("") : "");
        String progress = r.shardsDone().size() + " of " + r.shards() + " parts, " + r.rows() + " rows";
        String download = status == ReportStatus.READY ? r.link() : null;
        return new ReportRow(r.id().value(), WHEN.format(r.createdAt()), r.email(), r.kind().label(), filters,
                status.label() + r.failure().map(f -> " (" + f + ")").orElse(""), progress, download,
                WHEN.format(r.expiresAt()));
    }

    private Form form(OfficeCall c, String kind, String from, String to, String location, String type, String program,
                      String error) {
        List<Option> kinds = reports.kinds().stream().map(k -> new Option(k.name(), k.label(), k.name().equals(kind)))
                .toList();
        List<Option> places = new ArrayList<>();
        places.add(new Option("", c.scope().brandWide() ? "All locations" : "All my locations", location.isEmpty()));
        locations.locations(c.scope().brand()).stream().filter(l -> c.scope().sees(l.id()))
                .forEach(l -> places.add(new Option(l.id().value(), l.name(), l.id().value().equals(location))));
        List<Option> types = new ArrayList<>();
        types.add(new Option("", "All types", type.isEmpty()));
        for (String t : ENTRY_TYPES) {
            types.add(new Option(t, t, t.equals(type)));
        }
        return new Form(newId(), kinds, from, to, places, types, program, error);
    }

    /** Where the e-mailed link points: this back office, as the member reached it. */
    private String linkBase(OfficeCall c) {
        return (local ? "http://" : "https://") + c.request().host() + "/admin";
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
