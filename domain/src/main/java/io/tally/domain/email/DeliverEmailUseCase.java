package io.tally.domain.email;

import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import java.time.Clock;

/**
 * Sends one queued message, at most once: messages of a list the recipient left are dropped, then the
 * message id is claimed, then the provider gets it. A failure after the claim is not retried (a second
 * copy is worse than a missing invitation); failures before it are, through the queue's redelivery.
 */
public final class DeliverEmailUseCase {
    private final PortalConfigPort configs;
    private final PreferencesPort preferences;
    private final SentEmailsPort sent;
    private final EmailRendererPort renderer;
    private final EmailSenderPort sender;
    private final Clock clock;

    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock) {
        this.configs = configs;
        this.preferences = preferences;
        this.sent = sent;
        this.renderer = renderer;
        this.sender = sender;
        this.clock = clock;
    }

    public enum Delivery { SENT, ALREADY_SENT, UNSUBSCRIBED, NO_PORTAL }

    public Delivery deliver(EmailMessage message) {
        var config = configs.load(message.brand());
        if (config.isEmpty()) {
            return Delivery.NO_PORTAL;
        }
        var list = config.get().list(message.list());
        boolean transactional = list.map(l -> l.transactional()).orElse(false);
        if (!transactional && !message.kind().staff()) {
            boolean on = preferences.load(message.brand(), ContactKey.email(message.to()))
                    .map(p -> p.subscribed(message.list()))
                    .orElse(list.map(l -> l.defaultOn() || message.kind() == EmailKind.INVITATION).orElse(false));
            if (!on) {
                return Delivery.UNSUBSCRIBED;
            }
        }
        RenderedEmail email = renderer.render(message, config.get());
        if (!sent.claim(message.brand(), message.id(), clock.instant())) {
            return Delivery.ALREADY_SENT;
        }
        sender.send(email);
        return Delivery.SENT;
    }
}
