package io.tally.domain.staff;

import java.util.Optional;

/**
 * The identity service that holds staff passwords and second factors (Amazon Cognito; cognito-local off AWS). Password
 * policy, lockout and resets are its business, not ours: the back office only passes what the staff member typed and
 * reads the answer. Challenges carry the service's opaque {@code session}, which the caller hands back with the answer.
 */
public interface StaffIdentityPort {
    /**
     * Creates a user for the e-mail with a temporary password (to be changed at the first sign-in) and answers its id.
     * A user that exists already is answered with its id and left as it is ({@code existed}), so creating staff can be
     * run again after a crash.
     */
    NewUser createUser(String email, String temporaryPassword);

    /** Gives an existing user a new temporary password, to be changed at the next sign-in. */
    void setTemporaryPassword(String email, String temporaryPassword);

    record NewUser(StaffId id, boolean existed) {
    }

    /** Signs in with e-mail and password. */
    SignIn signIn(String email, String password);

    /** Answers the first sign-in's challenge with the new password. */
    SignIn newPassword(String email, String session, String newPassword);

    /** Answers the second-factor challenge with the authenticator's current code. */
    SignIn totp(String email, String session, String code);

    /** Starts enrolling an authenticator app: the secret key to put into it. */
    String startTotp(String accessToken);

    /** Confirms the enrolment with a code from the app and makes TOTP the member's second factor; false if the code is wrong. */
    boolean confirmTotp(String accessToken, String code);

    /** Sends a reset code to the e-mail's owner (nothing tells whether the e-mail is known). */
    void forgotPassword(String email);

    /** Sets a new password with the code sent; the failure says why. */
    Optional<Failure> confirmForgotPassword(String email, String code, String newPassword);

    /** Stops the user from signing in (their sessions also end at the next request: the staff item is checked). */
    void disable(String email);

    void enable(String email);

    /** Why a step failed, in words a staff member can act on. */
    enum Failure {
        WRONG_CREDENTIALS, WEAK_PASSWORD, WRONG_CODE, EXPIRED, TOO_MANY_ATTEMPTS
    }

    /** What a sign-in step answered. */
    sealed interface SignIn {
    }

    /** Signed in: the member's id and an access token for the member's own identity calls (second-factor enrolment). */
    record SignedIn(StaffId id, String accessToken) implements SignIn {
        /** Without the token: a result may end up in a log line or an assertion message. */
        @Override
        public String toString() {
            return "SignedIn[" + id + ", accessToken=****]";
        }
    }

    /** The first sign-in: a new password is required. */
    record NewPasswordRequired(String session) implements SignIn {
    }

    /** The member has a second factor: the current code is required. */
    record TotpRequired(String session) implements SignIn {
    }

    record Failed(Failure why) implements SignIn {
    }
}
