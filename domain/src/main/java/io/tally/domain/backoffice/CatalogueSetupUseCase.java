package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.LoadProgramsPort.Catalogue;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's catalogue in the back office: programs, their value types (limits editable; a value type's scale is
 * fixed once it exists, since stored amounts are minor units of it) and card sets (name editable; number prefix and
 * length fixed once cards exist in them). Reads need {@link Permission#READ_SETUP}, changes
 * {@link Permission#MANAGE_SETUP}; changes are audited and go through {@link ProvisioningPort}. The merchant API reads
 * the catalogue through a per-container cache of {@code TALLY_CATALOGUE_TTL_SECONDS} (10 s by default), so a new limit
 * applies to every call within that.
 */
public final class CatalogueSetupUseCase {
    private final ProvisioningPort store;
    private final LoadProgramsPort programs;
    private final BrandSetupReadPort reads;
    private final SetupAudit audit;

    public CatalogueSetupUseCase(ProvisioningPort store, LoadProgramsPort programs, BrandSetupReadPort reads,
                                 AuditLogPort log, RandomSource random, Clock clock) {
        this.store = store;
        this.programs = programs;
        this.reads = reads;
        this.audit = new SetupAudit(log, random, clock);
    }

    /** A value type's limits as typed: decimals in the value type's unit, blank for "no limit". */
    public record LimitsForm(String maxBalance, String minIssue, String maxIssue, String minRedeem, String maxRedeem) {
    }

    public Catalogue catalogue(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? programs.catalogue(scope.brand()) : new Catalogue(List.of(), List.of());
    }

    public List<CardSet> cardSets(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? reads.cardSets(scope.brand()) : List.of();
    }

    public Outcome<Program> saveProgram(StaffScope scope, SetupChange change, String id, String name, String kind) {
        Optional<String> refused = BrandSetupUseCase.problem(scope, id, "The program id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        Optional<ProgramKind> programKind = kind(kind);
        if (programKind.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose the program's kind: gift, loyalty or reward.");
        }
        ProgramId programId = new ProgramId(id.strip());
        Optional<Program> before = program(scope, programId);
        String misfit = change.misfit(before.isPresent(), "a program " + programId);
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        Program after = new Program(scope.brand(), programId, name, programKind.get());
        audit.record(scope, "setup.program." + change.verb(), "program:" + programId,
                before.map(CatalogueSetupUseCase::values).orElse(Map.of()), values(after));
        store.saveProgram(after);
        return Outcome.accepted(after);
    }

    /** Creates a value type of a program (with its scale) or edits its limits. */
    public Outcome<ValueType> saveValueType(StaffScope scope, SetupChange change, String program, String key,
                                            Optional<Integer> scale, LimitsForm limits) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return SetupAudit.notAllowed();
        }
        Optional<Program> owner = program == null ? Optional.empty() : program(scope, new ProgramId(program));
        if (owner.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose one of the brand's programs.");
        }
        ValueTypeKey valueTypeKey;
        try {
            valueTypeKey = ValueTypeKey.parseText(key == null ? "" : key.strip());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A value type is Currency:USD (an ISO code), Points, Punches or Custom:NAME.");
        }
        Optional<ValueType> before = catalogue(scope).valueTypes().stream()
                .filter(v -> v.program().equals(owner.get().id()) && v.key().equals(valueTypeKey)).findFirst();
        String misfit = change.misfit(before.isPresent(), "a value type " + valueTypeKey.asText() + " in " + owner.get().name());
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        int decimals = before.map(ValueType::scale).orElse(scale.orElse(valueTypeKey.defaultScale()));
        if (decimals < 0 || decimals > 6) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A value type has 0 to 6 decimals.");
        }
        Outcome<ValueTypeLimits> parsed = limits(limits, decimals);
        if (!parsed.isAccepted()) {
            return parsed.map(l -> null);
        }
        ValueType after = new ValueType(scope.brand(), owner.get().id(), valueTypeKey, decimals, parsed.value());
        audit.record(scope, "setup.valueType." + change.verb(), "valueType:" + owner.get().id() + "/" + valueTypeKey.asText(),
                before.map(CatalogueSetupUseCase::values).orElse(Map.of()), values(after));
        store.saveValueType(after);
        return Outcome.accepted(after);
    }

    /** Creates a card set of a program or renames one (its number prefix and length stay). */
    public Outcome<CardSet> saveCardSet(StaffScope scope, SetupChange change, String id, String program, String name,
                                        String prefix, int length) {
        Optional<String> refused = BrandSetupUseCase.problem(scope, id, "The card set id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        CardSetId setId = new CardSetId(id.strip());
        Optional<CardSet> before = cardSets(scope).stream().filter(c -> c.id().equals(setId)).findFirst();
        String misfit = change.misfit(before.isPresent(), "a card set " + setId);
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        Optional<Program> owner = before.map(CardSet::program).or(() -> Optional.ofNullable(program).map(ProgramId::new))
                .flatMap(p -> program(scope, p));
        if (owner.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose one of the brand's programs.");
        }
        CardSet after;
        try {
            after = before.map(b -> new CardSet(b.brand(), b.id(), b.program(), name, b.cardNumberPrefix(), b.cardNumberLength()))
                    .orElseGet(() -> new CardSet(scope.brand(), setId, owner.get().id(), name, prefix, length));
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Card numbers: " + e.getMessage() + ".");
        }
        audit.record(scope, "setup.cardSet." + change.verb(), "cardSet:" + setId,
                before.map(CatalogueSetupUseCase::values).orElse(Map.of()), values(after));
        store.saveCardSet(after);
        return Outcome.accepted(after);
    }

    private Optional<Program> program(StaffScope scope, ProgramId id) {
        return catalogue(scope).programs().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static Optional<ProgramKind> kind(String text) {
        try {
            return Optional.of(ProgramKind.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Outcome<ValueTypeLimits> limits(LimitsForm f, int scale) {
        List<String> names = List.of("maximum balance", "minimum issuance", "maximum issuance", "minimum redemption",
                "maximum redemption");
        List<String> texts = List.of(text(f.maxBalance()), text(f.minIssue()), text(f.maxIssue()), text(f.minRedeem()),
                text(f.maxRedeem()));
        long[] minor = new long[5];
        for (int i = 0; i < 5; i++) {
            Optional<Long> amount = texts.get(i).isEmpty() ? Optional.of(0L) : DecimalAmounts.toMinor(texts.get(i), scale);
            if (amount.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "The " + names.get(i) + " is an amount with at most "
                        + scale + " decimals, or blank for no limit.");
            }
            minor[i] = amount.get();
        }
        try {
            return Outcome.accepted(new ValueTypeLimits(minor[0], minor[1], minor[2], minor[3], minor[4]));
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "The " + e.getMessage() + ".");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static Map<String, String> values(Program p) {
        return Map.of("name", p.name(), "kind", p.kind().name());
    }

    private static Map<String, String> values(ValueType v) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scale", Integer.toString(v.scale()));
        ValueTypeLimits l = v.limits();
        m.put("maxBalance", v.format(l.maxBalance()));
        m.put("minIssue", v.format(l.minIssue()));
        m.put("maxIssue", v.format(l.maxIssue()));
        m.put("minRedeem", v.format(l.minRedeem()));
        m.put("maxRedeem", v.format(l.maxRedeem()));
        return m;
    }

    private static Map<String, String> values(CardSet c) {
        return Map.of("program", c.program().value(), "name", c.name(), "prefix", c.cardNumberPrefix(),
                "length", Integer.toString(c.cardNumberLength()));
    }
}
