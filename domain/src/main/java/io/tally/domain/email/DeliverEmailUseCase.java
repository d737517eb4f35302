package io.tally.domain.email;

import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import java.time.Clock;

/**
 * Sends one queued message, at most once: messages of an archived list, of a list the recipient left, and promotional
 * messages without their one-click unsubscribe link and messages to an address that bounced hard (a bounce drop) are
 * dropped, then the message id is claimed, then the provider
 * gets it (with the message's headers). A failure after the claim is not retried (a second
 * copy is worse than a missing invitation); failures before it are, through the queue's redelivery.
 */
public final class DeliverEmailUseCase {
    private final PortalConfigPort configs;
    private final PreferencesPort preferences;
    private final SentEmailsPort sent;
    private final EmailRendererPort renderer;
    private final EmailSenderPort sender;
    private final Clock clock;
    private final BouncesPort bounces;

    /** Without hard-bounce marks (tests of the other rules). */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock) {
        this(configs, preferences, sent, renderer, sender, clock, BouncesPort.NONE);
    }

    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock, BouncesPort bounces) {
        this.bounces = bounces;
        this.configs = configs;
        this.preferences = preferences;
        this.sent = sent;
        this.renderer = renderer;
        this.sender = sender;
        this.clock = clock;
    }

    public enum Delivery { SENT, ALREADY_SENT, UNSUBSCRIBED, NO_PORTAL, LIST_ARCHIVED, NO_UNSUBSCRIBE_LINK,
        /** Not sent: the address bounced hard before (counted as a bounce drop). */
        BOUNCE_DROP }

    public Delivery deliver(EmailMessage message) {
        var config = configs.load(message.brand());
        if (config.isEmpty()) {
            return Delivery.NO_PORTAL;
        }
        var list = config.get().list(message.list());
        if (list.map(l -> l.archived()).orElse(false)) {
            return Delivery.LIST_ARCHIVED;
        }
        boolean transactional = list.map(l -> l.transactional()).orElse(false);
        if (!transactional && !message.kind().staff()) {
            boolean on = preferences.load(message.brand(), ContactKey.email(message.to()))
                    .flatMap(p -> p.choice(message.list()))
                    .orElse(list.map(l -> l.defaultOn() || message.kind() == EmailKind.INVITATION).orElse(false));
            if (!on) {
                return Delivery.UNSUBSCRIBED;
            }
            if (!message.unsubscribable()) {
                return Delivery.NO_UNSUBSCRIBE_LINK; // a bug of its sender: never a promotional e-mail without the link
            }
        }
        if (bounces.bounced(message.brand(), message.to())) {
            bounces.dropped(message);
            return Delivery.BOUNCE_DROP;
        }
        RenderedEmail email = renderer.render(message, config.get()).withHeaders(MailingHeaders.with(message));
        if (!sent.claim(message.brand(), message.id(), clock.instant())) {
            return Delivery.ALREADY_SENT;
        }
        sender.send(email);
        return Delivery.SENT;
    }
}
