package io.tally.domain.email;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Objects;

/**
 * One logical e-mail, queued for sending. {@code id} is deterministic for the business fact it tells (e.g.
 * the welcome of card n), so enqueuing it twice still sends it once. {@code values} fill the template
 * (links, names, the card's last four digits); {@code list} is the subscription list it belongs to.
 */
public record EmailMessage(String id, BrandId brand, EmailKind kind, String to, String list,
                           Map<String, String> values) {
    public static final int MAX_VALUES = 20;

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
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        return "EmailMessage[" + id + ", " + kind + "]";
    }
}
