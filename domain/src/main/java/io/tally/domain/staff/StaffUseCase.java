package io.tally.domain.staff;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.staff.StaffIdentityPort.NewUser;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationsPort;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Managing a brand's staff (brand admins only: {@link Permission#MANAGE_SETUP}): create a member (a user in the identity
 * service with a temporary password, then the staff item), list, disable and enable, change role and groups. Every
 * change is recorded in the audit log. Each change is retry-safe: creating again after a crash between the user and
 * the item finishes the job with a fresh temporary password; disabling writes the item first (it takes effect at the
 * member's next request) and then the identity service, and running it again repeats only what is missing. A member
 * of another brand, or none, answers {@link Problem#NOT_FOUND} alike.
 */
public final class StaffUseCase {
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final StaffPort staff;
    private final StaffIdentityPort identity;
    private final LocationsPort locations;
    private final AuditLogPort audit;
    private final RandomSource random;
    private final Clock clock;

    public StaffUseCase(StaffPort staff, StaffIdentityPort identity, LocationsPort locations, AuditLogPort audit,
                        RandomSource random, Clock clock) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public enum Problem {
        NOT_FOUND, INVALID, EXISTS, CONFLICT, SELF
    }

    public sealed interface Result {
    }

    /** Created: the member and the temporary password to hand over (shown once, stored nowhere by us). */
    public record Created(StaffMember member, String temporaryPassword) implements Result {
        @Override
        public String toString() {
            return "Created[" + member + "]";
        }
    }

    public record Changed(StaffMember member) implements Result {
    }

    /** Refused with a message for the form; nothing was changed. */
    public record Refused(Problem problem, String message) implements Result {
    }

    public record CreateCommand(String email, String name, Role role, Set<LocationGroupId> groups) {
    }

    public Result create(StaffScope by, CreateCommand command) {
        if (!by.can(Permission.MANAGE_SETUP)) {
            return notFound();
        }
        return create(by.brand(), by.staff(), by.email(), command);
    }

    /**
     * The operator's way in (the command line, {@code ./tally up}): creates a member, typically a brand's first admin,
     * with no staff member acting; the audit log names the operator.
     */
    public Result createAsOperator(BrandId brand, String operator, CreateCommand command) {
        return create(operator(brand, operator), command);
    }

    /**
     * The operator's scope over a brand's staff (the command line: list, disable, enable): a brand admin's
     * permissions, named {@code operator:<name>} in the audit log.
     */
    public static StaffScope operator(BrandId brand, String operator) {
        return new StaffScope(brand, new StaffId("operator:" + operator), "operator " + operator, Role.ADMIN, Set.of(),
                Optional.empty());
    }

    private Result create(BrandId brand, StaffId actor, String actorEmail, CreateCommand command) {
        String email;
        try {
            email = StaffMember.normalizeEmail(command.email());
        } catch (IllegalArgumentException | NullPointerException bad) {
            return new Refused(Problem.INVALID, "Enter the staff member's e-mail address.");
        }
        Optional<Refused> badScope = checkGroups(brand, command.role(), command.groups());
        if (badScope.isPresent()) {
            return badScope.get();
        }
        String temporary = temporaryPassword();
        NewUser user = identity.createUser(email, temporary);
        if (staff.find(user.id()).isPresent()) {
            return new Refused(Problem.EXISTS, "Someone with that e-mail is a staff member already.");
        }
        if (user.existed()) {
            identity.setTemporaryPassword(email, temporary);
        }
        StaffMember member = new StaffMember(brand, user.id(), email, command.name(), command.role(),
                command.groups(), true, clock.instant(), 1);
        if (!staff.create(member)) {
            return new Refused(Problem.EXISTS, "Someone with that e-mail is a staff member already.");
        }
        record(brand, actor, actorEmail, "staff.create", member, Map.of(), fields(member));
        return new Created(member, temporary);
    }

    public List<StaffMember> list(StaffScope by) {
        return by.can(Permission.MANAGE_SETUP) ? staff.list(by.brand()) : List.of();
    }

    public Optional<StaffMember> find(StaffScope by, StaffId id) {
        return by.can(Permission.MANAGE_SETUP) ? staff.find(id).filter(m -> m.brand().equals(by.brand())) : Optional.empty();
    }

    /** Disables or enables a member; nobody disables themselves (a brand would lose its last admin that way). */
    public Result setActive(StaffScope by, StaffId id, boolean active) {
        Optional<StaffMember> found = find(by, id);
        if (found.isEmpty()) {
            return notFound();
        }
        StaffMember m = found.get();
        if (m.id().equals(by.staff()) && !active) {
            return new Refused(Problem.SELF, "You cannot disable yourself.");
        }
        if (active) {
            identity.enable(m.email());
        }
        StaffMember next = m;
        if (m.active() != active) {
            next = m.withActive(active);
            if (!staff.update(next)) {
                return conflict();
            }
            record(by, active ? "staff.enable" : "staff.disable", next, Map.of("active", Boolean.toString(m.active())),
                    Map.of("active", Boolean.toString(active)));
        }
        if (!active) {
            identity.disable(m.email());
        }
        return new Changed(next);
    }

    /** Changes the role (and a manager's groups); {@code version} is the one the form showed. */
    public Result change(StaffScope by, StaffId id, long version, Role role, Set<LocationGroupId> groups) {
        Optional<StaffMember> found = find(by, id);
        if (found.isEmpty()) {
            return notFound();
        }
        StaffMember m = found.get();
        if (m.version() != version) {
            return conflict();
        }
        if (m.id().equals(by.staff()) && role != m.role()) {
            return new Refused(Problem.SELF, "You cannot change your own role.");
        }
        Optional<Refused> bad = checkGroups(by.brand(), role, groups);
        if (bad.isPresent()) {
            return bad.get();
        }
        StaffMember next = m.withRole(role, role.scoped() ? groups : Set.of());
        if (!staff.update(next)) {
            return conflict();
        }
        record(by, "staff.change", next, fields(m), fields(next));
        return new Changed(next);
    }

    private Optional<Refused> checkGroups(BrandId brand, Role role, Set<LocationGroupId> groups) {
        if (role == null) {
            return Optional.of(new Refused(Problem.INVALID, "Choose a role."));
        }
        if (!role.scoped()) {
            return Optional.empty();
        }
        if (groups.isEmpty() || groups.size() > StaffMember.MAX_GROUPS) {
            return Optional.of(new Refused(Problem.INVALID, "A location group manager needs 1 to "
                    + StaffMember.MAX_GROUPS + " location groups."));
        }
        Set<LocationGroupId> known = locations.groups(brand).stream().map(LocationGroup::id).collect(Collectors.toSet());
        return known.containsAll(groups) ? Optional.empty()
                : Optional.of(new Refused(Problem.INVALID, "Choose location groups of this brand."));
    }

    private void record(StaffScope by, String action, StaffMember target, Map<String, String> before,
                        Map<String, String> after) {
        record(by.brand(), by.staff(), by.email(), action, target, before, after);
    }

    private void record(BrandId brand, StaffId actor, String actorEmail, String action, StaffMember target,
                        Map<String, String> before, Map<String, String> after) {
        audit.record(new AuditRecord(brand, action + ":" + target.id().value() + ":v" + target.version(),
                clock.instant(), actor, actorEmail, action, "staff:" + target.id().value(), Optional.empty(),
                before, after));
    }

    private static Map<String, String> fields(StaffMember m) {
        return Map.of("email", m.email(), "name", m.name(), "role", m.role().name(),
                "groups", m.groups().stream().map(LocationGroupId::value).sorted().collect(Collectors.joining(",")),
                "active", Boolean.toString(m.active()));
    }

    /** 16 characters from 56 (no look-alikes) plus a fixed "#9aA" tail, so every pool policy's classes are present. */
    private String temporaryPassword() {
        StringBuilder p = new StringBuilder(20);
        for (int i = 0; i < 16; i++) {
            p.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return p.append("#9aA").toString();
    }

    private static Refused notFound() {
        return new Refused(Problem.NOT_FOUND, "There is no such staff member.");
    }

    private static Refused conflict() {
        return new Refused(Problem.CONFLICT, "Someone else changed this staff member meanwhile. Look again and retry.");
    }
}
