package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.domain.staff.StaffIdentityPort.NewPasswordRequired;
import io.tally.domain.staff.StaffIdentityPort.SignedIn;
import io.tally.domain.tenant.BrandId;
import io.tally.lambda.admin.TallyAdmin;
import io.tally.local.portal.PortalTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tally admin staff} against a running local stack, configured only from the {@code .tally/local.env} that
 * {@code ./tally up} writes: create a brand's first admin (who then signs in with the temporary password), a manager
 * of a location group, list, disable and enable.
 */
class StaffAdminIT {
    private static LocalTally tally;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        tally = PortalTestSupport.start("staff-admin-it");
        Path file = Path.of("target", "staff-admin-it", "local.env");
        TallyLocal.writeEnvironment(file, tally.endpoints());
        env = read(file);
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run admin(Map<String, String> environment, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = TallyAdmin.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run admin(String... args) {
        return admin(env, args);
    }

    @Test
    void local_env_carries_the_staff_pool_its_client_and_cognito_local() {
        assertEquals(tally.endpoints().staffPool().poolId(), env.get(OfficeSettings.USER_POOL_ID));
        assertEquals(tally.endpoints().staffPool().clientId(), env.get(OfficeSettings.CLIENT_ID));
        assertEquals(tally.endpoints().cognitoEndpoint().toString(), env.get(OfficeSettings.COGNITO_ENDPOINT));
    }

    @Test
    void the_first_admin_is_created_signs_in_with_the_password_printed_once_and_can_be_disabled_and_enabled() {
        Run created = admin("staff", "create", "--brand", "DEMO", "--email", "First.Admin@Demo.example", "--role", "admin",
                "--name", "First admin");
        assertEquals(0, created.exit(), created.err());
        Matcher m = Pattern.compile("temporary password: (\\S+)").matcher(created.out());
        assertTrue(m.find(), created.out());
        assertInstanceOf(NewPasswordRequired.class,
                tally.office().identity().signIn("first.admin@demo.example", m.group(1)));
        assertEquals(1, admin("staff", "create", "--brand", "DEMO", "--email", "first.admin@demo.example",
                "--role", "service").exit(), "someone already on the staff is not created twice");

        assertTrue(admin("staff", "list", "--brand", "DEMO").out().contains("first.admin@demo.example\tadmin\tactive"));
        assertFalse(admin("staff", "list", "--brand", "DEMO").out().contains(m.group(1)), "passwords are never listed");

        assertEquals(0, admin("staff", "disable", "--brand", "DEMO", "--email", "first.admin@demo.example").exit());
        assertTrue(admin("staff", "list", "--brand", "DEMO").out().contains("first.admin@demo.example\tadmin\tdisabled"));
        var stored = tally.office().staffStore().list(new BrandId("DEMO")).stream()
                .filter(s -> s.email().equals("first.admin@demo.example")).findFirst().orElseThrow();
        assertFalse(stored.active(), "the staff item says so: the back office refuses the member at the next request");
        assertEquals(0, admin("staff", "enable", "--brand", "DEMO", "--email", "first.admin@demo.example").exit());
        assertTrue(admin("staff", "list", "--brand", "DEMO").out().contains("first.admin@demo.example\tadmin\tactive"));
        assertEquals(1, admin("staff", "disable", "--brand", "OTHER", "--email", "first.admin@demo.example").exit(),
                "another brand's staff are not found");
    }

    @Test
    void a_manager_names_location_groups_of_the_brand() {
        assertEquals(1, admin("staff", "create", "--brand", "DEMO", "--email", "nogroup@demo.example",
                "--role", "manager").exit(), "a manager without a group is refused");
        assertEquals(1, admin("staff", "create", "--brand", "DEMO", "--email", "nogroup@demo.example",
                "--role", "manager", "--group", "NOSUCH").exit(), "a group the brand does not have is refused");
        Run created = admin("staff", "create", "--brand", "DEMO", "--email", "stores@demo.example", "--role", "MANAGER",
                "--group", "STORES", "--group", "ONLINE");
        assertEquals(0, created.exit(), created.err());
        assertTrue(admin("staff", "list", "--brand", "DEMO").out()
                .contains("stores@demo.example\tmanager\tactive\tgroups ONLINE,STORES"));
    }

    @Test
    void usage_and_configuration_mistakes_exit_with_2() {
        assertEquals(2, admin("staff", "create", "--brand", "DEMO", "--email", "x@demo.example").exit(), "no role");
        assertEquals(2, admin("staff", "create", "--brand", "DEMO", "--email", "x@demo.example", "--role", "boss").exit());
        assertEquals(2, admin("staff", "list").exit(), "no brand");
        assertEquals(2, admin("staff", "list", "--brand").exit(), "an option without its value");
        Map<String, String> noPool = new HashMap<>(env);
        noPool.remove(OfficeSettings.USER_POOL_ID);
        Run unconfigured = admin(noPool, "staff", "list", "--brand", "DEMO");
        assertEquals(2, unconfigured.exit());
        assertTrue(unconfigured.err().contains(OfficeSettings.USER_POOL_ID), unconfigured.err());
    }

    @Test
    void a_signed_in_admin_created_by_the_operator_is_a_real_identity() {
        Run created = admin("staff", "create", "--brand", "DEMO", "--email", "real@demo.example", "--role", "analyst");
        Matcher m = Pattern.compile("temporary password: (\\S+)").matcher(created.out());
        assertTrue(m.find(), created.out());
        var challenge = (NewPasswordRequired) tally.office().identity().signIn("real@demo.example", m.group(1));
        assertInstanceOf(SignedIn.class, tally.office().identity()
                .newPassword("real@demo.example", challenge.session(), "Chosen-Passw0rd!x"));
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
