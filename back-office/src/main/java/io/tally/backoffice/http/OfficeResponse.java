package io.tally.backoffice.http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page answers: a status and an HTML body, a redirect (303 after a form, so reloading does not post again), or
 * a file to save ({@link #download}). The app adds the security headers and the session cookie.
 */
public record OfficeResponse(int status, String body, Optional<String> location, Optional<Session> newSession,
                             Optional<Download> download) {
    public OfficeResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(newSession, "newSession");
        Objects.requireNonNull(download, "download");
    }

    /** A body the browser saves as a file ({@code Content-Disposition: attachment}) instead of showing it. */
    public record Download(String contentType, String fileName) {
        public Download {
            Objects.requireNonNull(contentType, "contentType");
            if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,120}")) {
                throw new IllegalArgumentException("file names are 1-120 letters, digits, '.', '_' or '-': " + fileName);
            }
        }
    }

    public static OfficeResponse html(int status, String body) {
        return new OfficeResponse(status, body, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** 200 with a file to save, e.g. {@code download("text/csv; charset=utf-8", "activity.csv", csv)}. */
    public static OfficeResponse download(String contentType, String fileName, String body) {
        return new OfficeResponse(200, body, Optional.empty(), Optional.empty(),
                Optional.of(new Download(contentType, fileName)));
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
        return new OfficeResponse(303, "", Optional.of(location), Optional.empty(), Optional.empty());
    }

    /**
     * 303 See Other to a URL outside the back office: only for an http(s) URL the back office made itself (a presigned
     * download of the Report Center), never one taken from the request.
     */
    public static OfficeResponse away(URI url) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("not a web address: " + url.getScheme());
        }
        return new OfficeResponse(303, "", Optional.of(url.toString()), Optional.empty(), Optional.empty());
    }

    /** The same answer, replacing the browser's session (sign-in, sign-out). */
    OfficeResponse withSession(Session session) {
        return new OfficeResponse(status, body, location, Optional.of(session), download);
    }
}
