package io.tally.domain.communication.send;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.Ids;
import io.tally.domain.communication.TemplateSms;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.TestListsPort;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Scheduled sends in the back office ({@code /communications/sends}): drafts edited, scheduled, cancelled and tested.
 * Reading needs {@link Permission#READ_SETUP}, every change {@link Permission#MANAGE_SETUP}; each change is recorded
 * ({@code send.create|edit|schedule|cancel|test}) just before its write and is one conditional write over the version
 * the form showed. A send is edited only while DRAFT (or TESTS); queued for a time not more than {@link #PAST_GRACE} in
 * the past (the template's version fixed then; a due send starts at once); cancelled only while QUEUED (a start racing
 * the cancel: one of the two writes wins). A test mails the chosen test list's cards' primary e-mails with the current
 * template, subject {@code [TEST] …}, mailing {@code test-<send>} (never counted), and makes a DRAFT a TESTS.
 * {@code startNow} starts a send queued for now ({@link SendFanoutUseCase#start}).
 */
public final class SendsUseCase {
    public static final Duration PAST_GRACE = Duration.ofMinutes(1);
    private final SendsPort sends;
    private final TemplatesPort templates;
    private final PortalConfigPort portals;
    private final SegmentsPort segments;
    private final TestListsPort testLists;
    private final CardPort cards;
    private final EmailOutboxPort outbox;
    private final SendMails mails;
    private final Optional<SmsChannel> sms;
    private final Predicate<Send> startNow;
    private final SetupAudit audit;
    private final RandomSource random;
    private final Clock clock;

    public SendsUseCase(SendsPort sends, TemplatesPort templates, PortalConfigPort portals, SegmentsPort segments,
                        TestListsPort testLists, CardPort cards, EmailOutboxPort outbox, SendMails mails,
                        Predicate<Send> startNow, SetupAudit audit, RandomSource random, Clock clock) {
        this(sends, templates, portals, segments, testLists, cards, outbox, mails, Optional.empty(), startNow, audit,
                random, clock);
    }

    /** @param sms the SMS channel where the graph has it: then a send may be on it (else e-mail only) */
    public SendsUseCase(SendsPort sends, TemplatesPort templates, PortalConfigPort portals, SegmentsPort segments,
                        TestListsPort testLists, CardPort cards, EmailOutboxPort outbox, SendMails mails,
                        Optional<SmsChannel> sms, Predicate<Send> startNow, SetupAudit audit, RandomSource random,
                        Clock clock) {
        this.sms = sms;
        this.sends = sends;
        this.templates = templates;
        this.portals = portals;
        this.segments = segments;
        this.testLists = testLists;
        this.cards = cards;
        this.outbox = outbox;
        this.mails = mails;
        this.startNow = startNow;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    /** The form as posted; {@code id} empty for a new send, {@code version} the one the form was opened on. */
    public record SaveCommand(Optional<String> id, String name, String template, String list, String segment,
                              long version, String channel) {
        /** An e-mail send (the form before the SMS channel). */
        public SaveCommand(Optional<String> id, String name, String template, String list, String segment,
                           long version) {
            this(id, name, template, list, segment, version, SendChannel.EMAIL.name());
        }
    }

    public sealed interface Changed {
        record Done(Send send, String note) implements Changed {
        }

        /** Field → what is wrong with it; nothing was written. */
        record Invalid(Map<String, String> problems) implements Changed {
        }

        /** Changed by someone else since the form was opened, gone, or no longer in a state that allows it. */
        record Conflict(String why) implements Changed {
        }

        record NotAllowed() implements Changed {
        }
    }

    public List<Send> list(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? sends.list(scope.brand()) : List.of();
    }

    public Optional<Send> find(StaffScope scope, String id) {
        return scope.can(Permission.READ_SETUP) && Identifiers.isValid(id) ? sends.find(scope.brand(), id)
                : Optional.empty();
    }

    /** The channels a send may be on here: e-mail, and SMS where the graph has the SMS queue. */
    public List<SendChannel> channels() {
        return sms.isPresent() ? List.of(SendChannel.EMAIL, SendChannel.SMS) : List.of(SendChannel.EMAIL);
    }

    public int rate(StaffScope scope) {
        return sends.rate(scope.brand());
    }

    public Changed save(StaffScope scope, SaveCommand c) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Changed.NotAllowed();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String name = strip(c.name());
        if (name.isEmpty() || name.length() > Send.MAX_NAME) {
            problems.put("name", "The name is 1-" + Send.MAX_NAME + " characters.");
        }
        String template = strip(c.template());
        if (!Identifiers.isValid(template) || templates.find(scope.brand(), template).isEmpty()) {
            problems.put("template", "Choose one of the brand's templates.");
        }
        checkList(scope, strip(c.list()), problems);
        Optional<String> segment = Optional.of(strip(c.segment())).filter(s -> !s.isEmpty());
        if (segment.isPresent() && (!Identifiers.isValid(segment.get())
                || segments.find(scope.brand(), new SegmentId(segment.get())).isEmpty())) {
            problems.put("segment", "Choose one of the brand's segments, or none.");
        }
        SendChannel channel = channels().stream().filter(ch -> ch.name().equals(strip(c.channel()))).findFirst()
                .orElse(null);
        if (channel == null) {
            problems.put("channel", sms.isPresent() ? "Choose e-mail or SMS." : "Only e-mail is configured here.");
        }
        if (!problems.isEmpty()) {
            return new Changed.Invalid(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String by = scope.staff().value();
        if (c.id().isEmpty()) {
            if (sends.list(scope.brand()).size() >= SendsPort.MAX_PER_BRAND) {
                return new Changed.Invalid(Map.of("name", "A brand keeps at most " + SendsPort.MAX_PER_BRAND + " sends."));
            }
            Send created = new Send(scope.brand(), Ids.next(random), name, template, 0, strip(c.list()), segment,
                    channel, Optional.empty(), Optional.empty(), SendStatus.DRAFT, Optional.empty(),
                    SendsPort.DEFAULT_RATE, SendProgress.NONE, Optional.empty(), now, by, 1);
            audit.record(scope, "send.create", target(created), Map.of(), describe(created));
            return sends.create(created) ? new Changed.Done(created, "Draft saved.") : new Changed.Conflict("Try again.");
        }
        Optional<Send> stored = find(scope, c.id().get()).filter(s -> s.version() == c.version());
        if (stored.isEmpty() || !stored.get().status().editable()) {
            return new Changed.Conflict("The send changed since the form was opened, or is no longer a draft.");
        }
        Send was = stored.get();
        Send changed = new Send(was.brand(), was.id(), name, template, 0, strip(c.list()), segment, channel,
                was.sendAt(), was.portalUrl(), was.status(), was.snapshot(), was.rate(), was.progress(), was.error(),
                now, by, was.version() + 1);
        audit.record(scope, "send.edit", target(was), describe(was), describe(changed));
        return sends.update(changed) ? new Changed.Done(changed, "Draft saved.")
                : new Changed.Conflict("Someone changed the send: reload it.");
    }

    /** Queues the send for {@code at} with the template's current version; {@code portalUrl} for its links. */
    public Changed schedule(StaffScope scope, String id, long version, Optional<Instant> at, String portalUrl) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Changed.NotAllowed();
        }
        Optional<Send> stored = find(scope, id).filter(s -> s.version() == version && s.status().editable());
        if (stored.isEmpty()) {
            return new Changed.Conflict("The send changed since the page was opened, or is no longer a draft.");
        }
        Send was = stored.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> problems = new LinkedHashMap<>();
        if (at.isEmpty()) {
            problems.put("sendAt", "Give the date and time to send at.");
        } else if (at.get().isBefore(now.minus(PAST_GRACE))) {
            problems.put("sendAt", "The time is in the past.");
        }
        Optional<EmailTemplate> template = templates.find(scope.brand(), was.template());
        if (template.isEmpty()) {
            problems.put("template", "The template is gone: choose another.");
        }
        checkList(scope, was.list(), problems);
        if (!channels().contains(was.channel())) {
            problems.put("channel", "Only e-mail is configured here.");
        }
        if (was.segment().isPresent() && segments.find(scope.brand(), new SegmentId(was.segment().get())).isEmpty()) {
            problems.put("segment", "The segment is gone: choose another, or none.");
        }
        if (!problems.isEmpty()) {
            return new Changed.Invalid(problems);
        }
        Send queued = was.queued(template.get().version(), at.get().isBefore(now) ? now : at.get(), portalUrl, now,
                scope.staff().value());
        audit.record(scope, "send.schedule", target(was), describe(was), describe(queued));
        if (!sends.update(queued)) {
            return new Changed.Conflict("Someone changed the send: reload it.");
        }
        if (!queued.sendAt().orElseThrow().isAfter(now)) {
            startNow.test(queued);
            return new Changed.Done(queued, "Sending now.");
        }
        return new Changed.Done(queued, "Queued.");
    }

    /** QUEUED → CANCELLED before it starts: nothing is ever sent. Refused once it started. */
    public Changed cancel(StaffScope scope, String id, long version) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Changed.NotAllowed();
        }
        Optional<Send> stored = find(scope, id).filter(s -> s.version() == version && s.status() == SendStatus.QUEUED);
        if (stored.isEmpty()) {
            return new Changed.Conflict("Only a queued send that has not started can be cancelled.");
        }
        Send cancelled = stored.get().next(SendStatus.CANCELLED, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                scope.staff().value());
        audit.record(scope, "send.cancel", target(cancelled), describe(stored.get()), describe(cancelled));
        return sends.update(cancelled) ? new Changed.Done(cancelled, "Cancelled: nothing will be sent.")
                : new Changed.Conflict("The send started (or changed) meanwhile: it was not cancelled.");
    }

    /**
     * Mails the test list's cards (their primary e-mails) the send's template as it is now; on the SMS channel texts
     * their phones ({@code sms-test-<send>-<card>-<send version>}; a card without a usable phone or whose text does not
     * build is left out).
     */
    public Changed test(StaffScope scope, String id, String testListId, String portalUrl) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Changed.NotAllowed();
        }
        Optional<Send> stored = find(scope, id);
        Optional<TestList> testList = Identifiers.isValid(testListId) ? testLists.find(scope.brand(), testListId)
                : Optional.empty();
        Optional<EmailTemplate> template = stored.flatMap(s -> templates.find(scope.brand(), s.template()));
        Optional<PortalConfig> config = portals.load(scope.brand());
        if (stored.isEmpty() || config.isEmpty()) {
            return new Changed.Conflict("There is no such send.");
        }
        if (testList.isEmpty() || template.isEmpty()) {
            return new Changed.Invalid(testList.isEmpty() ? Map.of("testList", "Choose a test list.")
                    : Map.of("template", "The template is gone: choose another."));
        }
        Send send = stored.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        audit.record(scope, "send.test", target(send), Map.of(), Map.of("testList", testList.get().id(),
                "templateVersion", Long.toString(template.get().version())));
        int mailed = 0;
        if (send.channel() == SendChannel.SMS) {
            mailed = textTests(send, config.get(), testList.get());
        }
        for (CardNumber n : send.channel() == SendChannel.EMAIL ? testList.get().cards() : List.<CardNumber>of()) {
            Optional<Card> card = cards.load(scope.brand(), n);
            Optional<String> email = card.flatMap(SendMails::email);
            if (email.isPresent()) {
                outbox.enqueue(mails.test(send, template.get().version(), config.get(), n, email.get(), portalUrl, now));
                mailed++;
            }
        }
        if (send.status() == SendStatus.DRAFT) {
            Send tested = send.next(SendStatus.TESTS, now, scope.staff().value());
            if (sends.update(tested)) {
                send = tested;
            }
        }
        return new Changed.Done(send, "Test sent to " + mailed + " of " + testList.get().cards().size()
                + (send.channel() == SendChannel.SMS ? " test cards (those with a phone written with its country)."
                : " test cards (those with a primary e-mail)."));
    }

    private int textTests(Send send, PortalConfig config, TestList testList) {
        SmsChannel channel = sms.orElseThrow(() -> new IllegalStateException("no SMS queue in this graph"));
        Optional<SendTexts.Texts> texts = channel.texts().of(send.brand(), send.template(), config);
        int texted = 0;
        for (CardNumber n : texts.isPresent() ? testList.cards() : List.<CardNumber>of()) {
            Optional<Card> card = cards.load(send.brand(), n);
            if (card.isPresent() && texts.get().build(send.testMailing(), send.list(), card.get())
                    instanceof TemplateSms.Built.Message m) {
                channel.outbox().enqueue(m.sms().withId(m.sms().id() + "-" + send.version()));
                texted++;
            }
        }
        return texted;
    }

    /** The brand's sending rate (messages per second), taken by each send when it starts. */
    public Changed setRate(StaffScope scope, String perSecond) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Changed.NotAllowed();
        }
        int rate;
        try {
            rate = Integer.parseInt(strip(perSecond));
        } catch (NumberFormatException e) {
            rate = 0;
        }
        if (rate < 1 || rate > Send.MAX_RATE) {
            return new Changed.Invalid(Map.of("rate", "The rate is 1-" + Send.MAX_RATE + " messages per second."));
        }
        audit.record(scope, "send.rate", "sends", Map.of("rate", Integer.toString(sends.rate(scope.brand()))),
                Map.of("rate", Integer.toString(rate)));
        sends.setRate(scope.brand(), rate);
        return new Changed.Done(null, "Rate saved.");
    }

    private void checkList(StaffScope scope, String list, Map<String, String> problems) {
        Optional<SubscriptionList> found = portals.load(scope.brand()).flatMap(p -> p.list(list));
        if (found.isEmpty()) {
            problems.put("list", "Choose one of the brand's lists.");
        } else if (found.get().archived()) {
            problems.put("list", "The list is archived: restore it or choose another.");
        }
    }

    private static String target(Send s) {
        return "send:" + s.id();
    }

    private static Map<String, String> describe(Send s) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("name", s.name());
        d.put("template", s.template());
        d.put("list", s.list());
        d.put("segment", s.segment().orElse(""));
        d.put("channel", s.channel().name());
        d.put("status", s.status().name());
        s.sendAt().ifPresent(t -> d.put("sendAt", t.toString()));
        return d;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
