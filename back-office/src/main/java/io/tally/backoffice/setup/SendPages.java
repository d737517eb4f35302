package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.communication.TemplatesUseCase;
import io.tally.domain.communication.TestListsUseCase;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.communication.send.SendsUseCase;
import io.tally.domain.communication.send.SendsUseCase.Changed;
import io.tally.domain.communication.send.SendsUseCase.SaveCommand;
import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.segment.SegmentUseCase;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scheduled sends, {@code /communications/sends}: the list with status and progress (a reload shows the counts move),
 * a new draft, and per send its edit, schedule, cancel and test forms. Reading needs {@link Permission#READ_SETUP},
 * changes {@link Permission#MANAGE_SETUP}; {@link SendsUseCase} checks again and audits. Times are the brand's zone.
 */
public final class SendPages implements OfficeArea {
    static final String PATH = "/communications/sends";
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final SendsUseCase sends;
    private final TemplatesUseCase templates;
    private final PortalSetupUseCase portal;
    private final SegmentUseCase segments;
    private final TestListsUseCase testLists;
    private final Function<BrandId, ZoneId> zones;
    private final boolean local;
    private final Optional<String> portalOrigin;

    public SendPages(SendsUseCase sends, TemplatesUseCase templates, PortalSetupUseCase portal, SegmentUseCase segments,
                     TestListsUseCase testLists, Function<BrandId, ZoneId> zones, boolean local) {
        this(sends, templates, portal, segments, testLists, zones, local, Optional.empty());
    }

    /**
     * @param portalOrigin the member pages' own origin when the stack has one ({@code TALLY_PORTAL_ORIGIN}): the portal
     *                     then answers only through it, so the messages' links (unsubscribe, preferences, tracking) name it
     */
    public SendPages(SendsUseCase sends, TemplatesUseCase templates, PortalSetupUseCase portal, SegmentUseCase segments,
                     TestListsUseCase testLists, Function<BrandId, ZoneId> zones, boolean local,
                     Optional<String> portalOrigin) {
        this.portalOrigin = portalOrigin;
        this.sends = sends;
        this.templates = templates;
        this.portal = portal;
        this.segments = segments;
        this.testLists = testLists;
        this.zones = zones;
        this.local = local;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get(PATH, Permission.READ_SETUP, c -> list(c, 200, Map.of()))
                .post(PATH, Permission.MANAGE_SETUP, c -> save(c, Optional.empty()))
                .post(PATH + "/rate", Permission.MANAGE_SETUP, c -> done(c, sends.setRate(c.scope(),
                        c.request().field("rate")), problems -> list(c, 400, problems), PATH))
                .get(PATH + "/{id}", Permission.READ_SETUP, c -> send(c, 200, Map.of()))
                .post(PATH + "/{id}", Permission.MANAGE_SETUP, c -> save(c, Optional.of(c.param("id"))))
                .post(PATH + "/{id}/schedule", Permission.MANAGE_SETUP, c -> done(c, sends.schedule(c.scope(),
                        c.param("id"), version(c), at(c), portalUrl(c)), problems -> send(c, 400, problems), null))
                .post(PATH + "/{id}/cancel", Permission.MANAGE_SETUP, c -> done(c, sends.cancel(c.scope(),
                        c.param("id"), version(c)), problems -> send(c, 400, problems), null))
                .post(PATH + "/{id}/test", Permission.MANAGE_SETUP, c -> done(c, sends.test(c.scope(), c.param("id"),
                        c.request().field("testList"), portalUrl(c)), problems -> send(c, 400, problems), null));
    }

    private OfficeResponse list(OfficeCall c, int status, Map<String, String> problems) {
        ZoneId zone = zones.apply(c.scope().brand());
        Table table = new Table("Sends (times in " + zone.getId() + ")", List.of("Name", "Status", "Send at",
                "Queued", "Skipped", "Pages done", "Actions"), sends.list(c.scope()).stream().map(s -> Row.of(List.of(
                s.name(), s.status().name().toLowerCase(), s.sendAt().map(t -> time(t, zone)).orElse(""),
                Long.toString(s.progress().queued()), Long.toString(s.progress().skipped()),
                s.progress().pagesDone().size() + s.progress().pages().map(n -> " of " + n).orElse("")),
                new Link(PATH + "/" + s.id(), "Open " + s.name()))).toList(), "No sends yet.");
        List<Form> forms = List.of(draftForm(c, "New send", PATH, "Create draft", null, problems),
                new Form("Sending rate", PATH + "/rate", "Save rate", List.of(input(c, "rate", "Messages per second",
                        Integer.toString(sends.rate(c.scope())), problems, "taken by each send when it starts; "
                                + "your mail provider's sending quota"))));
        return SetupPage.show(c, status, "Scheduled sends", "A template to a list, optionally narrowed to a segment "
                + "(its latest evaluated snapshot when the send starts), at a time. Each member is sent it at most once; "
                + "reload to see the counts move.", List.of(table), forms, errors(problems), "Saved.");
    }

    private OfficeResponse send(OfficeCall c, int status, Map<String, String> problems) {
        Optional<Send> found = sends.find(c.scope(), c.param("id"));
        if (found.isEmpty()) {
            return c.notFound();
        }
        Send s = found.get();
        ZoneId zone = zones.apply(c.scope().brand());
        Table details = new Table("Send", List.of("Field", "Value"), List.of(
                Row.of(List.of("Status", s.status().name().toLowerCase()), null),
                Row.of(List.of("Template", s.template() + (s.templateVersion() > 0 ? " (version "
                        + s.templateVersion() + ")" : "")), null),
                Row.of(List.of("Channel", s.channel() == SendChannel.SMS ? "SMS" : "E-mail"), null),
                Row.of(List.of("List", s.list()), null),
                Row.of(List.of("Segment", s.segment().orElse("none (the whole list)")), null),
                Row.of(List.of("Send at (" + zone.getId() + ")", s.sendAt().map(t -> time(t, zone)).orElse("")), null),
                Row.of(List.of("Queued", Long.toString(s.progress().queued())), null),
                Row.of(List.of(s.channel() == SendChannel.SMS ? "Skipped (no phone with its country, no text or too long, "
                        + "not in the segment)" : "Skipped (no e-mail, not in the segment)",
                        Long.toString(s.progress().skipped())), null),
                Row.of(List.of("Pages done", s.progress().pagesDone().size() + s.progress().pages().map(n -> " of " + n)
                        .orElse("")), null),
                Row.of(List.of("Error", s.error().orElse("")), null)), "");
        List<Form> forms = new ArrayList<>();
        String v = "?version=" + s.version();
        if (s.status().editable()) {
            forms.add(draftForm(c, "Edit " + s.name(), PATH + "/" + s.id() + v, "Save draft", s, problems));
            forms.add(new Form("Schedule", PATH + "/" + s.id() + "/schedule" + v, "Queue send", List.of(input(c,
                    "sendAt", "Send at (" + zone.getId() + ")", "", problems, "YYYY-MM-DD HH:MM; now or later"))));
        }
        forms.add(new Form("Send a test", PATH + "/" + s.id() + "/test", "Send test", List.of(new Input("testList",
                "Test list", SetupView.Kind.SELECT, c.request().field("testList"), testLists.list(c.scope()).stream()
                .map(l -> new Option(l.id(), l.name())).toList(), s.channel() == SendChannel.SMS
                ? "texted to the test cards' phones; never counted" : "subject marked [TEST]; never counted", true,
                problems.get("testList")))));
        if (s.status() == SendStatus.QUEUED) {
            forms.add(new Form("Cancel", PATH + "/" + s.id() + "/cancel" + v, "Cancel send", List.of()));
        }
        return SetupPage.show(c, status, "Send " + s.name(), "", List.of(details), forms, errors(problems), "Saved.");
    }

    private Form draftForm(OfficeCall c, String heading, String action, String submit, Send s,
                           Map<String, String> problems) {
        boolean posted = c.request().method().equals("POST") && !problems.isEmpty();
        List<Option> templateOptions = templates.list(c.scope()).stream().map(t -> new Option(t.id(), t.name())).toList();
        List<Option> lists = portal.portal(c.scope()).map(p -> p.subscriptionLists().stream()
                .filter(l -> !l.archived()).map(l -> new Option(l.id(), l.name())).toList()).orElse(List.of());
        List<Option> segmentOptions = new ArrayList<>();
        segmentOptions.add(new Option("", "None: the whole list"));
        segments.list(c.scope()).forEach(g -> segmentOptions.add(new Option(g.id().value(), g.name())));
        List<Option> channels = sends.channels().stream().map(ch -> ch == SendChannel.SMS
                ? new Option(ch.name(), "SMS (the template's text part)") : new Option(ch.name(), "E-mail")).toList();
        return new Form(heading, action, submit, List.of(
                field(c, "name", "Name", SetupView.Kind.TEXT, s == null ? "" : s.name(), List.of(), posted, problems),
                field(c, "template", "Template", SetupView.Kind.SELECT, s == null ? "" : s.template(), templateOptions,
                        posted, problems),
                field(c, "list", "List", SetupView.Kind.SELECT, s == null ? "" : s.list(), lists, posted, problems),
                field(c, "segment", "Segment", SetupView.Kind.SELECT, s == null ? "" : s.segment().orElse(""),
                        segmentOptions, posted, problems),
                field(c, "channel", "Channel", SetupView.Kind.SELECT, s == null ? SendChannel.EMAIL.name()
                        : s.channel().name(), channels, posted, problems)));
    }

    private static Input field(OfficeCall c, String name, String label, SetupView.Kind kind, String stored,
                               List<Option> options, boolean posted, Map<String, String> problems) {
        return new Input(name, label, kind, posted ? c.request().field(name) : stored, options, null,
                !name.equals("segment"), problems.get(name));
    }

    private static Input input(OfficeCall c, String name, String label, String value, Map<String, String> problems,
                               String hint) {
        return new Input(name, label, SetupView.Kind.TEXT, problems.isEmpty() ? value : c.request().field(name), List.of(),
                hint, true, problems.get(name));
    }

    private OfficeResponse save(OfficeCall c, Optional<String> id) {
        var r = c.request();
        Changed changed = sends.save(c.scope(), new SaveCommand(id, r.field("name"), r.field("template"),
                r.field("list"), r.field("segment"), version(c), Optional.ofNullable(r.field("channel"))
                .filter(ch -> !ch.isBlank()).orElse(SendChannel.EMAIL.name())));
        return done(c, changed, problems -> id.isEmpty() ? list(c, 400, problems) : send(c, 400, problems), null);
    }

    private static OfficeResponse done(OfficeCall c, Changed changed, Function<Map<String, String>, OfficeResponse> again,
                                       String back) {
        if (changed instanceof Changed.Done done) {
            String to = back != null ? back : PATH + "/" + done.send().id();
            return OfficeResponse.redirect(to + "?saved=1");
        }
        Map<String, String> problems = changed instanceof Changed.Invalid invalid ? invalid.problems()
                : Map.of("name", changed instanceof Changed.Conflict conflict ? conflict.why()
                : "You may not change sends.");
        return again.apply(problems);
    }

    private Optional<Instant> at(OfficeCall c) {
        try {
            return Optional.of(LocalDateTime.parse(c.request().field("sendAt").strip(), FORM_TIME)
                    .atZone(zones.apply(c.scope().brand())).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The brand's portal: its own origin when the stack has one, else as this request's host serves it. */
    private String portalUrl(OfficeCall c) {
        return portalOrigin.orElse((local ? "http://" : "https://") + c.request().host()) + "/portal/"
                + c.scope().brand().value();
    }

    private static String time(Instant t, ZoneId zone) {
        return FORM_TIME.format(t.atZone(zone));
    }

    private static long version(OfficeCall c) {
        try {
            return Long.parseLong(c.request().query("version"));
        } catch (NumberFormatException none) {
            return 0;
        }
    }

    private static List<FieldError> errors(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }
}
