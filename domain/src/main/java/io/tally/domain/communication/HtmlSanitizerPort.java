package io.tally.domain.communication;

/**
 * Makes a template's HTML safe to store, preview and send: an allow-list of e-mail markup (text, tables, links, images,
 * inline styles the list allows), with no script, no event handler attributes, no forms or inputs, no frames or
 * objects, and only {@code http}, {@code https} and {@code mailto} links ({@code https} and inline {@code data:} images);
 * what is not allowed is removed, never escaped into visible text. Implemented by a maintained library (jsoup's
 * {@code Safelist}, adapters-sqs), since a hand-written one would meet the next parser trick unprepared.
 */
public interface HtmlSanitizerPort {
    String sanitize(String html);
}
