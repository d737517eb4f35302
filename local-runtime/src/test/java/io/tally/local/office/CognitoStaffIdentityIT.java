package io.tally.local.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.cognito.CognitoStaffIdentity;
import io.tally.domain.staff.StaffIdentityPort.Failed;
import io.tally.domain.staff.StaffIdentityPort.Failure;
import io.tally.domain.staff.StaffIdentityPort.NewPasswordRequired;
import io.tally.domain.staff.StaffIdentityPort.NewUser;
import io.tally.domain.staff.StaffIdentityPort.SignIn;
import io.tally.domain.staff.StaffIdentityPort.SignedIn;
import io.tally.domain.staff.StaffIdentityPort.TotpRequired;
import io.tally.local.cognito.CognitoLocalServer;
import io.tally.local.cognito.StaffPool;
import io.tally.local.portal.PortalTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito adapter of the staff identity against cognito-local: create (again after a crash), first sign-in and
 * its new-password challenge, wrong passwords, TOTP enrolment and its challenge, disable. cognito-local lets a disabled
 * user sign in still (AWS does not): the back office refuses them through the staff item, so this test checks only what
 * the adapter sends (the user is disabled in the pool).
 */
class CognitoStaffIdentityIT {
    private static final String PASSWORD = "Chosen-Passw0rd!a";
    private static CognitoLocalServer server;
    private static CognitoIdentityProviderClient client;
    private static StaffPool pool;
    private static CognitoStaffIdentity identity;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "cognito-identity-it"));
        server = CognitoLocalServer.start(PortalTestSupport.repoRoot(), Files.createTempDirectory(data, "cognito-"));
        pool = StaffPool.ensure(server.endpoint());
        client = StaffPool.client(server.endpoint());
        identity = new CognitoStaffIdentity(client, pool.poolId(), pool.clientId());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void creating_again_answers_the_same_user_and_leaves_it_as_it_is() {
        NewUser first = identity.createUser("again@example.com", "Temporary-Pass1!");
        assertFalse(first.existed());
        NewUser second = identity.createUser("again@example.com", "Other-Temporary2!");
        assertTrue(second.existed());
        assertEquals(first.id(), second.id());
        assertInstanceOf(NewPasswordRequired.class, identity.signIn("again@example.com", "Temporary-Pass1!"));
        identity.setTemporaryPassword("again@example.com", "Reset-Temporary3!");
        assertInstanceOf(NewPasswordRequired.class, identity.signIn("again@example.com", "Reset-Temporary3!"));
    }

    @Test
    void the_first_sign_in_asks_for_a_new_password_then_signs_in_as_the_created_user() {
        NewUser user = identity.createUser("first@example.com", "Temporary-Pass1!");
        assertEquals(new Failed(Failure.WRONG_CREDENTIALS), identity.signIn("nobody@example.com", "Wrong-Password9!"));
        SignIn challenge = identity.signIn("first@example.com", "Temporary-Pass1!");
        NewPasswordRequired required = assertInstanceOf(NewPasswordRequired.class, challenge);
        SignedIn signedIn = assertInstanceOf(SignedIn.class,
                identity.newPassword("first@example.com", required.session(), PASSWORD));
        assertEquals(user.id(), signedIn.id());
        assertFalse(signedIn.accessToken().isBlank());
        assertEquals(user.id(), assertInstanceOf(SignedIn.class, identity.signIn("first@example.com", PASSWORD)).id());
        // (cognito-local answers any password of a user still holding a temporary one with the challenge; AWS does not)
        assertEquals(new Failed(Failure.WRONG_CREDENTIALS), identity.signIn("first@example.com", "Wrong-Password9!"));
        assertEquals(new Failed(Failure.WRONG_CREDENTIALS), identity.signIn("first@example.com", "Temporary-Pass1!"),
                "the temporary password is gone");
    }

    @Test
    void an_enrolled_authenticator_is_asked_for_at_every_sign_in() {
        NewUser user = identity.createUser("totp@example.com", "Temporary-Pass1!");
        var required = (NewPasswordRequired) identity.signIn("totp@example.com", "Temporary-Pass1!");
        var signedIn = (SignedIn) identity.newPassword("totp@example.com", required.session(), PASSWORD);
        String secret = identity.startTotp(signedIn.accessToken());
        assertFalse(identity.confirmTotp(signedIn.accessToken(), wrongCode(secret)), "a wrong code enrols nothing");
        assertTrue(identity.confirmTotp(signedIn.accessToken(), Totp.code(secret, Instant.now())));

        TotpRequired totp = assertInstanceOf(TotpRequired.class, identity.signIn("totp@example.com", PASSWORD));
        assertEquals(new Failed(Failure.WRONG_CODE), identity.totp("totp@example.com", totp.session(), wrongCode(secret)));
        TotpRequired again = assertInstanceOf(TotpRequired.class, identity.signIn("totp@example.com", PASSWORD));
        SignedIn done = assertInstanceOf(SignedIn.class,
                identity.totp("totp@example.com", again.session(), Totp.code(secret, Instant.now())));
        assertEquals(user.id(), done.id());
    }

    @Test
    void disabling_and_enabling_reach_the_pool() {
        identity.createUser("gone@example.com", "Temporary-Pass1!");
        identity.disable("gone@example.com");
        assertFalse(client.adminGetUser(b -> b.userPoolId(pool.poolId()).username("gone@example.com")).enabled());
        identity.enable("gone@example.com");
        assertTrue(client.adminGetUser(b -> b.userPoolId(pool.poolId()).username("gone@example.com")).enabled());
    }

    private static String wrongCode(String secret) {
        return "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000";
    }
}
