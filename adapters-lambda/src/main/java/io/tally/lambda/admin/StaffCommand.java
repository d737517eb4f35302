package io.tally.lambda.admin;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tally admin staff create|list|disable|enable}: the operator's way to a brand's back office, above all its first
 * admin. Runs the back office's own use case ({@link StaffUseCase}) as {@code operator:cli}, so the audit log names the
 * operator. Exit codes: 0 done, 1 refused, 2 usage.
 */
final class StaffCommand {
    static final String USAGE = """
              staff create --brand B --email E --role ROLE [--group G]... [--name N]
                                                 a staff member (ROLE: admin, manager, service, analyst; a manager names
                                                 1-50 location groups); the temporary password is printed once
              staff list --brand B               the brand's staff: e-mail, role, groups, active or disabled
              staff disable --brand B --email E  the member can no longer sign in (signed-in sessions end at once)
              staff enable --brand B --email E   the member can sign in again""";
    static final String OPERATOR = "cli";

    private final StaffUseCase staff;
    private final PrintStream out;
    private final PrintStream err;

    StaffCommand(StaffUseCase staff, PrintStream out, PrintStream err) {
        this.staff = staff;
        this.out = out;
        this.err = err;
    }

    /** {@code args} starts with "staff". */
    int run(List<String> args) {
        if (args.size() < 2) {
            return usage("staff needs a subcommand");
        }
        Options o;
        try {
            o = Options.parse(args.subList(2, args.size()));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (o.brand.isEmpty() || !Identifiers.isValid(o.brand.get())) {
            return usage("staff " + args.get(1) + " needs --brand");
        }
        StaffScope operator = StaffUseCase.operator(new BrandId(o.brand.get()), OPERATOR);
        return switch (args.get(1)) {
            case "create" -> create(operator, o);
            case "list" -> list(operator);
            case "disable" -> setActive(operator, o, false);
            case "enable" -> setActive(operator, o, true);
            default -> usage("unknown staff subcommand " + args.get(1));
        };
    }

    private int create(StaffScope operator, Options o) {
        if (o.email.isEmpty() || o.role.isEmpty()) {
            return usage("staff create needs --email and --role");
        }
        Role role;
        try {
            role = Role.valueOf(o.role.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return usage("--role is admin, manager, service or analyst, not " + o.role.get());
        }
        Set<LocationGroupId> groups = new LinkedHashSet<>();
        for (String g : o.groups) {
            if (!Identifiers.isValid(g)) {
                return usage("not a location group id: " + g);
            }
            groups.add(new LocationGroupId(g));
        }
        var result = staff.createAsOperator(operator.brand(), OPERATOR,
                new StaffUseCase.CreateCommand(o.email.get(), o.name.orElse(null), role, groups));
        if (result instanceof StaffUseCase.Created created) {
            out.println("Staff member " + created.member().email() + " (" + role.label() + ", brand "
                    + operator.brand() + ") created; temporary password: " + created.temporaryPassword()
                    + "   <- shown once; a new one is chosen at the first sign-in");
            return 0;
        }
        return refused(result);
    }

    private int list(StaffScope operator) {
        List<StaffMember> members = staff.list(operator);
        if (members.isEmpty()) {
            out.println("Brand " + operator.brand() + " has no staff.");
        }
        members.forEach(m -> out.println(m.email() + "\t" + m.role().name().toLowerCase(Locale.ROOT) + "\t"
                + (m.active() ? "active" : "disabled")
                + (m.groups().isEmpty() ? "" : "\tgroups " + String.join(",", m.groups().stream()
                        .map(LocationGroupId::value).sorted().toList()))));
        return 0;
    }

    private int setActive(StaffScope operator, Options o, boolean active) {
        if (o.email.isEmpty()) {
            return usage("staff " + (active ? "enable" : "disable") + " needs --email");
        }
        String email = o.email.get().strip().toLowerCase(Locale.ROOT);
        Optional<StaffMember> member = staff.list(operator).stream().filter(m -> m.email().equals(email)).findFirst();
        if (member.isEmpty()) {
            err.println("tally admin: brand " + operator.brand() + " has no staff member " + email);
            return 1;
        }
        var result = staff.setActive(operator, member.get().id(), active);
        if (result instanceof StaffUseCase.Changed) {
            out.println("Staff member " + email + (active ? " enabled." : " disabled."));
            return 0;
        }
        return refused(result);
    }

    private int refused(StaffUseCase.Result result) {
        err.println("tally admin: " + (result instanceof StaffUseCase.Refused r ? r.message() : result));
        return 1;
    }

    private int usage(String problem) {
        err.println("tally admin: " + problem);
        err.println("usage: tally admin\n" + USAGE);
        return 2;
    }

    /** {@code --brand B --email E --role R --name N --group G...}. */
    private record Options(Optional<String> brand, Optional<String> email, Optional<String> role, Optional<String> name,
                           List<String> groups) {
        static Options parse(List<String> args) {
            Optional<String> brand = Optional.empty();
            Optional<String> email = Optional.empty();
            Optional<String> role = Optional.empty();
            Optional<String> name = Optional.empty();
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < args.size(); i += 2) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(args.get(i) + " needs a value");
                }
                Optional<String> value = Optional.of(args.get(i + 1));
                switch (args.get(i)) {
                    case "--brand" -> brand = value;
                    case "--email" -> email = value;
                    case "--role" -> role = value;
                    case "--name" -> name = value;
                    case "--group" -> groups.add(value.get());
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            return new Options(brand, email, role, name, groups);
        }
    }
}
