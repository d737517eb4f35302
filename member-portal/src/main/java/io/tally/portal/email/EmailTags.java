package io.tally.portal.email;

import io.tally.domain.email.MailingHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * SES message tags from a message's {@link MailingHeaders}: {@code tally-brand}, {@code tally-list},
 * {@code tally-mailing}, {@code tally-location}. SES allows only letters, digits, {@code _} and {@code -} in tag values,
 * so {@code _} is written {@code _u} and {@code .} is written {@code _d} (both may occur in our ids); {@link #decode}
 * reverses it. The delivery events' parser reads them back.
 */
public final class EmailTags {
    private EmailTags() {
    }

    public static List<MessageTag> of(Map<String, String> headers) {
        return headers.entrySet().stream().filter(h -> MailingHeaders.ours(h.getKey()))
                .map(h -> MessageTag.builder().name(name(h.getKey())).value(encode(h.getValue())).build()).toList();
    }

    /** {@code X-Tally-Mailing} → {@code tally-mailing}. */
    public static String name(String header) {
        return "tally-" + header.substring(MailingHeaders.PREFIX.length()).toLowerCase(Locale.ROOT);
    }

    static String encode(String value) {
        return value.replace("_", "_u").replace(".", "_d");
    }

    public static String decode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '_' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'd' ? '.' : next == 'u' ? '_' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
