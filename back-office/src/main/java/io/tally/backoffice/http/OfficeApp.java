package io.tally.backoffice.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.backoffice.http.OfficeRouter.Anyone;
import io.tally.backoffice.http.OfficeRouter.Match;
import io.tally.backoffice.http.OfficeRouter.Needs;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.staff.StaffScopes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The back office under {@code /admin}: session → the member's scope → CSRF check on every POST → the page the router
 * finds → security headers and cookie. Pages come from the {@link OfficeArea}s given. A member whose session is
 * signed in but who is no longer active (or no longer exists) is treated as signed out.
 */
public final class OfficeApp {
    private static final System.Logger LOG = System.getLogger(OfficeApp.class.getName());
    private static final String STYLESHEET = stylesheet();
    private final OfficeRouter router = new OfficeRouter();
    private final OfficeSecurity security;
    private final StaffScopes scopes;

    public OfficeApp(Set<OfficeArea> areas, StaffScopes scopes, OfficeSecurity security) {
        this.scopes = scopes;
        this.security = security;
        areas.forEach(a -> a.register(router));
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Optional<OfficeRequest> parsed = OfficeRequest.of(event);
        if (parsed.isEmpty()) {
            return plain(404, "Not Found");
        }
        OfficeRequest r = parsed.get();
        if (r.path().equals("/office.css") && r.method().equals("GET")) {
            return asset(STYLESHEET);
        }
        Optional<Session> existing = security.session(r);
        Session session = existing.orElseGet(security::anonymous);
        Optional<StaffScope> scope = session.signedIn()
                .flatMap(s -> scopes.resolve(s.staff()).filter(sc -> sc.brand().equals(s.brand())));
        if (session.signedIn().isPresent() && scope.isEmpty()) {
            session = new Session(session.id(), Optional.empty());
            existing = Optional.empty();
        }
        OfficeCall call = new OfficeCall(r, Map.of(), session, scope, security);
        OfficeResponse answer = answer(r, session, scope, call);
        Session keep = answer.newSession().orElse(session);
        boolean setCookie = answer.newSession().isPresent() || existing.isEmpty();
        return respond(answer, setCookie ? Optional.of(keep) : Optional.empty());
    }

    private OfficeResponse answer(OfficeRequest r, Session session, Optional<StaffScope> scope, OfficeCall frame) {
        if (!r.method().equals("GET") && !r.method().equals("POST")) {
            return frame.message(405, "Not allowed", "Use the links and forms on the pages.");
        }
        if (r.method().equals("POST") && !security.validCsrf(r, session)) {
            return frame.message(403, "This form has expired",
                    "For your security, forms work only in the browser session that opened them. "
                            + "Go back, reload the page and try again.");
        }
        Optional<Match> match = router.match(r.method(), r.path());
        if (match.isEmpty()) {
            return router.knowsPath(r.path()) ? frame.message(405, "Not allowed", "Use the links and forms on the pages.")
                    : frame.notFound();
        }
        var access = match.get().entry().access();
        if (!(access instanceof Anyone) && scope.isEmpty()) {
            return OfficeResponse.redirect("/signin");
        }
        if (access instanceof Needs needs && !scope.get().can(needs.permission())) {
            return frame.notFound();
        }
        OfficeCall call = new OfficeCall(r, match.get().params(), session, scope, security);
        try {
            return match.get().entry().action().handle(call);
        } catch (RuntimeException fault) {
            LOG.log(Level.ERROR, "back office " + r.method() + " " + r.path() + " failed", fault);
            return frame.message(500, "Something went wrong",
                    "Nothing was changed that you were not told about. Try again in a moment.");
        }
    }

    private APIGatewayV2HTTPResponse respond(OfficeResponse answer, Optional<Session> cookie) {
        Map<String, String> headers = security.headers(answer.download().map(OfficeResponse.Download::contentType)
                .orElse("text/html; charset=utf-8"));
        answer.location().ifPresent(l -> headers.put("location", l));
        answer.download().ifPresent(d -> headers.put("content-disposition", "attachment; filename=\"" + d.fileName() + "\""));
        var builder = APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(headers)
                .withBody(answer.body());
        cookie.ifPresent(s -> builder.withCookies(List.of(security.cookie(s))));
        return builder.build();
    }

    private APIGatewayV2HTTPResponse asset(String css) {
        Map<String, String> headers = security.headers("text/css; charset=utf-8");
        headers.put("cache-control", "public, max-age=300");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(css).build();
    }

    private APIGatewayV2HTTPResponse plain(int status, String text) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(security.headers("text/plain; charset=utf-8")).withBody(text).build();
    }

    private static String stylesheet() {
        try (InputStream in = OfficeApp.class.getResourceAsStream("office.css")) {
            if (in == null) {
                throw new IllegalStateException("office.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
