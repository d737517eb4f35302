package io.tally.domain.email;

import java.util.Map;
import java.util.Objects;

/**
 * A message ready for the wire: plain text and HTML alternatives of the same content, and the extra headers the
 * message carried ({@link EmailMessage#HEADERS}: the list's one-click unsubscribe link).
 */
public record RenderedEmail(String from, String fromName, String to, String subject, String text, String html,
                            Map<String, String> headers) {
    public RenderedEmail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        headers = Map.copyOf(headers);
    }

    public RenderedEmail(String from, String fromName, String to, String subject, String text, String html) {
        this(from, fromName, to, subject, text, html, Map.of());
    }

    public RenderedEmail withHeaders(Map<String, String> extra) {
        return new RenderedEmail(from, fromName, to, subject, text, html, extra);
    }
}
