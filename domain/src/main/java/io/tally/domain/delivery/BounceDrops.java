package io.tally.domain.delivery;

import io.tally.domain.communication.TemplateMail;
import io.tally.domain.email.BouncesPort;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.util.Optional;

/**
 * The e-mail sender's view of hard bounces: the marks ({@link BouncedAddressesPort}) and the bounce drops, counted as
 * delivery events of the message's mailing ({@code drop-<message id>}: a redelivered message is dropped again but
 * counted once). Only template mails belong to a mailing; other messages are dropped uncounted.
 */
public final class BounceDrops implements BouncesPort {
    static final String PREFIX = "drop-";
    private final BouncedAddressesPort bounced;
    private final RecordDeliveryUseCase record;
    private final Clock clock;

    public BounceDrops(BouncedAddressesPort bounced, RecordDeliveryUseCase record, Clock clock) {
        this.bounced = bounced;
        this.record = record;
        this.clock = clock;
    }

    @Override
    public boolean bounced(BrandId brand, String address) {
        return bounced.find(brand, address);
    }

    @Override
    public void dropped(EmailMessage message) {
        TemplateMail.of(message).ifPresent(mail -> record.record(new DeliveryEvent(PREFIX + message.id(), mail.brand(),
                DeliveryEvent.Kind.BOUNCE_DROP, mail.mailing(), Optional.of(mail.list()), mail.location(),
                DeliveryEvent.recipientOf(mail.to()), Optional.empty(), clock.instant())));
    }
}
