package io.tally.backoffice.http;

import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.JtemessageGenerated;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a page sees it: the request, the path's parameters, and, for pages behind sign-in, the member's
 * {@link StaffScope} (resolved for this request: the member is active). Builds the page frame and common answers.
 */
public final class OfficeCall {
    private final OfficeRequest request;
    private final Map<String, String> params;
    private final Session session;
    private final Optional<StaffScope> scope;
    private final OfficeSecurity security;

    OfficeCall(OfficeRequest request, Map<String, String> params, Session session, Optional<StaffScope> scope,
               OfficeSecurity security) {
        this.request = request;
        this.params = params;
        this.session = session;
        this.scope = scope;
        this.security = security;
    }

    public OfficeRequest request() {
        return request;
    }

    /** A {@code {name}} segment of the page's path. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the page's path has no {" + name + "}");
        }
        return value;
    }

    /** The signed-in member's scope (pages behind sign-in always have one). */
    public StaffScope scope() {
        return scope.orElseThrow(() -> new IllegalStateException("not a signed-in page"));
    }

    public Optional<StaffScope> maybeScope() {
        return scope;
    }

    /** The frame of a page in section {@code section} (a navigation key such as {@code staff}, or "" for none). */
    public Page page(String title, String section) {
        return page(title, section, null);
    }

    public Page page(String title, String section, String notice) {
        return new Page(title, scope.map(s -> Navigation.links(s, section)).orElse(List.of()),
                scope.map(StaffScope::email).orElse(null), scope.map(s -> s.role().label()).orElse(null),
                security.csrf(session), notice);
    }

    /** A page with a heading and a sentence (errors, confirmations). */
    public OfficeResponse message(int status, String heading, String text) {
        Page page = page(heading, "");
        return OfficeResponse.html(status, Html.render(o -> JtemessageGenerated.render(o, null, page, heading, text)));
    }

    /** What every missing, forbidden or out-of-scope thing answers: the same page, so none can be told apart. */
    public OfficeResponse notFound() {
        return message(404, "Not found", "There is no such page, or it is not yours to see.");
    }

    /** Signs the member in: a new session (new id, new CSRF token) and a redirect to {@code adminPath}. */
    public OfficeResponse signedIn(BrandId brand, StaffId staff, String adminPath) {
        return OfficeResponse.redirect(adminPath).withSession(security.signIn(brand, staff));
    }

    /** Ends the session: a fresh anonymous one and a redirect to {@code adminPath}. */
    public OfficeResponse signedOut(String adminPath) {
        return OfficeResponse.redirect(adminPath).withSession(security.anonymous());
    }
}
