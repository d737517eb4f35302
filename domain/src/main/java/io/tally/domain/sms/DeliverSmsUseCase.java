package io.tally.domain.sms;

import io.tally.domain.email.ClaimedSend;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import java.time.Clock;
import java.util.Objects;

/**
 * Sends one queued text message at most once, as {@code DeliverEmailUseCase} does e-mails: messages of an archived
 * list or of a list the recipient's phone left ({@link SmsMessage#choicesKey}) are dropped, then the message id is
 * claimed (the same per-message claim as e-mails, A23: SMS ids start {@code sms-} so they never meet an e-mail's), then
 * the provider gets it. A failure after the claim is not retried (a second copy is worse than a missing text); failures
 * before it are, through the queue's redelivery. SMS has no unsubscribe link: the provider's STOP keyword handling is
 * the member's way out on the phone itself, the preferences page on the portal (the phone's "Text messages" boxes). A
 * promotional text without its opt-out hint ({@link OptOutHint}) is refused, as a promotional e-mail without its
 * unsubscribe link is. A send's test skips the list choice, as an e-mail test does. After the provider took a claimed
 * text, the claim is marked handed with that instant and the claimed listener is told (the send request counted, the
 * card's mailing kept); every redelivery of it, which sends nothing, tells it again with the stored instant
 * ({@link Delivery#ALREADY_SENT}). A text the provider refused (an opted-out number), or whose sender died before the
 * mark, is never marked, so never counted as sent: its redeliveries send nothing and tell nothing
 * ({@link Delivery#NOT_HANDED}), as {@code DeliverEmailUseCase} does e-mails.
 */
public final class DeliverSmsUseCase {
    private final PortalConfigPort configs;
    private final PreferencesPort preferences;
    private final SentEmailsPort sent;
    private final SmsSenderPort sender;
    private final Clock clock;
    private final ClaimedSmsListener claimed;

    public DeliverSmsUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                             SmsSenderPort sender, Clock clock) {
        this(configs, preferences, sent, sender, clock, ClaimedSmsListener.NONE);
    }

    /** With {@code claimed}: told of each claimed text after its send, and again on its redeliveries. */
    public DeliverSmsUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                             SmsSenderPort sender, Clock clock, ClaimedSmsListener claimed) {
        this.claimed = Objects.requireNonNull(claimed, "claimed");
        this.configs = configs;
        this.preferences = preferences;
        this.sent = sent;
        this.sender = sender;
        this.clock = clock;
    }

    /** A send's test ({@code sms-test-…}) goes to the brand's chosen test users whatever their list choices. */
    public static final String TEST_PREFIX = "sms-test-";

    /** What became of a text; every value but SENT is final (logged by the consumer, never retried). */
    public enum Delivery {
        SENT,
        /** A redelivery of a text the provider took (its claim marked handed): nothing sent, the listener told again. */
        ALREADY_SENT,
        /**
         * A redelivery of a claimed text the provider never took, as far as the claim knows (refused, e.g. an
         * opted-out number, or the sender died before the mark): nothing sent (at most once), nothing told.
         */
        NOT_HANDED,
        UNSUBSCRIBED, NO_PORTAL, LIST_ARCHIVED,
        /** A promotional text without "Reply STOP to opt out" (a bug of its builder): dropped, never retried. */
        NO_OPT_OUT_HINT
    }

    public Delivery deliver(SmsMessage message) {
        var config = configs.load(message.brand());
        if (config.isEmpty()) {
            return Delivery.NO_PORTAL;
        }
        var list = config.get().list(message.list());
        if (list.map(l -> l.archived()).orElse(false)) {
            return Delivery.LIST_ARCHIVED;
        }
        boolean transactional = list.map(l -> l.transactional()).orElse(false);
        if (!transactional && !message.id().startsWith(TEST_PREFIX)) {
            boolean on = preferences.load(message.brand(), SmsMessage.choicesKey(message.to()).orElseThrow())
                    .flatMap(p -> p.choice(message.list()))
                    .orElse(list.map(l -> l.defaultOn()).orElse(false));
            if (!on) {
                return Delivery.UNSUBSCRIBED;
            }
        }
        if (!transactional && !OptOutHint.has(message.text())) {
            return Delivery.NO_OPT_OUT_HINT;
        }
        ClaimedSend.Handing handing = ClaimedSend.send(sent, message.brand(), message.id(), clock, () -> sender.send(message, transactional),
                at -> claimed.claimed(message, at));
        return switch (handing) {
            case SENT -> Delivery.SENT;
            case ALREADY_SENT -> Delivery.ALREADY_SENT;
            case NOT_HANDED -> Delivery.NOT_HANDED;
        };
    }
}
