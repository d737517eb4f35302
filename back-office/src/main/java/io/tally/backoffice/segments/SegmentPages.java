package io.tally.backoffice.segments;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Kind;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Section;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.backoffice.templates.setup.JtesectionGenerated;
import io.tally.domain.report.export.ExportRequest;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.SegmentMemberRows;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterCodec;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentCount;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.segment.SegmentUseCase;
import io.tally.domain.segment.SegmentUseCase.Details;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.LocationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /segments}: the segment builder (the glossary's Segmentation). A list with a create form; a segment's page
 * with its details, its filters group by group (each removable), the live count, one link per kind of filter to a
 * page with that filter's form, an "Evaluate now" button and the segment's snapshots (the evaluation job's runs, with
 * their progress). Plain forms and redirects: it works without JavaScript.
 */
public final class SegmentPages implements OfficeArea {
    static final String SECTION = "segments";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final SegmentUseCase segments;
    private final SegmentEvaluationUseCase evaluation;
    private final Optional<ReportCenterUseCase> reports;
    private final boolean local;

    /**
     * @param reports the Report Center (empty: no exports offered)
     * @param local   served over plain HTTP locally (the e-mailed download link's scheme)
     */
    public SegmentPages(SegmentUseCase segments, SegmentEvaluationUseCase evaluation,
                        Optional<ReportCenterUseCase> reports, boolean local) {
        this.segments = segments;
        this.evaluation = evaluation;
        this.reports = reports;
        this.local = local;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/segments", Permission.BUILD_SEGMENTS, c -> list(c, 200, List.of()))
                .post("/segments", Permission.BUILD_SEGMENTS, c -> after(c, segments.create(c.scope(), details(c)),
                        s -> "/segments/" + s.id(), e -> list(c, 400, e), "name"))
                .get("/segments/{id}", Permission.BUILD_SEGMENTS, c -> edit(c, 200, List.of()))
                .post("/segments/{id}", Permission.BUILD_SEGMENTS, c -> after(c,
                        segments.saveDetails(c.scope(), c.param("id"), details(c)), s -> "/segments/" + s.id(),
                        e -> edit(c, 400, e), "name"))
                .get("/segments/{id}/add/{kind}", Permission.BUILD_SEGMENTS, c -> add(c, 200, List.of()))
                .post("/segments/{id}/add/{kind}", Permission.BUILD_SEGMENTS, c -> after(c,
                        segments.addFilter(c.scope(), c.param("id"), number(c.request().field("group")),
                                c.request().field("groupJoin"), params(c)), s -> "/segments/" + s.id(),
                        e -> add(c, 400, e), "group"))
                .post("/segments/{id}/remove/{group}/{index}", Permission.BUILD_SEGMENTS, c -> after(c,
                        segments.removeFilter(c.scope(), c.param("id"), number(c.param("group")), number(c.param("index"))),
                        s -> "/segments/" + s.id(), e -> edit(c, 400, e), "name"))
                .post("/segments/{id}/evaluate", Permission.BUILD_SEGMENTS, c -> evaluation.start(c.scope(), c.param("id"))
                        instanceof Outcome.Accepted<Snapshot> ? OfficeResponse.redirect("/segments/" + c.param("id")
                        + "?evaluating=1") : c.notFound())
                .post("/segments/{id}/snapshots/{snapshot}/export", Permission.EXPORT_REPORTS, this::export);
    }

    /**
     * A READY snapshot's members as a Report Center export (the Report Center checks the segment is within reach),
     * then the Report Center. The report's id is derived from the staff member and the snapshot, so pressing the
     * button again asks for the same report.
     */
    private OfficeResponse export(OfficeCall c) {
        Optional<Segment> found = segments.find(c.scope(), c.param("id"));
        Optional<SnapshotKey> key = found.flatMap(s -> SnapshotKey.parse(s.brand(), s.id(), c.param("snapshot")));
        if (reports.isEmpty() || key.isEmpty()) {
            return c.notFound();
        }
        String subject = SegmentMemberRows.subject(key.get());
        LocalDate day = key.get().day();
        Optional<ReportCenterUseCase.Refusal> refused = reports.get().request(c.scope(), new ExportRequest(
                reportId(c, subject), ReportKind.SEGMENT_MEMBERS, day, day, Optional.empty(), Optional.empty(),
                Optional.empty(), (local ? "http://" : "https://") + c.request().host() + "/admin", Optional.of(subject)));
        return refused.isEmpty() ? OfficeResponse.redirect("/reports") : c.notFound();
    }

    private static ReportId reportId(OfficeCall c, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((c.scope().staff().value() + "|" + subject)
                    .getBytes(StandardCharsets.UTF_8));
            return new ReportId("seg-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private OfficeResponse list(OfficeCall c, int status, List<FieldError> errors) {
        Table table = new Table("Segments you can see", List.of("Name", "Visibility", "Filters", "Description", "Actions"),
                segments.list(c.scope()).stream().map(s -> Row.of(List.of(s.name(), visibility(s),
                        String.valueOf(s.filters().filterCount()), s.description()),
                        new Link("/segments/" + s.id(), "Open " + s.name()))).toList(), "No segments yet.");
        return show(c, status, "Segments", "Groups of cards described by filters, to count, target and export. "
                + "Base segments are the platform's; the others are made here.", List.of(table),
                List.of(withPosted(c, detailsForm(c, "Create a segment", "/segments", "Create segment", Optional.empty()),
                        errors)), errors, "Saved.");
    }

    private OfficeResponse edit(OfficeCall c, int status, List<FieldError> errors) {
        Optional<Segment> found = segments.find(c.scope(), c.param("id"));
        if (found.isEmpty()) {
            return c.notFound();
        }
        Segment s = found.get();
        SegmentCount count = segments.count(c.scope(), s);
        boolean editable = s.editableBy(c.scope());
        List<Table> tables = new ArrayList<>();
        List<SegmentFilter> groups = s.filters().members();
        for (int g = 0; g < groups.size(); g++) {
            FilterGroup group = groups.get(g) instanceof FilterGroup fg ? fg : FilterGroup.all(groups.get(g));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < group.members().size(); i++) {
                SegmentFilter f = group.members().get(i);
                rows.add(new Row(List.of(String.valueOf(i + 1), label(f), describe(f)), null, editable
                        ? new Link("/segments/" + s.id() + "/remove/" + (g + 1) + "/" + (i + 1),
                        "Remove filter " + (i + 1) + " of group " + (g + 1)) : null));
            }
            tables.add(new Table("Group " + (g + 1) + ": " + (group.join() == FilterGroup.Join.AND ? "all" : "any")
                    + " of these" + (g > 0 ? " (" + s.filters().join() + " the groups before)" : ""),
                    editable ? List.of("#", "Filter", "Settings", "Actions")
                    : List.of("#", "Filter", "Settings"), rows, "No filters."));
        }
        String intro = "Cards in this segment: " + count.text() + " (" + count.examined() + " cards examined"
                + (count.exact() ? ", every card of the brand" : ", the count's budget: at most "
                + SegmentUseCase.COUNT_PAGES * BrandCardsPort.MAX_PAGE + " cards") + "). "
                + visibility(s) + (groups.isEmpty() ? ". No filters: every card." : ".")
                + (s.visibility().byLocation() ? " Only cards used at one of its locations are in it." : "");
        List<Link> links = editable ? Arrays.stream(FilterCodec.Kind.values())
                .map(k -> new Link("/segments/" + s.id() + "/add/" + k.wire(), "Add a filter: " + k.label())).toList()
                : List.of();
        tables.add(snapshots(c, s));
        List<Form> forms = new ArrayList<>();
        if (editable) {
            forms.add(withPosted(c, detailsForm(c, "Details", "/segments/" + s.id(), "Save details", Optional.of(s)), errors));
        }
        forms.add(new Form("Evaluate now", "/segments/" + s.id() + "/evaluate", "Evaluate now", List.of()));
        String notice = !c.request().query("saved").isEmpty() ? "Saved."
                : !c.request().query("evaluating").isEmpty() ? "Evaluation started: reload to follow its progress." : null;
        Page page = c.page("Segment " + s.name(), SECTION, notice);
        Section section = new Section("Segment " + s.name(), intro, links, tables, forms, errors);
        return OfficeResponse.html(status, Html.render(o -> JtesectionGenerated.render(o, null, page, section)));
    }

    /**
     * The segment's snapshots, newest first: the evaluation job's runs and their progress; a READY one can be
     * exported (its members, through the Report Center) by staff who may export reports.
     */
    private Table snapshots(OfficeCall c, Segment s) {
        boolean exports = reports.isPresent() && c.scope().can(Permission.EXPORT_REPORTS);
        List<Row> rows = evaluation.snapshots(c.scope(), s).stream().map(n -> new Row(List.of(n.key().day().toString(),
                n.status().name(), n.pages().map(p -> n.pagesDone().size() + " of " + p)
                        .orElse(String.valueOf(n.pagesDone().size())), String.valueOf(n.examined()),
                String.valueOf(n.members()), n.readyAt().map(WHEN::format).orElse("")), null,
                exports && n.status() == SnapshotStatus.READY ? new Link("/segments/" + s.id() + "/snapshots/"
                        + n.key().text() + "/export", "Export the members of " + n.key().day()) : null)).toList();
        List<String> headers = new ArrayList<>(List.of("Date", "Status", "Pages done", "Cards examined", "Members", "Ready"));
        if (exports) {
            headers.add("Actions");
        }
        return new Table("Snapshots (the evaluation job's runs, newest first)", headers, rows, "Not evaluated yet.");
    }

    private OfficeResponse add(OfficeCall c, int status, List<FieldError> errors) {
        Optional<Segment> found = segments.find(c.scope(), c.param("id"));
        Optional<FilterCodec.Kind> kind = FilterCodec.Kind.byWire(c.param("kind"));
        if (found.isEmpty() || kind.isEmpty() || !found.get().editableBy(c.scope())) {
            return c.notFound();
        }
        Segment s = found.get();
        List<Option> groups = new ArrayList<>();
        for (int g = 1; g <= s.filters().members().size(); g++) {
            groups.add(new Option(String.valueOf(g), "Group " + g));
        }
        groups.add(new Option("0", "A new group"));
        List<Input> inputs = new ArrayList<>();
        inputs.add(Input.select("group", "Add to", "0", groups));
        inputs.add(Input.select("groupJoin", "A new group matches when", "AND",
                List.of(new Option("AND", "all of its filters match"), new Option("OR", "any of its filters matches"))));
        inputs.addAll(SegmentForms.inputs(kind.get()));
        Form form = new Form(kind.get().label(), "/segments/" + s.id() + "/add/" + kind.get().wire(), "Add filter", inputs);
        return show(c, status, "Add a filter to " + s.name(), kind.get().label() + ". Leave a side of a range empty "
                + "for no limit.", List.of(), List.of(withPosted(c, form, errors)), errors, null);
    }

    /** A manager is offered the by-location visibilities only (the use case refuses the others). */
    private static Form detailsForm(OfficeCall c, String heading, String action, String submit, Optional<Segment> s) {
        boolean brandWide = c.scope().brandWide();
        return new Form(heading, action, submit, List.of(
                Input.text("name", "Name", s.map(Segment::name).orElse(""), true, null),
                Input.of("description", "Description", Kind.TEXTAREA, s.map(Segment::description).orElse(""), "optional"),
                Input.select("visibility", "Visibility", s.map(x -> x.visibility().name())
                                .orElse(brandWide ? "SHARED" : Visibility.PUBLIC_BY_LOCATION.name()),
                        Arrays.stream(Visibility.values()).filter(v -> v != Visibility.BASE && (brandWide || v.byLocation()))
                                .map(v -> new Option(v.name(), v.label())).toList()),
                Input.text("locations", "Locations", s.map(x -> x.locations().stream().map(LocationId::value).sorted()
                        .collect(Collectors.joining(", "))).orElse(""), !brandWide, "location ids separated by commas; "
                        + (brandWide ? "for the by-location visibilities only" : "of your own location groups")),
                Input.select("join", "Groups combine with", s.map(x -> x.filters().join().name()).orElse("AND"),
                        List.of(new Option("AND", "AND: a card matches every group"),
                                new Option("OR", "OR: a card matches any group")))));
    }

    private static Details details(OfficeCall c) {
        return new Details(c.request().field("name"), c.request().field("description"), c.request().field("visibility"),
                c.request().field("locations"), c.request().field("join"));
    }

    private static Map<String, String> params(OfficeCall c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", c.param("kind"));
        for (Input in : SegmentForms.inputs(FilterCodec.Kind.byWire(c.param("kind")).orElseThrow())) {
            p.put(in.name(), c.request().field(in.name()));
        }
        return p;
    }

    private static String label(SegmentFilter f) {
        return f instanceof FilterGroup ? "Group" : FilterCodec.kind(f).label();
    }

    /** The filter's settings as text: its parameters but the type. */
    private static String describe(SegmentFilter f) {
        if (f instanceof FilterGroup g) {
            return g.filterCount() + " filters";
        }
        return FilterCodec.encode(f).entrySet().stream().filter(e -> !e.getKey().equals("type"))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String visibility(Segment s) {
        return s.visibility().label() + (s.locations().isEmpty() ? "" : " (" + s.locations().stream()
                .map(LocationId::value).sorted().collect(Collectors.joining(", ")) + ")");
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OfficeResponse show(OfficeCall c, int status, String title, String intro, List<Table> tables,
                                       List<Form> forms, List<FieldError> errors, String savedNotice) {
        String notice = c.request().query("saved").isEmpty() ? null : savedNotice;
        Page page = c.page(title, SECTION, notice);
        Section section = new Section(title, intro, List.of(), tables, forms, errors);
        return OfficeResponse.html(status, Html.render(o -> JtesectionGenerated.render(o, null, page, section)));
    }

    private static OfficeResponse after(OfficeCall c, Outcome<Segment> outcome,
                                        Function<Segment, String> back,
                                        Function<List<FieldError>, OfficeResponse> again, String field) {
        if (outcome instanceof Outcome.Accepted<Segment> a) {
            return OfficeResponse.redirect(back.apply(a.value()) + "?saved=1");
        }
        return again.apply(List.of(new FieldError(field, ((Rejected<Segment>) outcome).rejection().detail())));
    }

    /** On a refused post, the form with the values as posted and the error on its first input. */
    private static Form withPosted(OfficeCall c, Form form, List<FieldError> errors) {
        if (errors.isEmpty() || !c.request().method().equals("POST")) {
            return form;
        }
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < form.inputs().size(); i++) {
            Input in = form.inputs().get(i);
            inputs.add(new Input(in.name(), in.label(), in.kind(), c.request().field(in.name()), in.options(), in.hint(),
                    in.required(), i == 0 ? errors.get(0).message() : null));
        }
        return new Form(form.heading(), form.action(), form.submit(), inputs);
    }
}
