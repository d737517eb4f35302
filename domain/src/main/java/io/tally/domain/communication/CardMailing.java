package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message of a mailing that reached a card's member: what {@code search}'s {@code returnFields.mailings} answers and
 * what a checkout's revenue is attributed to. {@code messageId} is the queued message's (deterministic per recipient and
 * trigger, {@link TemplateMail}), so recording the same message again names the same entry; {@code sentAt} is when the
 * e-mail sender recorded it right after its claim (the first recording stands).
 */
public record CardMailing(BrandId brand, CardNumber card, String messageId, String mailing, String list, String template,
                          Instant sentAt, Channel channel) {
    /** How long a card's mailings are kept (DynamoDB TTL): the communication report's longest look back and then some. */
    public static final Duration RETENTION = Duration.ofDays(730);

    /** The channel a mailing went out on (a card's mailings are e-mails and texts; direct mail is an export). */
    public enum Channel { EMAIL, SMS, DIRECT_MAIL }

    public CardMailing {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Identifiers.require(messageId, "message id");
        Identifiers.require(mailing, "mailing");
        Identifiers.require(list, "list");
        Identifiers.require(template, "template");
        sentAt = sentAt.truncatedTo(ChronoUnit.MILLIS); // kept to the millisecond, as the store orders them
        Objects.requireNonNull(channel, "channel");
    }

    /** The entry of a template e-mail sent now. */
    public static CardMailing of(TemplateMail mail, Instant sentAt) {
        return new CardMailing(mail.brand(), mail.card(), mail.messageId(), mail.mailing(), mail.list(), mail.template(),
                sentAt, Channel.EMAIL);
    }

    /** The entry of a send's text message sent now (it has an origin: {@link SmsMessage.Origin}). */
    public static CardMailing ofText(SmsMessage text, Instant sentAt) {
        SmsMessage.Origin origin = text.origin().orElseThrow(() -> new IllegalArgumentException("a text of no mailing"));
        return new CardMailing(text.brand(), origin.card(), text.id(), origin.mailing(), text.list(), origin.template(),
                sentAt, Channel.SMS);
    }

    /** Newest first: later {@code sentAt}, then the greater message id (the order A133 reads them in). */
    public static int newestFirst(CardMailing a, CardMailing b) {
        int c = b.sentAt.compareTo(a.sentAt);
        return c != 0 ? c : b.messageId.compareTo(a.messageId);
    }
}
