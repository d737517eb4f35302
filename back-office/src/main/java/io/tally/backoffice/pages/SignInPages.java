package io.tally.backoffice.pages;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.OfficeRouter.Anyone;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.signin.JtecodeGenerated;
import io.tally.backoffice.templates.signin.JteforgotGenerated;
import io.tally.backoffice.templates.signin.JtenewpasswordGenerated;
import io.tally.backoffice.templates.signin.JteresetGenerated;
import io.tally.backoffice.templates.signin.JtesigninGenerated;
import io.tally.backoffice.templates.signin.JtesignoutGenerated;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffIdentityPort.Failure;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffSignIn;
import io.tally.domain.staff.StaffSignIn.ChooseNewPassword;
import io.tally.domain.staff.StaffSignIn.Done;
import io.tally.domain.staff.StaffSignIn.EnterCode;
import io.tally.domain.staff.StaffSignIn.Refused;
import io.tally.domain.staff.StaffSignIn.Step;
import java.util.Optional;

/**
 * Sign in (e-mail and password, then the first sign-in's new password or the second factor's code), sign out, and the
 * forgotten-password reset. Each challenge travels in a signed hidden field ({@link ChallengeTokens}).
 */
public final class SignInPages implements OfficeArea {
    private static final Anyone ANYONE = new Anyone();
    private final StaffSignIn signIn;
    private final StaffIdentityPort identity;
    private final ChallengeTokens challenges;

    public SignInPages(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        this.signIn = signIn;
        this.identity = identity;
        this.challenges = challenges;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/signin", ANYONE, this::form)
                .post("/signin", ANYONE, this::password)
                .post("/password/new", ANYONE, this::newPassword)
                .post("/mfa/code", ANYONE, this::code)
                .get("/signout", ANYONE, c -> OfficeResponse.ok(Html.render(o -> JtesignoutGenerated.render(o, null,
                        c.page("Sign out", "")))))
                .post("/signout", ANYONE, c -> c.signedOut("/signin"))
                .get("/password/forgot", ANYONE, c -> forgotForm(c, "", null, 200))
                .post("/password/forgot", ANYONE, this::forgot)
                .post("/password/reset", ANYONE, this::reset);
    }

    private OfficeResponse form(OfficeCall call) {
        return call.maybeScope().isPresent() ? OfficeResponse.redirect("/") : signInForm(call, "", null, 200);
    }

    private OfficeResponse signInForm(OfficeCall call, String email, String error, int status) {
        Page page = call.page("Sign in", "");
        return OfficeResponse.html(status, Html.render(o -> JtesigninGenerated.render(o, null, page, email, error)));
    }

    private OfficeResponse password(OfficeCall call) {
        String email = call.request().field("email");
        String password = raw(call, "password");
        Optional<String> normal = email(email);
        if (normal.isEmpty() || password.isEmpty()) {
            return signInForm(call, email, "Enter your e-mail address and your password.", 400);
        }
        return next(call, normal.get(), signIn.password(normal.get(), password), (c, error) -> signInForm(c, email, error, 401));
    }

    private OfficeResponse newPassword(OfficeCall call) {
        var challenge = challenges.open("new-password", call.request().field("challenge"));
        if (challenge.isEmpty()) {
            return signInForm(call, "", Failures.text(Failure.EXPIRED), 400);
        }
        String password = raw(call, "password");
        String token = call.request().field("challenge");
        if (password.isEmpty() || !password.equals(raw(call, "confirm"))) {
            return newPasswordForm(call, token, "Enter the same new password twice.", 400);
        }
        return next(call, challenge.get().email(),
                signIn.newPassword(challenge.get().email(), challenge.get().session(), password),
                (c, error) -> newPasswordForm(c, token, error, 400));
    }

    private OfficeResponse code(OfficeCall call) {
        var challenge = challenges.open("code", call.request().field("challenge"));
        if (challenge.isEmpty()) {
            return signInForm(call, "", Failures.text(Failure.EXPIRED), 400);
        }
        String code = call.request().field("code").replace(" ", "");
        String token = call.request().field("challenge");
        if (!code.matches("\\d{6}")) {
            return codeForm(call, token, "Enter the 6 digits your app shows.", 400);
        }
        return next(call, challenge.get().email(), signIn.code(challenge.get().email(), challenge.get().session(), code),
                (c, error) -> codeForm(c, token, error, 401));
    }

    private interface Retry {
        OfficeResponse again(OfficeCall call, String error);
    }

    private OfficeResponse next(OfficeCall call, String email, Step step, Retry retry) {
        if (step instanceof Done done) {
            StaffMember m = done.member();
            return call.signedIn(m.brand(), m.id(), "/");
        }
        if (step instanceof ChooseNewPassword c) {
            return newPasswordForm(call, challenges.issue("new-password", email, c.session()), null, 200);
        }
        if (step instanceof EnterCode e) {
            return codeForm(call, challenges.issue("code", email, e.session()), null, 200);
        }
        Failure why = ((Refused) step).why();
        if (why == Failure.EXPIRED) {
            return signInForm(call, email, Failures.text(why), 400);
        }
        return retry.again(call, Failures.text(why));
    }

    private OfficeResponse newPasswordForm(OfficeCall call, String challenge, String error, int status) {
        Page page = call.page("Choose your password", "");
        return OfficeResponse.html(status, Html.render(o -> JtenewpasswordGenerated.render(o, null, page, challenge, error)));
    }

    private OfficeResponse codeForm(OfficeCall call, String challenge, String error, int status) {
        Page page = call.page("Enter your code", "");
        return OfficeResponse.html(status, Html.render(o -> JtecodeGenerated.render(o, null, page, challenge, error)));
    }

    private OfficeResponse forgotForm(OfficeCall call, String email, String error, int status) {
        Page page = call.page("Reset your password", "");
        return OfficeResponse.html(status, Html.render(o -> JteforgotGenerated.render(o, null, page, email, error)));
    }

    private OfficeResponse forgot(OfficeCall call) {
        String email = call.request().field("email");
        Optional<String> normal = email(email);
        if (normal.isEmpty()) {
            return forgotForm(call, email, "Enter your e-mail address.", 400);
        }
        identity.forgotPassword(normal.get());
        return resetForm(call, normal.get(), null, 200);
    }

    private OfficeResponse resetForm(OfficeCall call, String email, String error, int status) {
        Page page = call.page("Choose a new password", "");
        return OfficeResponse.html(status, Html.render(o -> JteresetGenerated.render(o, null, page, email, error)));
    }

    private OfficeResponse reset(OfficeCall call) {
        Optional<String> email = email(call.request().field("email"));
        String code = call.request().field("code").replace(" ", "");
        String password = raw(call, "password");
        if (email.isEmpty()) {
            return forgotForm(call, "", "Enter your e-mail address.", 400);
        }
        if (code.isEmpty() || password.isEmpty()) {
            return resetForm(call, email.get(), "Enter the code from the e-mail and a new password.", 400);
        }
        Optional<Failure> failed = identity.confirmForgotPassword(email.get(), code, password);
        if (failed.isPresent()) {
            return resetForm(call, email.get(), Failures.text(failed.get()), 400);
        }
        return signInForm(call, email.get(), null, 200);
    }

    /** A password field as typed (never stripped: spaces may be part of it). */
    private static String raw(OfficeCall call, String name) {
        var values = call.request().fields(name);
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Optional<String> email(String text) {
        try {
            return Optional.of(StaffMember.normalizeEmail(text));
        } catch (IllegalArgumentException | NullPointerException bad) {
            return Optional.empty();
        }
    }
}
