package io.tally.domain.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the provider must give back with each delivery event (a bounce, a complaint): the brand, the message's list
 * and, for a template mail, its mailing and location ({@code communication.TemplateMail}'s values). Both senders
 * carry them: SES as message tags (its event publishing returns them), SMTP as {@code X-Tally-*} headers. Staff
 * e-mails carry none. Nothing that names the recipient goes here.
 */
public final class MailingHeaders {
    public static final String PREFIX = "X-Tally-";
    public static final String BRAND = PREFIX + "Brand";
    public static final String LIST = PREFIX + "List";
    public static final String MAILING = PREFIX + "Mailing";
    public static final String LOCATION = PREFIX + "Location";

    private MailingHeaders() {
    }

    /** The message's own headers and its mailing headers, for the rendered e-mail. */
    public static Map<String, String> with(EmailMessage message) {
        Map<String, String> headers = new LinkedHashMap<>(message.headers());
        if (message.kind().staff()) {
            return headers;
        }
        headers.put(BRAND, message.brand().value());
        headers.put(LIST, message.list());
        if (message.kind() == EmailKind.TEMPLATE) {
            Optional.of(message.value("mailing")).filter(s -> !s.isEmpty()).ifPresent(m -> headers.put(MAILING, m));
            Optional.of(message.value("location")).filter(s -> !s.isEmpty()).ifPresent(l -> headers.put(LOCATION, l));
        }
        return headers;
    }

    public static boolean ours(String header) {
        return header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
