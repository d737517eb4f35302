package io.tally.domain.staff;

import io.tally.domain.staff.StaffIdentityPort.Failed;
import io.tally.domain.staff.StaffIdentityPort.Failure;
import io.tally.domain.staff.StaffIdentityPort.NewPasswordRequired;
import io.tally.domain.staff.StaffIdentityPort.SignIn;
import io.tally.domain.staff.StaffIdentityPort.SignedIn;
import io.tally.domain.staff.StaffIdentityPort.TotpRequired;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing a staff member in: the identity service checks the password and the second factor; then the member must be
 * known to the back office and active. A user the identity service knows but the back office does not (or a disabled
 * member) fails exactly like a wrong password, so the answer tells nothing about which e-mails exist.
 */
public final class StaffSignIn {
    private final StaffIdentityPort identity;
    private final StaffPort staff;

    public StaffSignIn(StaffIdentityPort identity, StaffPort staff) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.staff = Objects.requireNonNull(staff, "staff");
    }

    /** Where a sign-in step led. */
    public sealed interface Step {
    }

    /** Signed in as this active member; the access token serves the member's own identity calls. */
    public record Done(StaffMember member, String accessToken) implements Step {
        /** Without the token: a result may end up in a log line or an assertion message. */
        @Override
        public String toString() {
            return "Done[" + member + ", accessToken=****]";
        }
    }

    public record ChooseNewPassword(String session) implements Step {
    }

    public record EnterCode(String session) implements Step {
    }

    public record Refused(Failure why) implements Step {
    }

    public Step password(String email, String password) {
        return next(identity.signIn(email, password));
    }

    public Step newPassword(String email, String session, String newPassword) {
        return next(identity.newPassword(email, session, newPassword));
    }

    public Step code(String email, String session, String code) {
        return next(identity.totp(email, session, code));
    }

    private Step next(SignIn answer) {
        if (answer instanceof SignedIn s) {
            Optional<StaffMember> member = staff.find(s.id()).filter(StaffMember::active);
            return member.<Step>map(m -> new Done(m, s.accessToken())).orElse(new Refused(Failure.WRONG_CREDENTIALS));
        }
        if (answer instanceof NewPasswordRequired n) {
            return new ChooseNewPassword(n.session());
        }
        if (answer instanceof TotpRequired t) {
            return new EnterCode(t.session());
        }
        return new Refused(((Failed) answer).why());
    }
}
