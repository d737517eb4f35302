package io.tally.backoffice.http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page answers: a status and an HTML body, or a redirect (303 after a form, so reloading does not post again).
 * The app adds the security headers and the session cookie.
 */
public record OfficeResponse(int status, String body, Optional<String> location, Optional<Session> newSession) {
    public OfficeResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(newSession, "newSession");
    }

    public static OfficeResponse html(int status, String body) {
        return new OfficeResponse(status, body, Optional.empty(), Optional.empty());
    }

    public static OfficeResponse ok(String body) {
        return html(200, body);
    }

    /** 303 See Other to a path below {@code /admin} (e.g. {@code /staff}). */
    public static OfficeResponse redirect(String adminPath) {
        if (!adminPath.startsWith("/") || adminPath.startsWith("//")) {
            throw new IllegalArgumentException("redirects stay in the back office: " + adminPath);
        }
        String location = adminPath.equals("/") ? OfficeRequest.PREFIX : OfficeRequest.PREFIX + adminPath;
        return new OfficeResponse(303, "", Optional.of(location), Optional.empty());
    }

    /**
     * 303 See Other to a URL outside the back office: only for an http(s) URL the back office made itself (a presigned
     * download of the Report Center), never one taken from the request.
     */
    public static OfficeResponse away(URI url) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("not a web address: " + url.getScheme());
        }
        return new OfficeResponse(303, "", Optional.of(url.toString()), Optional.empty());
    }

    /** The same answer, replacing the browser's session (sign-in, sign-out). */
    OfficeResponse withSession(Session session) {
        return new OfficeResponse(status, body, location, Optional.of(session));
    }
}
