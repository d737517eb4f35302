package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One brand template queued for one card's member: the contract between whoever sends (a scheduled send, its test, a
 * triggered rule) and the e-mail sender, which renders the template's {@code version} with the card's data at send time.
 * <ul>
 *   <li>{@code mailing} names what sent it, for the statistics and the card's mailings: {@code send-<send id>},
 *   {@code test-<send id>} (never counted) or {@code rule-<rule id>};</li>
 *   <li>the message id is deterministic per recipient and trigger: {@code <mailing>-<card>} for a send or a test,
 *   {@code rule-<rule>-<trigger event id>} for a rule, so the per-message claim (A23) sends each at most once;</li>
 *   <li>{@code location} is the triggering location of a triggered send, the card's owning location of a scheduled one
 *   (empty: none); {@code transaction} the triggering transaction's ledger request ref (empty: none).</li>
 * </ul>
 * A message on a subscription list carries {@code UnsubscribeLinks.headers} (the sender refuses it otherwise).
 */
public record TemplateMail(String messageId, BrandId brand, String mailing, String template, long version,
                           CardNumber card, String to, String list, Optional<String> location,
                           Optional<String> transaction) {
    public static final String MAILING = "mailing";
    public static final String TEMPLATE = "template";
    public static final String VERSION = "version";
    public static final String CARD = "card";
    public static final String LOCATION = "location";
    public static final String TRANSACTION = "transaction";

    public TemplateMail {
        Identifiers.require(messageId, "message id");
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(mailing, "mailing");
        Identifiers.require(template, "template");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(to, "to");
        Identifiers.require(list, "list");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(transaction, "transaction");
    }

    /** Whether a mailing id names a send's test ({@code test-…}): tests are never counted in statistics. */
    public static boolean test(String mailing) {
        return mailing.startsWith("test-");
    }

    public EmailMessage message(Map<String, String> headers) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MAILING, mailing);
        values.put(TEMPLATE, template);
        values.put(VERSION, Long.toString(version));
        values.put(CARD, card.value());
        location.ifPresent(l -> values.put(LOCATION, l));
        transaction.ifPresent(t -> values.put(TRANSACTION, t));
        return new EmailMessage(messageId, brand, EmailKind.TEMPLATE, to, list, values, headers);
    }

    /** The template mail a queued message carries; empty for any other kind of message (or a malformed one). */
    public static Optional<TemplateMail> of(EmailMessage m) {
        if (m.kind() != EmailKind.TEMPLATE) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TemplateMail(m.id(), m.brand(), m.value(MAILING), m.value(TEMPLATE),
                    Long.parseLong(m.value(VERSION)), new CardNumber(m.value(CARD)), m.to(), m.list(),
                    Optional.of(m.value(LOCATION)).filter(s -> !s.isEmpty()),
                    Optional.of(m.value(TRANSACTION)).filter(s -> !s.isEmpty())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
