package io.tally.backoffice.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.backoffice.sends.Mailer;
import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.communication.TemplateSmsTexts;
import io.tally.domain.communication.send.SendPagesQueuePort;
import io.tally.domain.communication.send.SmsChannel;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.send.SendPageJson;
import io.tally.sqs.send.SqsSendPages;
import io.tally.sqs.sms.SmsJson;
import io.tally.sqs.sms.SqsSmsOutbox;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Scheduled sends (issue 15): their fan-out over the mailings queue, and that queue's consumer. */
@Module
final class SendsModule {
    private SendsModule() {
    }

    /** Without the mailings queue configured, a start fails loudly (nothing could fan its pages out). */
    @Provides
    @Singleton
    static SendPagesQueuePort sendPages(SqsClient sqs, ObjectMapper json, OfficeSettings settings) {
        return settings.mailingsQueueUrl().<SendPagesQueuePort>map(url -> new SqsSendPages(sqs, url,
                new SendPageJson(json))).orElse((page, delay) -> {
                    throw new IllegalStateException(OfficeSettings.MAILINGS_QUEUE_URL + " is not set");
                });
    }

    /**
     * The recipients' links are verified by the portal: signed with its secret (a graph without it, like the operator's
     * command line, never sends; the fallback only lets the graph build).
     */
    @Provides
    @Singleton
    static SendFanoutUseCase fanout(DynamoStorage storage, SendPagesQueuePort pages, EmailOutboxPort outbox,
                                    Optional<SmsChannel> sms, OfficeSettings settings, Clock clock) {
        SignedTokens portalTokens = SignedTokens.fromText(settings.portalSecret().orElseGet(() -> {
            throw new IllegalStateException(OfficeSettings.PORTAL_SECRET + " is not set: sends sign their links with it");
        }));
        return Sends.fanout(storage, pages, outbox, sms, portalTokens, clock);
    }

    /**
     * The SMS channel where the SMS queue is configured ({@code TALLY_SMS_QUEUE_URL}: every function of a stack has it,
     * the local runtime too): texts merged from each card ({@link TemplateSmsTexts}) queued on {@code tally-sms}. Without
     * it, sends are e-mail only. Whether texts leave AWS is the SMS sender's configuration (an origination identity):
     * without one they dead-letter, and that queue's alarm says so.
     */
    @Provides
    @Singleton
    static Optional<SmsChannel> sms(DynamoStorage storage, LocationsPort locations, SqsClient sqs,
                                    OfficeSettings settings, Clock clock) {
        return settings.smsQueueUrl().map(url -> new SmsChannel(new SqsSmsOutbox(sqs, url, new SmsJson()),
                new TemplateSmsTexts(storage.templates(), storage.programs(), new CardQueriesUseCase(storage.cards(),
                        storage.cardLedger(), clock), storage.cardLedger(), locations)));
    }

    @Provides
    @Singleton
    static Mailer mailer(SendFanoutUseCase fanout, ObjectMapper json) {
        return new Mailer(fanout, new SendPageJson(json), System.out);
    }
}
