package io.tally.domain.email;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One logical e-mail, queued for sending. {@code id} is deterministic for the business fact it tells (e.g.
 * the welcome of card n), so enqueuing it twice still sends it once. {@code values} fill the template
 * (links, names, the card's last four digits); {@code list} is the subscription list it belongs to. {@code headers}
 * are extra mail headers the sender sets, from a fixed set ({@link #HEADERS}): a promotional message carries its
 * recipient's one-click unsubscribe link there ({@code communication.UnsubscribeLinks}).
 */
public record EmailMessage(String id, BrandId brand, EmailKind kind, String to, String list,
                           Map<String, String> values, Map<String, String> headers) {
    public static final int MAX_VALUES = 20;
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    /** The headers a message may carry: nothing else reaches the wire (no Bcc, no From forged through here). */
    public static final Set<String> HEADERS = Set.of(LIST_UNSUBSCRIBE, LIST_UNSUBSCRIBE_POST);

    /** A message without extra headers (transactional and staff e-mails). */
    public EmailMessage(String id, BrandId brand, EmailKind kind, String to, String list, Map<String, String> values) {
        this(id, brand, kind, to, list, values, Map.of());
    }

    public EmailMessage {
        Identifiers.require(id, "message id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Identifiers.require(list, "list");
        values = Map.copyOf(values);
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("too many template values");
        }
        headers = Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!HEADERS.contains(name) || value.length() > 2000 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("not a header a message may carry: " + name);
            }
        });
    }

    /** Whether the message carries the one-click unsubscribe headers (RFC 8058) that every promotional e-mail needs. */
    public boolean unsubscribable() {
        // https outside local runs: the portal's URL is https there (local runs link to http://127.0.0.1)
        return headers.getOrDefault(LIST_UNSUBSCRIBE, "").matches("<https?://[^>\\s]+>.*")
                && "List-Unsubscribe=One-Click".equals(headers.get(LIST_UNSUBSCRIBE_POST));
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        return "EmailMessage[" + id + ", " + kind + "]";
    }
}
