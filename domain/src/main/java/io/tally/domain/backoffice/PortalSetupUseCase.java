package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The member portal's settings and the brand's customer model in the back office: the theme (WCAG AA contrast is
 * enforced by {@link Theme}), the e-mail lists, the referral rewards, which fixed customer fields the enrollment form
 * asks (and requires), and the brand's own typed fields ({@link DemographicField}) that the portal's enrollment, the
 * merchant API's {@code updateAccount} and the back office all check ({@code portal.CustomerModel}). The portal reads its
 * configuration on every request and {@code updateAccount} reads the model when it has demographics to check, so a
 * change applies to the next request. Reads need {@link Permission#READ_SETUP}, changes {@link Permission#MANAGE_SETUP};
 * changes are audited. The configuration is one item, written whole: two admins saving at the same moment keep the
 * later save.
 */
public final class PortalSetupUseCase {
    static final String NO_PORTAL = "This brand has no member portal yet: provision one with the seed file first.";

    private final PortalConfigPort portals;
    private final LoadProgramsPort programs;
    private final SetupAudit audit;

    public PortalSetupUseCase(PortalConfigPort portals, LoadProgramsPort programs, AuditLogPort log, RandomSource random,
                              Clock clock) {
        this.portals = portals;
        this.programs = programs;
        this.audit = new SetupAudit(log, random, clock);
    }

    /** The settings form: colours as {@code #rrggbb}; lists one a line, {@code id | name | transactional, on}. */
    public record SettingsForm(String displayName, String primary, String onPrimary, String background, String text,
                               boolean welcomeEmail, String lists, String referralValueType, String referralSender,
                               String referralFriend, String referralList) {
    }

    /** How the enrollment form uses a fixed customer field. */
    public enum FieldUse { OFF, OPTIONAL, REQUIRED }

    public Optional<PortalConfig> portal(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? portals.load(scope.brand()) : Optional.empty();
    }

    /** An amount of one of the brand's value types as decimal text in its unit (minor units if the type is gone). */
    public String decimal(StaffScope scope, ValueTypeKey key, long minor) {
        return programs.catalogue(scope.brand()).valueTypes().stream().filter(v -> v.key().equals(key)).findFirst()
                .map(v -> v.format(minor)).orElse(Long.toString(minor));
    }

    public Outcome<PortalConfig> saveSettings(StaffScope scope, SettingsForm f) {
        return change(scope, "setup.portal.settings", "portal:settings", PortalSetupUseCase::settings, before -> {
            String name = f.displayName() == null ? "" : f.displayName().strip();
            if (name.isEmpty() || name.length() > 80) {
                throw new IllegalArgumentException("The display name is 1-80 characters.");
            }
            Theme theme = new Theme(f.primary(), f.onPrimary(), f.background(), f.text());
            // the form no longer posts the lists (they have their own page, which archives instead of deleting)
            List<SubscriptionList> lists = f.lists() == null ? before.subscriptionLists() : lists(f.lists());
            return before.withSettings(name, theme, lists, referral(scope, f), f.welcomeEmail());
        });
    }

    /** Which fixed customer fields the enrollment form asks, and requires (e-mail is always required). */
    public Outcome<PortalConfig> saveFixedFields(StaffScope scope, Map<CustomerField, FieldUse> uses) {
        return change(scope, "setup.portal.customerModel", "portal:customerModel", PortalSetupUseCase::model, before -> {
            List<CustomerField.Spec> fixed = new ArrayList<>();
            for (CustomerField field : CustomerField.values()) {
                FieldUse use = field == CustomerField.EMAIL ? FieldUse.REQUIRED : uses.getOrDefault(field, FieldUse.OFF);
                if (use != FieldUse.OFF) {
                    fixed.add(new CustomerField.Spec(field, use == FieldUse.REQUIRED));
                }
            }
            return before.withCustomerModel(fixed, before.demographics());
        });
    }

    /**
     * Adds a brand field, or replaces the one of that name. {@code choices}: one a line (or comma-separated), for a
     * choice field only. A field made required applies to enrollments from now on; members already enrolled keep theirs.
     */
    public Outcome<PortalConfig> saveBrandField(StaffScope scope, SetupChange change, String name, String label, String type,
                                                boolean required, String choices) {
        return change(scope, "setup.portal.customerModel", "portal:customerModel", PortalSetupUseCase::model, before -> {
            String fieldName = name == null ? "" : name.strip();
            boolean exists = before.demographics().stream().anyMatch(d -> d.name().equals(fieldName));
            String misfit = change.misfit(exists, "a field " + fieldName);
            if (misfit != null) {
                throw new IllegalArgumentException(misfit);
            }
            DemographicField field = new DemographicField(fieldName, label == null ? "" : label,
                    DemographicField.Type.byWireName(type == null ? "" : type.strip().toLowerCase(Locale.ROOT)), required,
                    choices == null || choices.isBlank() ? List.of() : Arrays.stream(choices.split("[,\\n]"))
                            .map(String::strip).filter(c -> !c.isEmpty()).toList());
            List<DemographicField> fields = new ArrayList<>(before.demographics());
            fields.removeIf(d -> d.name().equals(fieldName));
            fields.add(field);
            return before.withCustomerModel(before.customerModel(), fields);
        });
    }

    /**
     * A new subscription list (promotional, opt-in): an id of letters, digits, '-' or '_', fixed once created (sends and
     * members' choices name it), and a name members see. {@code defaultOn}: whether recipients who never chose are on it.
     */
    public Outcome<PortalConfig> createList(StaffScope scope, String id, String name, boolean defaultOn) {
        return change(scope, "setup.lists.create", "list:" + id, PortalSetupUseCase::listValues, before -> {
            String listId = id == null ? "" : id.strip();
            if (!listId.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("The list id is 1-40 letters, digits, '-' or '_'.");
            }
            if (before.list(listId).isPresent()) {
                throw new IllegalArgumentException("There is a list " + listId + " already (archived lists keep their id).");
            }
            List<SubscriptionList> lists = new ArrayList<>(before.subscriptionLists());
            lists.add(new SubscriptionList(listId, strip(name), false, defaultOn));
            return before.withLists(lists);
        });
    }

    /** Renames a list (its id, the members' choices and the sends that name it stay). */
    public Outcome<PortalConfig> renameList(StaffScope scope, String id, String name) {
        return changeList(scope, "setup.lists.rename", id, l -> l.renamed(strip(name)));
    }

    /**
     * Archives a subscription list (hidden from the preferences page, sends to it dropped; members' choices kept) or
     * restores it. The transactional list, and the list referral invitations go to, cannot be archived.
     */
    public Outcome<PortalConfig> archiveList(StaffScope scope, String id, boolean archive) {
        return changeList(scope, archive ? "setup.lists.archive" : "setup.lists.restore", id, l -> l.withArchived(archive));
    }

    private Outcome<PortalConfig> changeList(StaffScope scope, String action, String id,
                                             UnaryOperator<SubscriptionList> edit) {
        return change(scope, action, "list:" + id, PortalSetupUseCase::listValues, before -> {
            if (before.list(id).isEmpty()) {
                throw new IllegalArgumentException("There is no list " + id + ".");
            }
            return before.withLists(before.subscriptionLists().stream().map(l -> l.id().equals(id) ? edit.apply(l) : l)
                    .toList());
        });
    }

    static Map<String, String> listValues(PortalConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        c.subscriptionLists().forEach(l -> m.put("list." + l.id(), l.name() + (l.transactional() ? " transactional" : "")
                + (l.defaultOn() ? " on" : "") + (l.archived() ? " archived" : "")));
        return m;
    }

    public Outcome<PortalConfig> removeBrandField(StaffScope scope, String name) {
        return change(scope, "setup.portal.customerModel", "portal:customerModel", PortalSetupUseCase::model, before -> {
            if (before.demographics().stream().noneMatch(d -> d.name().equals(name))) {
                throw new IllegalArgumentException("There is no field " + name + ".");
            }
            return before.withCustomerModel(before.customerModel(),
                    before.demographics().stream().filter(d -> !d.name().equals(name)).toList());
        });
    }

    private interface Edit {
        PortalConfig apply(PortalConfig before);
    }

    /** Loads the configuration, applies the edit (its IllegalArgumentException is the form's message), audits, saves. */
    private Outcome<PortalConfig> change(StaffScope scope, String action, String target,
                                         Function<PortalConfig, Map<String, String>> values, Edit edit) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return SetupAudit.notAllowed();
        }
        Optional<PortalConfig> before = portals.load(scope.brand());
        if (before.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, NO_PORTAL);
        }
        PortalConfig after;
        try {
            after = edit.apply(before.get());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, sentence(e.getMessage()));
        }
        audit.record(scope, action, target, values.apply(before.get()), values.apply(after));
        portals.save(after);
        return Outcome.accepted(after);
    }

    private static List<SubscriptionList> lists(String text) {
        List<SubscriptionList> lists = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length < 2) {
                throw new IllegalArgumentException("Write each list as: id | name | transactional, on (the flags are optional): " + line.strip());
            }
            String flags = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "";
            lists.add(new SubscriptionList(parts[0].strip(), parts[1].strip(), flags.contains("transactional"),
                    flags.matches(".*\\bon\\b.*")));
        }
        return lists;
    }

    private Optional<ReferralRewards> referral(StaffScope scope, SettingsForm f) {
        if (f.referralValueType() == null || f.referralValueType().isBlank()) {
            return Optional.empty();
        }
        ValueTypeKey key = ValueTypeKey.parseText(f.referralValueType().strip());
        ValueType type = programs.catalogue(scope.brand()).valueTypes().stream().filter(v -> v.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The referral value type is not one of the brand's."));
        long sender = DecimalAmounts.toMinor(strip(f.referralSender()), type.scale())
                .orElseThrow(() -> new IllegalArgumentException("The sender's reward is an amount with at most " + type.scale() + " decimals."));
        long friend = DecimalAmounts.toMinor(strip(f.referralFriend()), type.scale())
                .orElseThrow(() -> new IllegalArgumentException("The friend's reward is an amount with at most " + type.scale() + " decimals."));
        return Optional.of(new ReferralRewards(key, sender, friend, strip(f.referralList())));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String sentence(String message) {
        String m = message == null ? "Check the values." : message;
        return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
    }

    static Map<String, String> settings(PortalConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("displayName", c.displayName());
        m.put("theme", String.join(" ", c.theme().primary(), c.theme().onPrimary(), c.theme().background(), c.theme().text()));
        m.put("welcomeEmail", Boolean.toString(c.welcomeEmail()));
        m.put("lists", String.join("; ", c.subscriptionLists().stream().map(l -> l.id() + " " + l.name()
                + (l.transactional() ? " transactional" : "") + (l.defaultOn() ? " on" : "")).toList()));
        m.put("referral", c.referral().map(r -> r.valueType().asText() + " " + r.senderAmount() + "/" + r.friendAmount()
                + " " + r.invitationList()).orElse("none"));
        return m;
    }

    static Map<String, String> model(PortalConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        c.customerModel().forEach(s -> m.put(s.field().formName(), s.required() ? "required" : "optional"));
        c.demographics().forEach(d -> m.put("bd." + d.name(), d.type().wireName() + (d.required() ? " required" : "")
                + " \"" + d.label() + "\"" + (d.choices().isEmpty() ? "" : " " + String.join("|", d.choices()))));
        return m;
    }
}
