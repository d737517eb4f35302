package io.tally.backoffice.pages;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.OfficeRouter.SignedIn;
import io.tally.backoffice.templates.mfa.JteenrolGenerated;
import io.tally.backoffice.templates.mfa.JtestartGenerated;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffSignIn;
import io.tally.domain.staff.StaffSignIn.Done;
import io.tally.domain.staff.StaffSignIn.EnterCode;
import io.tally.domain.staff.StaffSignIn.Refused;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Enrolling an authenticator app as the member's second factor: the password again (a fresh access token, and proof
 * that whoever sits at the browser knows it), then the secret key and its otpauth link as text, then a code from the
 * app. The access token and secret travel in a signed hidden field for a few minutes.
 */
public final class TotpPages implements OfficeArea {
    static final String ISSUER = "Tally back office";
    private final StaffSignIn signIn;
    private final StaffIdentityPort identity;
    private final ChallengeTokens challenges;

    public TotpPages(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        this.signIn = signIn;
        this.identity = identity;
        this.challenges = challenges;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/mfa", new SignedIn(), c -> start(c, null, 200))
                .post("/mfa", new SignedIn(), this::password)
                .post("/mfa/confirm", new SignedIn(), this::confirm);
    }

    private OfficeResponse start(OfficeCall call, String error, int status) {
        var page = call.page("Second factor", "");
        return OfficeResponse.html(status, Html.render(o -> JtestartGenerated.render(o, null, page, error)));
    }

    private OfficeResponse password(OfficeCall call) {
        var scope = call.scope();
        var step = signIn.password(scope.email(), call.request().fields("password").stream().findFirst().orElse(""));
        if (step instanceof EnterCode) {
            return call.message(200, "Second factor", "Your account has a second factor already.");
        }
        if (step instanceof Done done && done.member().id().equals(scope.staff())) {
            String secret = identity.startTotp(done.accessToken());
            return enrol(call, secret, challenges.issue("enrol", scope.email(), done.accessToken() + " " + secret), null, 200);
        }
        String why = step instanceof Refused r ? Failures.text(r.why()) : "That did not work. Try again.";
        return start(call, why, 400);
    }

    private OfficeResponse enrol(OfficeCall call, String secret, String token, String error, int status) {
        var page = call.page("Add your authenticator app", "");
        String label = URLEncoder.encode(ISSUER + ":" + call.scope().email(), StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20");
        return OfficeResponse.html(status, Html.render(o -> JteenrolGenerated.render(o, null, page, secret, uri, token, error)));
    }

    private OfficeResponse confirm(OfficeCall call) {
        String token = call.request().field("challenge");
        var challenge = challenges.open("enrol", token).filter(c -> c.email().equals(call.scope().email()));
        if (challenge.isEmpty()) {
            return start(call, "That took too long. Start again.", 400);
        }
        String[] parts = challenge.get().session().split(" ", 2);
        String code = call.request().field("code").replace(" ", "");
        if (!code.matches("\\d{6}")) {
            return enrol(call, parts[1], token, "Enter the 6 digits your app shows.", 400);
        }
        if (!identity.confirmTotp(parts[0], code)) {
            return enrol(call, parts[1], token, "That code is not right. Enter the code your app shows now.", 400);
        }
        return call.message(200, "Second factor on", "From now on, signing in asks for a code from your app.");
    }
}
