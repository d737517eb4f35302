package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.MergeTemplate.Parsed;
import io.tally.domain.communication.TemplatesPort.TemplateSummary;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationsPort;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail templates in the back office: list, edit, preview for a chosen card. Reading needs {@link Permission#READ_SETUP},
 * saving and previewing {@link Permission#MANAGE_SETUP} (a preview shows a card's customer and balances, brand-wide).
 * A save checks every part's merge fields against the brand's ({@link MergeFields}: an unknown field is the form's
 * error, nothing is stored) and stores the HTML sanitised ({@link HtmlSanitizerPort}); a render merges the values
 * (HTML-escaped in the HTML part) and sanitises the result again, so nothing a value or an old template holds runs.
 */
public final class TemplatesUseCase {
    private final TemplatesPort templates;
    private final PortalConfigPort portals;
    private final LoadProgramsPort programs;
    private final CardQueriesUseCase cards;
    private final CardLedgerPort ledger;
    private final LocationsPort locations;
    private final HtmlSanitizerPort sanitizer;
    private final RandomSource random;
    private final Clock clock;

    public TemplatesUseCase(TemplatesPort templates, PortalConfigPort portals, LoadProgramsPort programs,
                            CardQueriesUseCase cards, CardLedgerPort ledger, LocationsPort locations,
                            HtmlSanitizerPort sanitizer, RandomSource random, Clock clock) {
        this.templates = templates;
        this.portals = portals;
        this.programs = programs;
        this.cards = cards;
        this.ledger = ledger;
        this.locations = locations;
        this.sanitizer = sanitizer;
        this.random = random;
        this.clock = clock;
    }

    /** The form as posted; {@code id} empty for a new template, {@code version} the one the form was opened on. */
    public record SaveCommand(Optional<String> id, String name, String subject, String html, String text, long version) {
    }

    public sealed interface Saved {
        record Done(EmailTemplate template) implements Saved {
        }

        /** Field name ({@code name}, {@code subject}, {@code html}, {@code text}) → what is wrong with it. */
        record Invalid(Map<String, String> problems) implements Saved {
        }

        /** Someone saved the template since the form was opened (or it is gone). */
        record Conflict() implements Saved {
        }

        record NotAllowed() implements Saved {
        }
    }

    /** The subject, text and HTML of a template rendered for one card. */
    public record Rendered(String subject, String text, String html) {
    }

    public Optional<MergeFields> fields(StaffScope scope) {
        if (!scope.can(Permission.READ_SETUP)) {
            return Optional.empty();
        }
        List<DemographicField> brandFields = portals.load(scope.brand())
                .map(PortalConfig::demographics).orElse(List.of());
        return Optional.of(MergeFields.of(brandFields, valueTypes(scope).stream().map(ValueType::key).toList()));
    }

    public List<TemplateSummary> list(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? templates.list(scope.brand()) : List.of();
    }

    public Optional<EmailTemplate> find(StaffScope scope, String id) {
        return scope.can(Permission.READ_SETUP) ? templates.find(scope.brand(), id) : Optional.empty();
    }

    public Saved save(StaffScope scope, SaveCommand c) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Saved.NotAllowed();
        }
        MergeFields known = fields(scope).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        String name = strip(c.name());
        if (name.isEmpty() || name.length() > EmailTemplate.MAX_NAME) {
            problems.put("name", "The name is 1-" + EmailTemplate.MAX_NAME + " characters.");
        }
        String subject = strip(c.subject());
        if (subject.isEmpty() || subject.length() > EmailTemplate.MAX_SUBJECT || subject.matches("(?s).*[\\r\\n].*")) {
            problems.put("subject", "The subject is one line of 1-" + EmailTemplate.MAX_SUBJECT + " characters.");
        }
        String html = c.html() == null ? "" : c.html();
        String text = c.text() == null ? "" : c.text();
        check("subject", subject, known, problems);
        check("html", html, known, problems);
        check("text", text, known, problems);
        if (!problems.isEmpty()) {
            return new Saved.Invalid(problems);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String by = scope.staff().value();
        String clean = sanitizeWithFields(html, sanitizer);
        if (c.id().isEmpty()) {
            EmailTemplate created = new EmailTemplate(scope.brand(), Ids.next(random), name, subject, clean, text, now, by, 1);
            if (templates.list(scope.brand()).size() >= TemplatesPort.MAX_PER_BRAND) {
                return new Saved.Invalid(Map.of("name", "A brand keeps at most " + TemplatesPort.MAX_PER_BRAND + " templates."));
            }
            return templates.create(created) ? new Saved.Done(created) : new Saved.Conflict();
        }
        EmailTemplate changed = new EmailTemplate(scope.brand(), c.id().get(), name, subject, clean, text, now, by,
                c.version() + 1);
        return templates.update(changed) ? new Saved.Done(changed) : new Saved.Conflict();
    }

    /** A template rendered with one card's data (its owning location, its newest transaction); the links are stand-ins. */
    public Outcome<Rendered> preview(StaffScope scope, String id, String cardNumber) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Only a brand admin previews templates.");
        }
        Optional<EmailTemplate> template = templates.find(scope.brand(), id);
        Optional<PortalConfig> brand = portals.load(scope.brand());
        if (template.isEmpty() || brand.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "There is no such template.");
        }
        return CardNumber.parse(cardNumber == null ? "" : cardNumber.strip())
                .flatMap(n -> cards.lookup(scope.brand(), n, Optional.empty()))
                .map(view -> render(template.get(), brand.get(), view, scope));
    }

    private Rendered render(EmailTemplate t, PortalConfig brand, CardView view, StaffScope scope) {
        Optional<Location> location = view.card().owningLocation().flatMap(l -> locations.locations(scope.brand()).stream()
                .filter(x -> x.id().equals(l)).findFirst());
        var newest = ledger.head(scope.brand(), view.card().number()).map(LedgerEntry::posting);
        Map<String, String> values = MergeValues.of(brand, view, valueTypes(scope), location, newest,
                Map.of("unsubscribe", "#unsubscribe", "preferences", "#preferences"));
        return render(t, values, sanitizer);
    }

    /** Renders a stored template with a recipient's values: what the preview shows and what a send will send. */
    public static Rendered render(EmailTemplate t, Map<String, String> values, HtmlSanitizerPort sanitizer) {
        return new Rendered(MergeTemplate.oneLine(parsed(t.subject()).render(values, s -> s)),
                parsed(t.text()).render(values, s -> s),
                sanitizer.sanitize(parsed(t.html()).render(values, MergeTemplate::html)));
    }

    /**
     * Sanitises a template's HTML with its merge fields in place: each {@code {{…}}} stands in for the sanitiser as a
     * marker that is a harmless https URL (so {@code <a href="{{link.unsubscribe}}">} keeps its href) and is put back
     * after. A field where no URL or text may stand (a tag or attribute name) goes with what the sanitiser removes.
     */
    public static String sanitizeWithFields(String html, HtmlSanitizerPort sanitizer) {
        Map<String, String> markers = new LinkedHashMap<>();
        StringBuilder marked = new StringBuilder();
        Matcher m = FIELD.matcher(html);
        int at = 0;
        while (m.find()) {
            String marker = "https://merge.invalid/" + markers.size() + "/";
            markers.put(marker, m.group());
            marked.append(html, at, m.start()).append(marker);
            at = m.end();
        }
        marked.append(html.substring(at));
        String clean = sanitizer.sanitize(marked.toString());
        for (Map.Entry<String, String> e : markers.entrySet()) {
            clean = clean.replace(e.getKey(), e.getValue());
        }
        return clean;
    }

    private static final Pattern FIELD = Pattern.compile("\\{\\{[^{}]{0," + MergeTemplate.MAX_FIELD + "}}}");

    private static MergeTemplate parsed(String stored) {
        Parsed p = MergeTemplate.parse(stored);
        if (p instanceof Parsed.Ok ok) {
            return ok.template();
        }
        throw new IllegalStateException("a stored template part does not parse: " + p);
    }

    private List<ValueType> valueTypes(StaffScope scope) {
        return programs.catalogue(scope.brand()).valueTypes();
    }

    private static void check(String field, String text, MergeFields known, Map<String, String> problems) {
        if (problems.containsKey(field)) {
            return;
        }
        Parsed parsed = MergeTemplate.parse(text);
        if (parsed instanceof Parsed.Problems p) {
            problems.put(field, String.join("; ", p.problems()) + ".");
        } else if (parsed instanceof Parsed.Ok ok && !ok.template().unknown(known).isEmpty()) {
            problems.put(field, "Unknown merge field" + (ok.template().unknown(known).size() > 1 ? "s " : " ")
                    + String.join(", ", ok.template().unknown(known).stream().map(f -> "{{" + f + "}}").toList())
                    + ": use the fields listed beside the form.");
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
