package io.tally.backoffice.wiring;

import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.communication.send.SendMails;
import io.tally.domain.communication.send.SendPagesQueuePort;
import io.tally.domain.communication.send.SmsChannel;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.shared.SignedTokens;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;
import java.util.Optional;

/**
 * How every graph that fans out scheduled sends builds it: the back office (a send due at once), the mailer (the
 * pages) and the jobs function (due sends, stale ones), all signing the recipients' links with the portal's secret.
 */
public final class Sends {
    private Sends() {
    }

    public static SendFanoutUseCase fanout(DynamoStorage storage, SendPagesQueuePort pages, EmailOutboxPort outbox,
                                           SignedTokens portalTokens, Clock clock) {
        return new SendFanoutUseCase(storage.sends(), storage.brandCards(), storage.cards(), storage.segmentSnapshots(),
                storage.portalConfigs(), pages, outbox, new SendMails(new LinkTokens(portalTokens)), clock);
    }

    /** With the SMS channel (its texts and queue), where the graph has the SMS queue. */
    public static SendFanoutUseCase fanout(DynamoStorage storage, SendPagesQueuePort pages, EmailOutboxPort outbox,
                                           Optional<SmsChannel> sms, SignedTokens portalTokens, Clock clock) {
        return new SendFanoutUseCase(storage.sends(), storage.brandCards(), storage.cards(), storage.segmentSnapshots(),
                storage.portalConfigs(), pages, outbox, new SendMails(new LinkTokens(portalTokens)), sms, clock);
    }
}
