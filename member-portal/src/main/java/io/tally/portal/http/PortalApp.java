package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.communication.UnsubscribeUseCase;
import io.tally.domain.communication.assets.AssetFilesPort;
import io.tally.domain.communication.assets.AssetLibraryUseCase;
import io.tally.domain.delivery.TrackingUseCase;
import io.tally.domain.enrollment.EnrollUseCase;
import io.tally.domain.enrollment.EnrollUseCase.EnrollCommand;
import io.tally.domain.ledger.CardView;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.member.VerifyCardUseCase.Access;
import io.tally.domain.member.VerifyCardUseCase.VerifyCommand;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.CustomerModel;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import io.tally.portal.http.View.Challenge;
import io.tally.portal.http.View.FieldView;
import io.tally.portal.http.View.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The member pages of every brand under {@code /portal/{brand}/{page}}: balance, enroll, refer, preferences, the
 * member's own account ({@link AccountPages}), and the shared stylesheet plus the brand's colours. Thin: request → use case → template. Every POST needs the
 * session's CSRF token; every answer carries the security headers.
 */
public final class PortalApp {
    static final String GENERIC_DENIAL = "We could not find a card with that number and PIN. Check both and try again.";
    private static final String STYLESHEET = stylesheet();
    private final PortalConfigPort configs;
    private final LoadProgramsPort programs;
    private final VerifyCardUseCase verify;
    private final Challenges challenges;
    private final EnrollUseCase enroll;
    private final InviteFriendsUseCase invite;
    private final LinkTokens links;
    private final PortalSecurity security;
    private final Optional<String> publicOrigin;
    private final Clock clock;
    private final ClientLimits limits;
    private final Optional<String> edgeSecret;
    private final BalanceLines balanceLines;
    private final Optional<AccountPages> account;
    private final UnsubscribePage unsubscribe;
    private final PreferencesPage preferencesPage;
    private final Optional<AssetFilesPort> assets;
    private final Optional<TrackingPage> tracking;

    public PortalApp(PortalConfigPort configs, LoadProgramsPort programs, VerifyCardUseCase verify, Challenges challenges,
                     EnrollUseCase enroll, InviteFriendsUseCase invite, PreferencesUseCase preferences, LinkTokens links,
                     PortalSecurityFactory security, Optional<String> publicOrigin, Clock clock, ClientLimits limits) {
        this(configs, programs, verify, challenges, enroll, invite, preferences, links, security, publicOrigin, clock, limits,
                Optional.empty());
    }

    /**
     * @param edgeSecret with the member pages behind the brand's CloudFront distribution: the secret its origin header
     *                   carries. A request without it came around the distribution (and its WAF) straight to the API's
     *                   own host, and is refused; one with it is counted by the viewer's address, not the edge's.
     */
    public PortalApp(PortalConfigPort configs, LoadProgramsPort programs, VerifyCardUseCase verify, Challenges challenges,
                     EnrollUseCase enroll, InviteFriendsUseCase invite, PreferencesUseCase preferences, LinkTokens links,
                     PortalSecurityFactory security, Optional<String> publicOrigin, Clock clock, ClientLimits limits,
                     Optional<String> edgeSecret) {
        this(configs, programs, verify, challenges, enroll, invite, preferences, links, security, publicOrigin, clock, limits,
                edgeSecret, Optional.empty());
    }

    /** @param account the member account pages ({@link AccountPages}); without it they answer 404. */
    public PortalApp(PortalConfigPort configs, LoadProgramsPort programs, VerifyCardUseCase verify, Challenges challenges,
                     EnrollUseCase enroll, InviteFriendsUseCase invite, PreferencesUseCase preferences, LinkTokens links,
                     PortalSecurityFactory security, Optional<String> publicOrigin, Clock clock, ClientLimits limits,
                     Optional<String> edgeSecret, Optional<MemberAccount> account) {
        this(configs, programs, verify, challenges, enroll, invite, preferences, links, security, publicOrigin, clock, limits,
                edgeSecret, account, Optional.empty(), Optional.empty());
    }

    /**
     * @param assets   the asset library's images ({@code /portal/<brand>/assets/<id>.<ext>}); without it they answer 404
     * @param tracking the e-mails' tracking image and click redirects ({@link TrackingPage}); without it they answer 404
     */
    public PortalApp(PortalConfigPort configs, LoadProgramsPort programs, VerifyCardUseCase verify, Challenges challenges,
                     EnrollUseCase enroll, InviteFriendsUseCase invite, PreferencesUseCase preferences, LinkTokens links,
                     PortalSecurityFactory security, Optional<String> publicOrigin, Clock clock, ClientLimits limits,
                     Optional<String> edgeSecret, Optional<MemberAccount> account, Optional<AssetFilesPort> assets,
                     Optional<TrackingUseCase> tracking) {
        this.assets = assets;
        this.edgeSecret = edgeSecret;
        this.limits = limits;
        this.configs = configs;
        this.programs = programs;
        this.verify = verify;
        this.challenges = challenges;
        this.enroll = enroll;
        this.invite = invite;
        this.links = links;
        this.security = security.create();
        this.publicOrigin = publicOrigin;
        this.clock = clock;
        this.balanceLines = new BalanceLines(programs);
        this.unsubscribe = new UnsubscribePage(this, this.security,
                new UnsubscribeUseCase(links.unsubscribe(), preferences, clock));
        this.tracking = tracking.map(t -> new TrackingPage(this.security, t));
        this.preferencesPage = new PreferencesPage(this, this.security, preferences, links,
                account.map(MemberAccount::account), clock);
        this.account = account.map(a -> new AccountPages(this, a, this.security,
                new MemberCookie(security.tokens(), security.local()), balanceLines, links, clock));
    }

    /** One request's context: the brand, its pages' base path, the session (new ones get a cookie). */
    record Ctx(PortalConfig config, PortalRequest request, String session, boolean newSession, String base) {
        Page page(String title, String nav, PortalSecurity security) {
            return new Page(base, config.displayName(), config.logoUrl().orElse(null), title, security.csrf(session), nav);
        }
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Optional<PortalRequest> parsed = PortalRequest.of(event, edgeSecret);
        if (parsed.isEmpty() || !Identifiers.isValid(parsed.get().brand())) {
            return plain(404, "Not Found");
        }
        PortalRequest r = parsed.get();
        if (edgeSecret.isPresent() && !r.throughEdge()) {
            return plain(403, "Forbidden: the member pages are served on the brand's own domain ("
                    + publicOrigin.orElse("see the brand's site") + ").");
        }
        if (r.page().startsWith(PortalRequest.ASSETS + "/")) {
            return asset(r);
        }
        Optional<PortalConfig> config = configs.load(new BrandId(r.brand()));
        if (config.isEmpty()) {
            return plain(404, "Not Found");
        }
        String base = "/portal/" + r.brand();
        switch (r.page()) {
            case "portal.css":
                return css(STYLESHEET);
            case "theme.css":
                return css(theme(config.get()));
            case "":
                return redirect(base + "/balance");
            default:
                break;
        }
        if ((r.page().equals(TrackingPage.OPEN) || r.page().equals(TrackingPage.CLICK)) && tracking.isPresent()
                && r.method().equals("GET")) { // no session: a mail client fetches the image, nobody signs in to click
            return tracking.get().handle(config.get().brand(), r);
        }
        if (r.page().equals("unsubscribe") && (r.method().equals("GET") || r.method().equals("POST"))) {
            // no session, no CSRF: the signed link is the authority (RFC 8058's POST comes from a mail provider)
            return unsubscribe.handle(new Ctx(config.get(), r, "", false, base), r.method().equals("POST"));
        }
        Optional<String> existing = security.session(r);
        Ctx ctx = new Ctx(config.get(), r, existing.orElseGet(security::newSession), existing.isEmpty(), base);
        if (!r.method().equals("GET") && !r.method().equals("POST")) {
            return html(ctx, 405, Pages.message(ctx.page("Not allowed", "", security), "Not allowed", "Use the form on the page."));
        }
        boolean post = r.method().equals("POST");
        if (post && !security.validCsrf(r)) {
            return html(ctx, 403, Pages.message(ctx.page("Form expired", "", security), "This form has expired",
                    "For your security, forms work only for a short time and in the browser that opened them. "
                            + "Go back, reload the page and try again."));
        }
        return switch (r.page()) {
            case "balance" -> post ? checkBalance(ctx) : html(ctx, 200, balanceForm(ctx, null, 200));
            case "enroll" -> post ? enroll(ctx) : enrollForm(ctx, Map.of(), Map.of(), 200, null);
            case "refer" -> post ? refer(ctx) : referForm(ctx, null, null, null, 200);
            case "preferences" -> preferencesPage.handle(ctx, post);
            case "signin", "link", "account", "card", "profile", "signout" -> account.isPresent()
                    ? account.get().handle(ctx, post) : notFound(ctx);
            default -> notFound(ctx);
        };
    }

    private APIGatewayV2HTTPResponse notFound(Ctx ctx) {
        return html(ctx, 404, Pages.message(ctx.page("Not found", "", security), "Page not found",
                "There is no such member page."));
    }

    private String balanceForm(Ctx ctx, String error, int status) {
        return Pages.balance(ctx.page("Check your balance", "balance", security), error, challenge(ctx), null, null);
    }

    private Challenge challenge(Ctx ctx) {
        if (!verify.suspicious(ctx.config().brand(), security.client(ctx.request()))) {
            return null;
        }
        Challenges.Challenge c = challenges.issue(ctx.session());
        return new Challenge(c.question(), c.token());
    }

    private Access access(Ctx ctx) {
        PortalRequest r = ctx.request();
        boolean solved = challenges.solved(ctx.session(), Optional.of(r.field("challengeToken")).filter(s -> !s.isEmpty()),
                Optional.of(r.field("challengeAnswer")).filter(s -> !s.isEmpty()));
        return verify.verify(new VerifyCommand(ctx.config().brand(), r.field("cardNumber"), r.field("pin"),
                security.client(r), solved));
    }

    private APIGatewayV2HTTPResponse checkBalance(Ctx ctx) {
        Access access = access(ctx);
        Page page = ctx.page("Check your balance", "balance", security);
        if (access instanceof Access.Granted granted) {
            CardView card = granted.card();
            return html(ctx, 200, Pages.balance(page, null, challenge(ctx), balanceLines.lines(ctx.config(), card), card.card().number().lastFour()));
        }
        int status = denialStatus(access);
        return html(ctx, status, Pages.balance(page, denial(access), challenge(ctx), null, null));
    }

    static int denialStatus(Access access) {
        return access instanceof Access.LockedOut || access instanceof Access.RateLimited ? 429 : 400;
    }

    static String denial(Access access) {
        if (access instanceof Access.LockedOut) {
            return "Too many wrong PINs were entered for this card. For your security it is locked for up to 15 minutes.";
        }
        if (access instanceof Access.RateLimited) {
            return "Too many attempts from your connection. Please wait 15 minutes and try again.";
        }
        if (access instanceof Access.ChallengeRequired) {
            return "Please answer the question below as well, to show us you are not an automated program.";
        }
        return GENERIC_DENIAL;
    }

    static String name(ValueTypeKey key) {
        return BalanceLines.name(key);
    }

    private APIGatewayV2HTTPResponse enrollForm(Ctx ctx, Map<String, String> values, Map<String, String> problems,
                                               int status, String formError) {
        List<FieldView> fields = new ArrayList<>();
        for (CustomerField.Spec spec : ctx.config().customerModel()) {
            String name = spec.field().formName();
            fields.add(new FieldView(name, spec.field().label(), spec.field().inputType(), spec.field().autocomplete(),
                    spec.required(), values.getOrDefault(name, ""), problems.get(name)));
        }
        for (DemographicField f : ctx.config().demographics()) {
            String name = CustomerModel.formName(f);
            fields.add(brandField(f, values.getOrDefault(name, ""), problems.get(name)));
        }
        String ref = ctx.request().method().equals("POST") ? ctx.request().field("ref") : ctx.request().query().get("ref");
        ref = ref == null || ref.isBlank() || ref.length() > 1024 ? null : ref;
        String error = formError != null ? formError : problems.get("form");
        if (error == null && !problems.isEmpty()) {
            error = "Please correct the fields marked below.";
        }
        return html(ctx, status, Pages.enroll(ctx.page("Join", "enroll", security), fields, ctx.config().applicationId(),
                ctx.config().merchantId(), ref, error));
    }

    /** A brand field of the customer model as a form input: choices and yes/no as selects, dates and numbers typed. */
    static FieldView brandField(DemographicField f, String value, String error) {
        String name = CustomerModel.formName(f);
        List<String> options = switch (f.type()) {
            case CHOICE -> f.choices().stream().flatMap(c -> Stream.of(c, c)).toList();
            case BOOLEAN -> List.of("true", "Yes", "false", "No");
            default -> null;
        };
        String type = f.type() == DemographicField.Type.DATE ? "date" : "text";
        return new FieldView(name, f.label(), type, "off", f.required(), value, error, options);
    }

    private APIGatewayV2HTTPResponse enroll(Ctx ctx) {
        PortalRequest r = ctx.request();
        if (!limits.allowEnrollment(ctx.config().brand(), security.client(r))) {
            return enrollForm(ctx, r.firstValues(), Map.of(), 429,
                    "Too many sign-ups from your connection. Please wait 15 minutes and try again.");
        }
        Optional<String> ref = Optional.of(r.field("ref")).filter(s -> !s.isBlank());
        EnrollUseCase.Result result = enroll.enroll(new EnrollCommand(ctx.config(), r.field("applicationId"),
                r.field("merchantId"), r.firstValues(), ref, portalUrl(ctx), "portal-" + security.newSession(),
                security.requester(ctx.session())));
        if (result instanceof EnrollUseCase.Result.Enrolled e) {
            String reward = e.referral().filter(x -> x instanceof RewardReferralUseCase.Result.Rewarded)
                    .map(x -> ((RewardReferralUseCase.Result.Rewarded) x).rewards())
                    .map(rw -> "Thanks for joining through a friend's invitation: you earned " + rw.friendAmount() + " "
                            + name(rw.valueType()) + ", and your friend earned " + rw.senderAmount() + ".")
                    .orElse(null);
            return html(ctx, 200, Pages.enrolled(ctx.page("Welcome", "enroll", security), grouped(e.card().value()), e.pin(), reward));
        }
        Map<String, String> values = r.firstValues();
        if (result instanceof EnrollUseCase.Result.Invalid invalid) {
            return enrollForm(ctx, values, invalid.problems(), 400, null);
        }
        return enrollForm(ctx, values, Map.of(), 409, "That e-mail address or phone number already belongs to a member. "
                + "Check your balance with your card number and PIN instead.");
    }

    private APIGatewayV2HTTPResponse referForm(Ctx ctx, String error, List<String> invited, List<String> skipped, int status) {
        if (ctx.config().referral().isEmpty()) {
            return html(ctx, 404, Pages.message(ctx.page("Refer a friend", "refer", security), "Refer a friend",
                    "This program does not offer referral rewards at the moment."));
        }
        return html(ctx, status, Pages.refer(ctx.page("Refer a friend", "refer", security), error, challenge(ctx), invited,
                skipped, InviteFriendsUseCase.MAX_FRIENDS));
    }

    private APIGatewayV2HTTPResponse refer(Ctx ctx) {
        if (ctx.config().referral().isEmpty()) {
            return referForm(ctx, null, null, null, 404);
        }
        Access access = access(ctx);
        if (!(access instanceof Access.Granted granted)) {
            return referForm(ctx, denial(access), null, null, denialStatus(access));
        }
        var result = invite.invite(new InviteFriendsUseCase.InviteCommand(ctx.config(), granted.card(),
                ctx.request().fields("friend"), portalUrl(ctx)));
        if (result.tooMany()) {
            return referForm(ctx, "Invite at most " + InviteFriendsUseCase.MAX_FRIENDS + " friends at a time.", null, null, 400);
        }
        if (result.invited().isEmpty() && result.skipped().isEmpty()) {
            return referForm(ctx, "Enter at least one friend's e-mail address.", null, null, 400);
        }
        return referForm(ctx, null, result.invited(), result.skipped(), 200);
    }

    String portalUrl(Ctx ctx) {
        String origin = publicOrigin.orElseGet(() -> (security.local() ? "http://" : "https://") + ctx.request().host());
        return origin + ctx.base();
    }

    static String grouped(String digits) {
        return digits.replaceAll("(.{4})(?!$)", "$1 ");
    }

    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? email : email.charAt(0) + "•••" + email.substring(at);
    }

    private APIGatewayV2HTTPResponse html(Ctx ctx, int status, String body) {
        return html(ctx, status, body, List.of());
    }

    /** A page, with the new session's cookie if the request had none, and {@code cookies} (Set-Cookie values). */
    APIGatewayV2HTTPResponse html(Ctx ctx, int status, String body, List<String> cookies) {
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(security.headers("text/html; charset=utf-8")).withBody(body).withIsBase64Encoded(false);
        List<String> all = new ArrayList<>(cookies);
        if (ctx.newSession()) {
            all.add(0, security.cookie(ctx.session()));
        }
        if (!all.isEmpty()) {
            response.withCookies(all);
        }
        return response.build();
    }

    private APIGatewayV2HTTPResponse css(String css) {
        Map<String, String> headers = security.headers("text/css; charset=utf-8");
        headers.put("cache-control", "public, max-age=300");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(css)
                .withIsBase64Encoded(false).build();
    }

    private APIGatewayV2HTTPResponse redirect(String location) {
        return redirect(location, List.of());
    }

    /** A 303 to {@code location} setting {@code cookies} (Set-Cookie values). */
    APIGatewayV2HTTPResponse redirect(String location, List<String> cookies) {
        Map<String, String> headers = security.headers("text/plain; charset=utf-8");
        headers.put("location", location);
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(303).withHeaders(headers).withBody("")
                .withIsBase64Encoded(false);
        if (!cookies.isEmpty()) {
            response.withCookies(cookies);
        }
        return response.build();
    }

    /**
     * An asset library image for mail clients: straight from the object store by its key (no table read, no session,
     * no cookie), its type from its extension (checked by its bytes at upload), cached for a year by anyone (the id is
     * its content's digest, so the URL never names other bytes). Another brand's id, an unknown one or a deleted one
     * answers 404.
     */
    private APIGatewayV2HTTPResponse asset(PortalRequest r) {
        String file = r.page().substring(PortalRequest.ASSETS.length() + 1);
        Optional<AssetLibraryUseCase.Served> served = r.method().equals("GET") ? assets.flatMap(files ->
                AssetLibraryUseCase.serve(files, new BrandId(r.brand()), file)) : Optional.empty();
        if (served.isEmpty()) {
            return plain(404, "Not Found");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", served.get().type().contentType());
        headers.put("cache-control", "public, max-age=31536000, immutable");
        headers.put("x-content-type-options", "nosniff");
        headers.put("content-security-policy", "default-src 'none'; sandbox");
        headers.put("cross-origin-resource-policy", "cross-origin");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(served.get().bytes())).withIsBase64Encoded(true).build();
    }

    private APIGatewayV2HTTPResponse plain(int status, String text) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(security.headers("text/plain; charset=utf-8")).withBody(text).withIsBase64Encoded(false).build();
    }

    static String theme(PortalConfig config) {
        var t = config.theme();
        return ":root{--primary:" + t.primary() + ";--on-primary:" + t.onPrimary() + ";--background:" + t.background()
                + ";--text:" + t.text() + "}\n";
    }

    private static String stylesheet() {
        try (InputStream in = PortalApp.class.getResourceAsStream("portal.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
