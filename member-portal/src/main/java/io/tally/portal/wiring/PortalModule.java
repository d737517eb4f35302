package io.tally.portal.wiring;

import io.tally.sqs.obs.LedgerMoneyMetrics;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.account.MemberSignInUseCase;
import io.tally.domain.account.SignInLinks;
import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.communication.RecordCardMailings;
import io.tally.domain.communication.assets.AssetFilesPort;
import io.tally.domain.communication.TemplateMailRenderer;
import io.tally.domain.delivery.BounceDrops;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.domain.delivery.TrackedHtml;
import io.tally.domain.delivery.TrackingLinks;
import io.tally.domain.delivery.TrackingUseCase;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.engagement.ProfilePageEvents;
import io.tally.domain.enrollment.CompleteEnrollmentsUseCase;
import io.tally.domain.enrollment.EnrollUseCase;
import io.tally.domain.enrollment.EnrollmentSteps;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.Sealer;
import io.tally.domain.shared.SignedTokens;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.portal.delivery.DeliveryEventsConsumer;
import io.tally.portal.delivery.SesEvents;
import io.tally.portal.email.EmailConsumer;
import io.tally.portal.email.JteEmailRenderer;
import io.tally.portal.email.SesEmailSender;
import io.tally.portal.email.SmtpEmailSender;
import io.tally.portal.http.MemberAccount;
import io.tally.portal.http.PortalApp;
import io.tally.portal.http.PortalSecurityFactory;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.s3.S3AssetFiles;
import io.tally.sqs.html.JsoupHtmlSanitizer;
import io.tally.sqs.wiring.BrandZones;
import io.tally.sqs.wiring.ContainerSettings;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Ports and use cases of the portal and the e-mail sender. Plain constructors, no reflection. The clients, clock, random
 * source, event publisher and e-mail outbox come from the shared {@code QueuesModule} (adapters-sqs).
 */
@Module
final class PortalModule {
    private PortalModule() {
    }

    /** The shared plumbing's view of this container's configuration (QueuesModule, ContainerModule). */
    @Provides
    static ContainerSettings container(PortalSettings settings) {
        return settings.container();
    }

    @Provides
    @Singleton
    static DynamoStorage storage(DynamoDbClient dynamo, PortalSettings settings) {
        return new DynamoStorage(dynamo, settings.tableName());
    }

    @Provides
    @Singleton
    static CardStores cardStores(Optional<CardStores> given, DynamoStorage storage) {
        return given.orElseGet(() -> CardStores.dynamo(storage));
    }

    @Provides
    @Singleton
    static SignedTokens tokens(PortalSettings settings) {
        return SignedTokens.fromText(settings.requireSigningSecret());
    }

    @Provides
    @Singleton
    static EmailSenderPort sender(PortalSettings settings, AwsCredentialsProvider credentials) {
        if (settings.smtpHost().isPresent()) {
            return new SmtpEmailSender(settings.smtpHost().get(), settings.smtpPort());
        }
        return new SesEmailSender(SesV2Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).credentialsProvider(credentials).build(),
                settings.sesConfigurationSet());
    }

    @Provides
    @Singleton
    static CardLedgerWriter writer(CardStores stores, PublishEventPort events, Clock clock, RandomSource random) {
        return new CardLedgerWriter(stores.cards(), stores.ledger(), new LedgerMoneyMetrics(events), clock, random,
                RetryPolicy.of(8, Backoff.NONE));
    }

    @Provides
    @Singleton
    static EnrollmentSteps enrollmentSteps(DynamoStorage storage, CardStores stores, CardLedgerWriter writer,
                                           PublishEventPort events, EmailOutboxPort outbox, SignedTokens tokens,
                                           RandomSource random, Clock clock, PortalSettings settings) {
        var issue = new IssueUseCase(writer, storage.programs());
        var reward = new RewardReferralUseCase(stores.cards(), storage.referralClaims(), issue, events, clock);
        var allocate = new AllocateCardUseCase(stores.cards(), storage.programs(), random, clock,
                AllocateCardUseCase.WhenPoolEmpty.MINT);
        var account = new UpdateAccountUseCase(stores.cards(), writer, RetryPolicy.of(8, Backoff.NONE),
                storage.portalConfigs());
        return new EnrollmentSteps(allocate, account, storage.memberDirectory(), reward, outbox, new LinkTokens(tokens),
                events, new Sealer(settings.requireSealSecret(), random), clock);
    }

    @Provides
    @Singleton
    static CompleteEnrollmentsUseCase completeEnrollments(EnrollmentSteps steps, DynamoStorage storage) {
        return new CompleteEnrollmentsUseCase(steps, storage.memberDirectory(), storage.portalConfigs());
    }

    @Provides
    @Singleton
    static PortalApp portal(DynamoStorage storage, CardStores stores, EnrollmentSteps steps, CardLedgerWriter writer,
                            PublishEventPort events,
                            EmailOutboxPort outbox, SignedTokens tokens, RandomSource random, Clock clock,
                            PortalSettings settings, AwsCredentialsProvider credentials,
                            RecordDeliveryUseCase record) {
        var queries = new CardQueriesUseCase(stores.cards(), stores.ledger(), clock);
        var verify = new VerifyCardUseCase(stores.cards(), queries, storage.attemptCounters(), clock);
        var links = new LinkTokens(tokens);
        var enroll = new EnrollUseCase(steps, storage.memberDirectory(), links, random, clock);
        var invite = new InviteFriendsUseCase(storage.memberDirectory(), outbox, links, events, clock);
        var preferences = new PreferencesUseCase(storage.preferences(), events, clock);
        return new PortalApp(storage.portalConfigs(), storage.programs(), verify, new Challenges(tokens, random, clock),
                enroll, invite, preferences, links, new PortalSecurityFactory(tokens, random, settings.local()),
                settings.publicOrigin(), clock, new ClientLimits(storage.attemptCounters(), clock), settings.edgeSecret(),
                Optional.of(memberAccount(storage, stores, queries, writer, outbox, tokens, random, clock)),
                settings.assetsBucket().map(bucket -> (AssetFilesPort) S3AssetFiles.of(settings.region(),
                        settings.s3Endpoint(), credentials, bucket)),
                trackingLinks(settings).map(tracked -> new TrackingUseCase(tracked, record, clock)));
    }

    /** The member's own account: sign-in links, the account's reads (cards by e-mail: GSI3), the profile's edits. */
    private static MemberAccount memberAccount(DynamoStorage storage, CardStores stores, CardQueriesUseCase queries,
                                               CardLedgerWriter writer, EmailOutboxPort outbox, SignedTokens tokens,
                                               RandomSource random, Clock clock) {
        var signIn = new MemberSignInUseCase(stores.cards(), storage.memberSessions(), storage.attemptCounters(), outbox,
                new SignInLinks(tokens), random, clock);
        var update = new UpdateAccountUseCase(stores.cards(), writer, RetryPolicy.of(8, Backoff.NONE), storage.portalConfigs());
        var account = new MemberAccountUseCase(queries, storage.coupons(), update,
                new ProfilePageEvents(storage.cardEvents(), storage.eventDefinitions()), clock);
        return new MemberAccount(signIn, account, storage.memberSessions());
    }

    @Provides
    @Singleton
    static EmailConsumer emailConsumer(DynamoStorage storage, EmailSenderPort sender, RecordDeliveryUseCase record,
                                       PortalSettings settings, Clock clock) {
        // the brand's own templates are rendered at send time from the stored template and the card; the only secret here
        // signs the tracking image and click links (TALLY_TRACKING_SECRET: it can sign nothing else)
        Optional<TemplateMailRenderer.Tracking> tracking = trackingLinks(settings).map(TrackedHtml::new)
                .map(tracked -> (html, mail, portal) -> tracked.apply(html, mail, portal, clock.instant()));
        TemplateMailRenderer templates = new TemplateMailRenderer(storage.templates(), storage.programs(),
                new CardQueriesUseCase(storage.cards(), storage.cardLedger(), clock), storage.cardLedger(),
                storage.locations(), new JsoupHtmlSanitizer(), tracking);
        return new EmailConsumer(new DeliverEmailUseCase(storage.portalConfigs(), storage.preferences(), storage.sentEmails(),
                new JteEmailRenderer(), sender, templates, clock, new RecordCardMailings(storage.cardMailings()),
                new BounceDrops(storage.bouncedAddresses(), record, clock)),
                new EmailJson(), System.out);
    }

    /**
     * Counting delivery events, acting on complaints and hard bounces; the day of an event in the brand's zone (A34),
     * kept a minute per container ({@link BrandZones}).
     */
    @Provides
    @Singleton
    static RecordDeliveryUseCase recordDelivery(DynamoStorage storage, PublishEventPort events, Clock clock) {
        return new RecordDeliveryUseCase(storage.deliveryStats(), storage.bouncedAddresses(),
                new PreferencesUseCase(storage.preferences(), events, clock), storage.portalConfigs(),
                new BrandZones(storage.checkoutConfig(), clock), clock);
    }

    @Provides
    @Singleton
    static DeliveryEventsConsumer deliveryEventsConsumer(RecordDeliveryUseCase record) {
        return new DeliveryEventsConsumer(new SesEvents(), record, System.out);
    }

    /** The e-mails' tracking links, when the function holds the tracking secret (the portal checks, the sender signs). */
    static Optional<TrackingLinks> trackingLinks(PortalSettings settings) {
        return settings.trackingSecret().map(secret -> new TrackingLinks(SignedTokens.fromText(secret)));
    }
}
