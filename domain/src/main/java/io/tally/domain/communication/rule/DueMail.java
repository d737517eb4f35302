package io.tally.domain.communication.rule;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's send waiting out its delay: fired at {@code firedAt} with the template version current then, due at
 * {@code dueAt}. Its {@code messageId} ({@code rule-<rule>-<trigger id>}) is the one the send will carry, so storing it
 * twice, or sending it twice after a crash, still sends once.
 */
public record DueMail(BrandId brand, String rule, String messageId, CardNumber card, String template, long version,
                      Optional<String> location, Optional<String> transaction, Instant dueAt) {
    public DueMail {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(rule, "rule");
        Identifiers.require(messageId, "message id");
        Objects.requireNonNull(card, "card");
        Identifiers.require(template, "template");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
