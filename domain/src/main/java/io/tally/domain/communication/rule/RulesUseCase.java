package io.tally.domain.communication.rule;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules in the back office: list, create, edit, pause and resume. Reading needs {@link Permission#READ_SETUP}, changing
 * {@link Permission#MANAGE_SETUP}. A save checks the form (the template is one of the brand's, the list one in use, the
 * delay 0 to 90 days, a threshold a number in the value type's decimal form) and answers its problems by field, storing
 * nothing; every change is audited ({@code rule.create}, {@code rule.edit}, {@code rule.pause}, {@code rule.resume})
 * just before its write.
 */
public final class RulesUseCase {
    public static final String CREATE = "rule.create";
    public static final String EDIT = "rule.edit";
    public static final String PAUSE = "rule.pause";
    public static final String RESUME = "rule.resume";
    /** The trigger kinds of the form, in the order it offers them. */
    public static final List<String> KINDS = List.of("enrollment", "birthday", "anniversary", "checkout", "event",
            "balance", "lapsed");
    /** The delay units of the form. */
    public static final List<String> UNITS = List.of("minutes", "hours", "days");

    private final RulesPort rules;
    private final TemplatesPort templates;
    private final PortalConfigPort portals;
    private final LoadProgramsPort programs;
    private final SetupAudit audit;
    private final RandomSource random;
    private final Clock clock;

    public RulesUseCase(RulesPort rules, TemplatesPort templates, PortalConfigPort portals, LoadProgramsPort programs,
                        SetupAudit audit, RandomSource random, Clock clock) {
        this.rules = rules;
        this.templates = templates;
        this.portals = portals;
        this.programs = programs;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    /**
     * The form as posted. {@code kind} one of {@link #KINDS}; {@code minimum} (checkout, optional, a decimal of the
     * checkout currency), {@code category} (event), {@code valueType} and {@code threshold} (balance), {@code days}
     * (lapsed) as the kind needs; {@code delay} a whole number of {@code unit}s.
     */
    public record SaveCommand(Optional<String> id, String name, String kind, String minimum, String category,
                              String valueType, String threshold, String days, String template, String list,
                              String delay, String unit, long version) {
    }

    public sealed interface Saved {
        record Done(Rule rule) implements Saved {
        }

        /** Field name → what is wrong with it. */
        record Invalid(Map<String, String> problems) implements Saved {
        }

        /** Someone saved the rule since the form was opened (or it is gone). */
        record Conflict() implements Saved {
        }

        record NotAllowed() implements Saved {
        }
    }

    public List<Rule> list(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? rules.list(scope.brand()) : List.of();
    }

    public Optional<Rule> find(StaffScope scope, String id) {
        return scope.can(Permission.READ_SETUP) ? rules.find(scope.brand(), id) : Optional.empty();
    }

    public Saved save(StaffScope scope, SaveCommand c) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Saved.NotAllowed();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String name = strip(c.name());
        if (name.isEmpty() || name.length() > Rule.MAX_NAME) {
            problems.put("name", "The name is 1-" + Rule.MAX_NAME + " characters.");
        }
        Optional<Trigger> trigger = trigger(scope, c, problems);
        String template = strip(c.template());
        if (template.isEmpty() || templates.find(scope.brand(), template).isEmpty()) {
            problems.put("template", "Choose one of the brand's templates.");
        }
        String list = strip(c.list());
        Optional<SubscriptionList> chosen = portals.load(scope.brand()).flatMap(p -> p.list(list));
        if (chosen.isEmpty() || chosen.get().archived()) {
            problems.put("list", "Choose a list in use (an archived list sends nothing).");
        }
        Optional<Duration> delay = delay(c.delay(), c.unit());
        if (delay.isEmpty()) {
            problems.put("delay", "The delay is a whole number of minutes, hours or days, 0 to "
                    + Rule.MAX_DELAY.toDays() + " days.");
        }
        if (!problems.isEmpty()) {
            return new Saved.Invalid(problems);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String by = scope.staff().value();
        if (c.id().isEmpty()) {
            if (rules.list(scope.brand()).size() >= RulesPort.MAX_PER_BRAND) {
                return new Saved.Invalid(Map.of("name", "A brand keeps at most " + RulesPort.MAX_PER_BRAND + " rules."));
            }
            Rule created = new Rule(scope.brand(), id(), name, trigger.get(), template, list, delay.get(), true, now, by, 1);
            audit.record(scope, CREATE, created.id(), Map.of(), values(created));
            return rules.create(created) ? new Saved.Done(created) : new Saved.Conflict();
        }
        Optional<Rule> before = rules.find(scope.brand(), c.id().get()).filter(r -> r.version() == c.version());
        if (before.isEmpty()) {
            return new Saved.Conflict();
        }
        Rule changed = new Rule(scope.brand(), before.get().id(), name, trigger.get(), template, list, delay.get(),
                before.get().active(), now, by, c.version() + 1);
        audit.record(scope, EDIT, changed.id(), values(before.get()), values(changed));
        return rules.update(changed) ? new Saved.Done(changed) : new Saved.Conflict();
    }

    /** Pauses ({@code pause} true) or resumes a rule over the version read; already so: done, nothing written. */
    public Saved pause(StaffScope scope, String id, boolean pause, long version) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Saved.NotAllowed();
        }
        Optional<Rule> before = rules.find(scope.brand(), id).filter(r -> r.version() == version);
        if (before.isEmpty()) {
            return new Saved.Conflict();
        }
        if (before.get().active() != pause) {
            return new Saved.Done(before.get());
        }
        Rule changed = before.get().paused(pause, clock.instant().truncatedTo(ChronoUnit.MILLIS), scope.staff().value());
        audit.record(scope, pause ? PAUSE : RESUME, id, values(before.get()), values(changed));
        return rules.update(changed) ? new Saved.Done(changed) : new Saved.Conflict();
    }

    private Optional<Trigger> trigger(StaffScope scope, SaveCommand c, Map<String, String> problems) {
        String kind = strip(c.kind());
        try {
            switch (kind) {
                case "enrollment":
                    return Optional.of(new Trigger.Enrollment());
                case "birthday":
                    return Optional.of(new Trigger.Birthday());
                case "anniversary":
                    return Optional.of(new Trigger.Anniversary());
                case "checkout":
                    return minimum(c.minimum(), problems).map(Trigger.Checkout::new);
                case "event":
                    return Optional.of(new Trigger.Event(strip(c.category())));
                case "balance":
                    return balance(scope, c, problems);
                case "lapsed":
                    return Optional.of(new Trigger.Lapsed(Integer.parseInt(strip(c.days()))));
                default:
                    problems.put("kind", "Choose what triggers the rule.");
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            String field = kind.equals("event") ? "category" : "days";
            problems.put(field, kind.equals("event") ? "Name the event category."
                    : "Days without a visit are a whole number, 1-" + Trigger.MAX_LAPSE_DAYS + ".");
            return Optional.empty();
        }
    }

    /** An optional checkout minimum, a decimal in ten-thousandths (the checkout currency's statistics' unit). */
    private static Optional<Optional<Long>> minimum(String text, Map<String, String> problems) {
        String m = strip(text);
        if (m.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<Long> minor = DecimalAmounts.toMinor(m, 4).filter(v -> v >= 0);
        if (minor.isEmpty()) {
            problems.put("minimum", "The minimum is an amount such as 25.00, or empty for any checkout.");
            return Optional.empty();
        }
        return Optional.of(minor);
    }

    private Optional<Trigger> balance(StaffScope scope, SaveCommand c, Map<String, String> problems) {
        Optional<ValueType> type = programs.catalogue(scope.brand()).valueTypes().stream()
                .filter(v -> v.key().asText().equalsIgnoreCase(strip(c.valueType()))).findFirst();
        if (type.isEmpty()) {
            problems.put("valueType", "Choose one of the brand's value types (balanceType[:balanceCode]).");
            return Optional.empty();
        }
        Optional<Long> threshold = DecimalAmounts.toMinor(strip(c.threshold()), type.get().scale()).filter(v -> v > 0);
        if (threshold.isEmpty()) {
            problems.put("threshold", "The threshold is a positive number with at most " + type.get().scale()
                    + " decimals, as " + type.get().key().asText() + " is counted.");
            return Optional.empty();
        }
        return Optional.of(new Trigger.Balance(type.get().key(), threshold.get()));
    }

    /** A whole number of minutes, hours or days within 0 to {@link Rule#MAX_DELAY}. */
    static Optional<Duration> delay(String amount, String unit) {
        long n;
        try {
            n = Long.parseLong(strip(amount).isEmpty() ? "0" : strip(amount));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n < 0 || n > Rule.MAX_DELAY.toMinutes()) {
            return Optional.empty();
        }
        Duration d = switch (strip(unit)) {
            case "minutes", "" -> Duration.ofMinutes(n);
            case "hours" -> Duration.ofHours(n);
            case "days" -> Duration.ofDays(n);
            default -> null;
        };
        return d == null || d.compareTo(Rule.MAX_DELAY) > 0 ? Optional.empty() : Optional.of(d);
    }

    /** What the audit log shows of a rule. */
    static Map<String, String> values(Rule r) {
        return Map.of("name", r.name(), "trigger", r.trigger().text(), "template", r.template(), "list", r.list(),
                "delayMinutes", Long.toString(r.delay().toMinutes()), "active", Boolean.toString(r.active()));
    }

    private String id() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The lists a rule may name (in use), for the form. */
    public List<SubscriptionList> lists(StaffScope scope) {
        return portals.load(scope.brand()).map(PortalConfig::subscriptionLists).orElse(List.of()).stream()
                .filter(l -> !l.archived()).toList();
    }

    /** The decimal places of one of the brand's value types (a threshold's decimal form). */
    public Optional<Integer> scale(StaffScope scope, ValueTypeKey key) {
        return programs.catalogue(scope.brand()).valueTypes().stream().filter(v -> v.key().equals(key))
                .map(ValueType::scale).findFirst();
    }

    /** The value types a balance rule may name, as text. */
    public List<String> valueTypes(StaffScope scope) {
        return programs.catalogue(scope.brand()).valueTypes().stream().map(ValueType::key).map(ValueTypeKey::asText)
                .distinct().toList();
    }
}
