package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.account.MemberAccountUseCase.CardDetail;
import io.tally.domain.account.MemberSignInUseCase.LinkRequest;
import io.tally.domain.account.MemberSignInUseCase.Requested;
import io.tally.domain.account.MemberSignInUseCase.SignIn;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.ledger.CardView;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.CustomerModel;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.tenant.BrandId;
import io.tally.portal.http.MemberCookie.Member;
import io.tally.portal.http.PortalApp.Ctx;
import io.tally.portal.http.View.CardSummary;
import io.tally.portal.http.View.FieldView;
import io.tally.portal.http.View.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The member's own account under {@code /portal/{brand}/}: {@code signin} (ask for a link), {@code link} (the e-mailed
 * link: a page with one button, so a mail scanner that opens links does not use it up), {@code account} (the cards),
 * {@code card?n=} (one card: balances, holds, coupons, events, history), {@code profile} and {@code signout}. Every page
 * but the first two needs a signed-in member ({@link MemberCookie}) and shows only the member's own cards.
 */
final class AccountPages {
    static final Set<String> PAGES = Set.of("signin", "link", "account", "card", "profile", "signout");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final PortalApp app;
    private final MemberAccount member;
    private final PortalSecurity security;
    private final MemberCookie cookie;
    private final AccountViews views;
    private final LinkTokens links;
    private final Clock clock;

    AccountPages(PortalApp app, MemberAccount member, PortalSecurity security, MemberCookie cookie, BalanceLines balances,
                 LinkTokens links, Clock clock) {
        this.app = app;
        this.member = member;
        this.security = security;
        this.cookie = cookie;
        this.views = new AccountViews(balances);
        this.links = links;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(Ctx ctx, boolean post) {
        switch (ctx.request().page()) {
            case "signin":
                return post ? requestLink(ctx) : signInForm(ctx, null, false, 200);
            case "link":
                return post ? followLink(ctx) : confirmLink(ctx);
            default:
                break;
        }
        Optional<Member> m = signedIn(ctx);
        if (m.isEmpty()) {
            return app.redirect(ctx.base() + "/signin", List.of());
        }
        return switch (ctx.request().page()) {
            case "account" -> account(ctx, m.get());
            case "card" -> card(ctx, m.get());
            case "profile" -> post ? saveProfile(ctx, m.get()) : profileForm(ctx, m.get(), Map.of(), Map.of(), false, 200);
            default -> post ? signOut(ctx, m.get()) : app.redirect(ctx.base() + "/account", List.of());
        };
    }

    /** The member of this browser session, if signed in, not signed out and not idle too long. */
    private Optional<Member> signedIn(Ctx ctx) {
        if (ctx.newSession()) {
            return Optional.empty();
        }
        BrandId brand = ctx.config().brand();
        return cookie.read(ctx.request(), brand, ctx.session(), clock.instant())
                .filter(m -> !member.sessions().ended(brand, cookie.endedName(m.session())));
    }

    private List<String> renewed(Ctx ctx, Member m) {
        return List.of(cookie.issue(ctx.config().brand(), m, clock.instant()));
    }

    private Page page(Ctx ctx, String title) {
        return ctx.page(title, "account", security);
    }

    private APIGatewayV2HTTPResponse signInForm(Ctx ctx, String error, boolean sent, int status) {
        boolean out = "1".equals(ctx.request().query().get("out"));
        return app.html(ctx, status, Pages.signIn(page(ctx, "Sign in"), error, sent, out), List.of());
    }

    private APIGatewayV2HTTPResponse requestLink(Ctx ctx) {
        Requested r = member.signIn().request(new LinkRequest(ctx.config(), ctx.request().field("email"),
                security.client(ctx.request()), app.portalUrl(ctx)));
        return switch (r) {
            case ANSWERED -> signInForm(ctx, null, true, 200);
            case INVALID -> signInForm(ctx, "Enter an e-mail address like name@example.com.", false, 400);
            case RATE_LIMITED -> signInForm(ctx, "Too many sign-in requests from your connection. Please wait 15 minutes "
                    + "and try again.", false, 429);
        };
    }

    private APIGatewayV2HTTPResponse confirmLink(Ctx ctx) {
        String token = ctx.request().query().getOrDefault("t", "");
        Optional<ContactKey> email = member.signIn().peek(ctx.config().brand(), token);
        if (email.isEmpty()) {
            return invalidLink(ctx);
        }
        return app.html(ctx, 200, Pages.link(page(ctx, "Sign in"), token, PortalApp.masked(email.get().value())), List.of());
    }

    private APIGatewayV2HTTPResponse followLink(Ctx ctx) {
        SignIn result = member.signIn().signIn(ctx.config().brand(), ctx.request().field("t"));
        if (result instanceof SignIn.SignedIn in) {
            String fresh = security.newSession();
            Member m = new Member(in.email(), fresh, clock.instant());
            return app.redirect(ctx.base() + "/account", List.of(security.cookie(fresh),
                    cookie.issue(ctx.config().brand(), m, clock.instant())));
        }
        if (result instanceof SignIn.AlreadyUsed) {
            return app.html(ctx, 409, Pages.message(page(ctx, "Link already used"), "This sign-in link was used already",
                    "Each sign-in link works once. Ask for a new one on the sign-in page."), List.of());
        }
        return invalidLink(ctx);
    }

    private APIGatewayV2HTTPResponse invalidLink(Ctx ctx) {
        return app.html(ctx, 403, Pages.message(page(ctx, "Link expired"), "This sign-in link has expired",
                "Sign-in links work for 15 minutes, once. Ask for a new one on the sign-in page."), List.of());
    }

    private APIGatewayV2HTTPResponse signOut(Ctx ctx, Member m) {
        BrandId brand = ctx.config().brand();
        member.sessions().end(brand, cookie.endedName(m.session()), m.signedInAt().plus(MemberCookie.MAX_AGE));
        return app.redirect(ctx.base() + "/signin?out=1", List.of(cookie.cleared(brand), security.cookie(security.newSession())));
    }

    private APIGatewayV2HTTPResponse account(Ctx ctx, Member m) {
        BrandId brand = ctx.config().brand();
        var scales = views.scales(ctx.config());
        List<CardSummary> cards = new ArrayList<>();
        for (CardView v : member.account().cards(brand, m.email())) {
            cards.add(new CardSummary(v.card().number().value(), v.card().number().lastFour(), status(v.card().status()),
                    BalanceLines.lines(scales, v)));
        }
        String preferences = ctx.base() + "/preferences?t=" + links.preferences(brand, m.email().value(), clock.instant());
        return app.html(ctx, 200, Pages.account(page(ctx, "Your account"), PortalApp.masked(m.email().value()), cards,
                preferences), renewed(ctx, m));
    }

    private APIGatewayV2HTTPResponse card(Ctx ctx, Member m) {
        Optional<CardNumber> number = Optional.ofNullable(ctx.request().query().get("n"))
                .map(CardNumber::parse).filter(o -> o.isAccepted()).map(o -> o.value());
        Optional<String> cursor = Optional.ofNullable(ctx.request().query().get("after"))
                .filter(c -> CURSOR.matcher(c).matches());
        Optional<CardDetail> detail = number.flatMap(n -> read(ctx, m, n, cursor));
        if (detail.isEmpty()) {
            return app.html(ctx, 404, Pages.message(page(ctx, "Card not found"), "Card not found",
                    "None of your cards has that number. Open your cards from your account page."), renewed(ctx, m));
        }
        return app.html(ctx, 200, views.card(page(ctx, "Card ending " + detail.get().view().card().number().lastFour()),
                ctx.config(), detail.get()), renewed(ctx, m));
    }

    private Optional<CardDetail> read(Ctx ctx, Member m, CardNumber n, Optional<String> cursor) {
        try {
            return member.account().card(ctx.config().brand(), m.email(), n, cursor);
        } catch (IllegalArgumentException badCursor) {
            return member.account().card(ctx.config().brand(), m.email(), n, Optional.empty());
        }
    }

    private APIGatewayV2HTTPResponse profileForm(Ctx ctx, Member m, Map<String, String> posted, Map<String, String> problems,
                                                 boolean saved, int status) {
        var profile = member.account().profile(ctx.config().brand(), m.email());
        Customer c = profile.map(MemberAccountUseCase.Profile::customer).orElse(Customer.EMPTY);
        Map<String, String> stored = profile.map(MemberAccountUseCase.Profile::brandFields).orElse(Map.of());
        List<FieldView> fields = new ArrayList<>();
        for (CustomerField.Spec spec : MemberAccountUseCase.editable(ctx.config())) {
            String name = spec.field().formName();
            fields.add(new FieldView(name, spec.field().label(), spec.field().inputType(), spec.field().autocomplete(),
                    spec.required(), posted.getOrDefault(name, value(c, spec.field())), problems.get(name)));
        }
        for (DemographicField f : ctx.config().demographics()) {
            String name = CustomerModel.formName(f);
            fields.add(PortalApp.brandField(f, posted.getOrDefault(name, stored.getOrDefault(f.name(), "")), problems.get(name)));
        }
        String error = problems.get("form") != null ? problems.get("form")
                : problems.isEmpty() ? null : "Please correct the fields marked below.";
        return app.html(ctx, status, Pages.profile(page(ctx, "Your profile"), PortalApp.masked(m.email().value()), fields,
                error, saved, profile.isPresent()), renewed(ctx, m));
    }

    private APIGatewayV2HTTPResponse saveProfile(Ctx ctx, Member m) {
        Map<String, String> form = ctx.request().firstValues();
        var change = member.account().updateProfile(ctx.config(), m.email(), form);
        if (change.saved()) {
            return profileForm(ctx, m, Map.of(), Map.of(), true, 200);
        }
        return profileForm(ctx, m, form, change.problems(), false, 400);
    }

    private static String value(Customer c, CustomerField field) {
        String v = switch (field) {
            case FIRST_NAME -> c.firstName();
            case LAST_NAME -> c.lastName();
            case EMAIL -> c.email();
            case PHONE -> c.phone();
            case POSTAL -> c.postal();
            case BIRTH_DATE -> c.birthDate() == null ? null : c.birthDate().toString();
        };
        return v == null ? "" : v;
    }

    static String status(CardStatus status) {
        return status == CardStatus.ACTIVE ? null : "This card is not active.";
    }
}
