package io.tally.domain.fakes;

import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffIdentityPort;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small identity service for use-case tests: users by e-mail with a password, a must-change flag and an enabled flag;
 * ids are {@code sub-<email>}. {@link #failNextCreateStep} simulates a crash after the user was created.
 */
public final class FakeStaffIdentity implements StaffIdentityPort {
    public record User(StaffId id, String password, boolean mustChange, boolean enabled) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();

    public Optional<User> user(String email) {
        return Optional.ofNullable(users.get(email));
    }

    @Override
    public NewUser createUser(String email, String temporaryPassword) {
        User existing = users.putIfAbsent(email, new User(new StaffId("sub-" + email), temporaryPassword, true, true));
        return new NewUser(new StaffId("sub-" + email), existing != null);
    }

    @Override
    public void setTemporaryPassword(String email, String temporaryPassword) {
        users.computeIfPresent(email, (e, u) -> new User(u.id(), temporaryPassword, true, u.enabled()));
    }

    @Override
    public SignIn signIn(String email, String password) {
        User u = users.get(email);
        if (u == null || !u.enabled() || !u.password().equals(password)) {
            return new Failed(Failure.WRONG_CREDENTIALS);
        }
        return u.mustChange() ? new NewPasswordRequired("session-" + email) : new SignedIn(u.id(), "token-" + email);
    }

    @Override
    public SignIn newPassword(String email, String session, String newPassword) {
        User u = users.get(email);
        if (u == null || !session.equals("session-" + email)) {
            return new Failed(Failure.EXPIRED);
        }
        users.put(email, new User(u.id(), newPassword, false, u.enabled()));
        return new SignedIn(u.id(), "token-" + email);
    }

    @Override
    public SignIn totp(String email, String session, String code) {
        return new Failed(Failure.WRONG_CODE);
    }

    @Override
    public String startTotp(String accessToken) {
        return "SECRET";
    }

    @Override
    public boolean confirmTotp(String accessToken, String code) {
        return false;
    }

    @Override
    public void forgotPassword(String email) {
    }

    @Override
    public Optional<Failure> confirmForgotPassword(String email, String code, String newPassword) {
        return Optional.of(Failure.WRONG_CODE);
    }

    @Override
    public void disable(String email) {
        users.computeIfPresent(email, (e, u) -> new User(u.id(), u.password(), u.mustChange(), false));
    }

    @Override
    public void enable(String email) {
        users.computeIfPresent(email, (e, u) -> new User(u.id(), u.password(), u.mustChange(), true));
    }
}
