package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's places and people in the back office: location groups, locations, terminals and employees (with their
 * passwords). Reads need {@link Permission#READ_SETUP} and show a manager only their groups and the locations, terminals
 * and employees of those groups; changes need {@link Permission#MANAGE_SETUP}, go through the same
 * {@link ProvisioningPort} upserts as the seed file, and are audited. The merchant API keeps what it authenticates with
 * for up to its auth cache's TTL (60 s by default): a renamed or moved location, or a new employee password, reaches
 * every till within that; something new works at once.
 */
public final class BrandSetupUseCase {
    public static final int MAX_NAME = 80;
    public static final int MIN_PASSWORD = 4;
    public static final int MAX_PASSWORD = 64;

    private final ProvisioningPort store;
    private final BrandSetupReadPort reads;
    private final SetupAudit audit;
    private final RandomSource random;

    public BrandSetupUseCase(ProvisioningPort store, BrandSetupReadPort reads, AuditLogPort log, RandomSource random,
                             Clock clock) {
        this.store = store;
        this.reads = reads;
        this.audit = new SetupAudit(log, random, clock);
        this.random = random;
    }

    /** An employee as the back office shows one: never the password hash. */
    public record EmployeeView(LocationId location, EmployeeId id, String name) {
    }

    public List<LocationGroup> groups(StaffScope scope) {
        return !scope.can(Permission.READ_SETUP) ? List.of()
                : reads.locationGroups(scope.brand()).stream().filter(g -> scope.seesGroup(g.id())).toList();
    }

    public List<Location> locations(StaffScope scope) {
        return !scope.can(Permission.READ_SETUP) ? List.of()
                : reads.locations(scope.brand()).stream().filter(l -> scope.sees(l.id())).toList();
    }

    public List<Terminal> terminals(StaffScope scope) {
        return !scope.can(Permission.READ_SETUP) ? List.of()
                : reads.terminals(scope.brand()).stream().filter(t -> scope.sees(t.location())).toList();
    }

    public List<EmployeeView> employees(StaffScope scope) {
        return !scope.can(Permission.READ_SETUP) ? List.of() : reads.employees(scope.brand()).stream()
                .filter(e -> scope.sees(e.location())).map(e -> new EmployeeView(e.location(), e.id(), e.name())).toList();
    }

    public Outcome<LocationGroup> saveGroup(StaffScope scope, SetupChange change, String id, String name) {
        Optional<String> refused = problem(scope, id, "The group id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        LocationGroupId groupId = new LocationGroupId(id.strip());
        Optional<LocationGroup> before = groups(scope).stream().filter(g -> g.id().equals(groupId)).findFirst();
        String misfit = change.misfit(before.isPresent(), "a location group " + groupId);
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        LocationGroup after = new LocationGroup(scope.brand(), groupId, name);
        audit.record(scope, "setup.group." + change.verb(), "group:" + groupId,
                before.map(g -> Map.of("name", g.name())).orElse(Map.of()), Map.of("name", after.name()));
        store.saveLocationGroup(after);
        return Outcome.accepted(after);
    }

    /** Creates or edits a location; an edit keeps the location's coordinates. */
    public Outcome<Location> saveLocation(StaffScope scope, SetupChange change, String id, String group, String name) {
        return saveLocation(scope, change, id, group, name, Optional.empty());
    }

    /**
     * Creates or edits a location with its coordinates as typed (decimal degrees; both blank: none, which clears them
     * on an edit). Out-of-range or half-given coordinates are refused with a sentence.
     */
    public Outcome<Location> saveLocation(StaffScope scope, SetupChange change, String id, String group, String name,
                                          String latitude, String longitude) {
        return GeoPoint.parse("Coordinates", latitude, longitude)
                .flatMap(point -> saveLocation(scope, change, id, group, name, Optional.of(point)));
    }

    /**
     * The brand itself (name, whether employees are required, default coordinates), for staff who may read the setup.
     */
    public Optional<Brand> brand(StaffScope scope) {
        return !scope.can(Permission.READ_SETUP) ? Optional.empty() : reads.brand(scope.brand());
    }

    /**
     * Sets (or, both blank, clears) the brand's default coordinates: where segments' owning-location proximity measures
     * from when a card's owning location has none. A brand-wide setting: managers scoped to groups may not change it.
     */
    public Outcome<Brand> saveDefaultCoordinates(StaffScope scope, String latitude, String longitude) {
        if (!scope.can(Permission.MANAGE_SETUP) || !scope.brandWide()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, SetupAudit.NOT_ALLOWED);
        }
        Optional<Brand> before = reads.brand(scope.brand());
        if (before.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "The brand is not provisioned yet.");
        }
        return GeoPoint.parse("Default coordinates", latitude, longitude).map(point -> {
            Brand after = before.get().withDefaultCoordinates(point);
            audit.record(scope, "setup.brand.edit", "brand:" + scope.brand(), coordinates(before.get().defaultCoordinates()),
                    coordinates(after.defaultCoordinates()));
            store.saveBrand(after);
            return after;
        });
    }

    private Outcome<Location> saveLocation(StaffScope scope, SetupChange change, String id, String group, String name,
                                           Optional<Optional<GeoPoint>> coordinates) {
        Optional<String> refused = problem(scope, id, "The location id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        LocationId locationId = new LocationId(id.strip());
        if (group == null || groups(scope).stream().noneMatch(g -> g.id().value().equals(group))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose one of the brand's location groups.");
        }
        Optional<Location> before = locations(scope).stream().filter(l -> l.id().equals(locationId)).findFirst();
        String misfit = change.misfit(before.isPresent(), "a location " + locationId);
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        Location after = new Location(scope.brand(), locationId, new LocationGroupId(group), name,
                coordinates.orElseGet(() -> before.flatMap(Location::coordinates)));
        audit.record(scope, "setup.location." + change.verb(), "location:" + locationId, before.map(BrandSetupUseCase::values)
                .orElse(Map.of()), values(after));
        store.saveLocation(after);
        return Outcome.accepted(after);
    }

    public Outcome<Terminal> saveTerminal(StaffScope scope, SetupChange change, String location, String id, String name) {
        Optional<String> refused = problem(scope, id, "The terminal id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        Optional<Location> at = locations(scope).stream().filter(l -> l.id().value().equals(location)).findFirst();
        if (at.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose one of the brand's locations.");
        }
        TerminalId terminalId = new TerminalId(id.strip());
        Optional<Terminal> before = terminals(scope).stream()
                .filter(t -> t.location().equals(at.get().id()) && t.id().equals(terminalId)).findFirst();
        String misfit = change.misfit(before.isPresent(), "a terminal " + terminalId + " at " + at.get().name());
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        Terminal after = new Terminal(scope.brand(), at.get().id(), terminalId, name);
        audit.record(scope, "setup.terminal." + change.verb(), "terminal:" + at.get().id() + "/" + terminalId,
                before.map(t -> Map.of("name", t.name())).orElse(Map.of()), Map.of("name", after.name()));
        store.saveTerminal(after);
        return Outcome.accepted(after);
    }

    /**
     * Creates an employee (a password is required) or edits one: a new name, and a new password when one is given (a
     * reset); the password is hashed as the seed file hashes it, and the audit says only that it was set.
     */
    public Outcome<EmployeeView> saveEmployee(StaffScope scope, SetupChange change, String location, String id, String name,
                                              Optional<String> password) {
        Optional<String> refused = problem(scope, id, "The employee id", name);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        Optional<String> newPassword = password.filter(p -> !p.isEmpty());
        if (newPassword.isPresent() && (newPassword.get().length() < MIN_PASSWORD || newPassword.get().length() > MAX_PASSWORD)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A password (PIN) is " + MIN_PASSWORD + "-" + MAX_PASSWORD + " characters.");
        }
        if (change == SetupChange.CREATE && newPassword.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Give the new employee a password (PIN).");
        }
        Optional<Location> at = locations(scope).stream().filter(l -> l.id().value().equals(location)).findFirst();
        if (at.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose one of the brand's locations.");
        }
        EmployeeId employeeId = new EmployeeId(id.strip());
        Optional<Employee> before = store.employee(scope.brand(), at.get().id(), employeeId);
        String misfit = change.misfit(before.isPresent(), "an employee " + employeeId + " at " + at.get().name());
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        String hash = newPassword.map(p -> SecretHasher.hashPin(p, salt())).orElseGet(() -> before.get().passwordHash());
        Employee after = new Employee(scope.brand(), at.get().id(), employeeId, name, hash);
        Map<String, String> afterValues = new LinkedHashMap<>(Map.of("name", after.name()));
        newPassword.ifPresent(p -> afterValues.put("password", before.isPresent() ? "reset" : "set"));
        audit.record(scope, "setup.employee." + change.verb(), "employee:" + at.get().id() + "/" + employeeId,
                before.map(e -> Map.of("name", e.name())).orElse(Map.of()), afterValues);
        store.saveEmployee(after);
        return Outcome.accepted(new EmployeeView(after.location(), after.id(), after.name()));
    }

    private static Map<String, String> values(Location l) {
        Map<String, String> v = new LinkedHashMap<>(Map.of("group", l.group().value(), "name", l.name()));
        v.putAll(coordinates(l.coordinates()));
        return v;
    }

    private static Map<String, String> coordinates(Optional<GeoPoint> point) {
        return point.map(p -> Map.of("coordinates", p.latitude() + "," + p.longitude())).orElse(Map.of());
    }

    private byte[] salt() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    /** Why a change of an item with this id and name is refused: the staff member's role, the id or the name. */
    static Optional<String> problem(StaffScope scope, String id, String what, String name) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return Optional.of(SetupAudit.NOT_ALLOWED);
        }
        if (id == null || !Identifiers.isValid(id.strip())) {
            return Optional.of(what + " is 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.");
        }
        if (name != null && name.strip().length() > MAX_NAME) {
            return Optional.of("A name is at most " + MAX_NAME + " characters.");
        }
        return Optional.empty();
    }
}
