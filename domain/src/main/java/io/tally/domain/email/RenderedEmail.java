package io.tally.domain.email;

import java.util.Objects;

/** A message ready for the wire: plain text and HTML alternatives of the same content. */
public record RenderedEmail(String from, String fromName, String to, String subject, String text, String html) {
    public RenderedEmail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
