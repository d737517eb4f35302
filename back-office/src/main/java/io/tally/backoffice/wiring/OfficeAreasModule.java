package io.tally.backoffice.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tally.backoffice.accounting.AccountingPages;
import io.tally.backoffice.actions.AuditPage;
import io.tally.backoffice.actions.CardActionPages;
import io.tally.backoffice.communications.StatisticsPages;
import io.tally.backoffice.explore.ExplorePages;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.pages.ChallengeTokens;
import io.tally.backoffice.pages.HomePage;
import io.tally.backoffice.pages.SignInPages;
import io.tally.backoffice.pages.StaffPages;
import io.tally.backoffice.pages.TotpPages;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.delivery.RevenuePort;
import io.tally.domain.delivery.StatisticsUseCase;
import io.tally.domain.report.ExploreDataUseCase;
import io.tally.domain.report.ExploreRollupUseCase;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.backoffice.AuditQueryUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Sealer;
import io.tally.domain.shared.SignedTokens;
import io.tally.backoffice.search.CustomerServicePages;
import io.tally.domain.backoffice.CustomerServiceUseCase;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.staff.StaffSignIn;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.tenant.Brand;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.tenant.LocationsPort;
import io.tally.sqs.html.JsoupHtmlSanitizer;
import io.tally.backoffice.segments.SegmentPages;
import io.tally.backoffice.setup.ScoreSettingsPages;
import io.tally.backoffice.setup.CommunicationArea;
import io.tally.backoffice.setup.SendPages;
import io.tally.backoffice.setup.RulesPages;
import io.tally.backoffice.setup.SetupArea;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.communication.send.SendMails;
import io.tally.domain.communication.send.SendsUseCase;
import io.tally.domain.communication.send.SmsChannel;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.segment.SegmentUseCase;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.backoffice.ApiKeySetupUseCase;
import io.tally.domain.backoffice.BrandSetupUseCase;
import io.tally.domain.backoffice.CardEngagementUseCase;
import io.tally.domain.engagement.score.ScoreBreakdownUseCase;
import io.tally.domain.backoffice.CatalogueSetupUseCase;
import io.tally.domain.backoffice.EventSetupUseCase;
import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.backoffice.ScoreSettingsUseCase;
import io.tally.domain.communication.TemplatesUseCase;
import io.tally.domain.communication.rule.RulesUseCase;
import io.tally.domain.communication.TestListsUseCase;
import io.tally.domain.report.AccountingUseCase;
import io.tally.domain.report.RollupUseCase;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.wiring.BrandZones;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The back office's sections: one {@code @Provides @IntoSet} method per {@link OfficeArea}. Add yours here (see
 * back-office/README.md); build its use cases from the ports {@link OfficeModule} provides.
 */
@Module
final class OfficeAreasModule {
    private OfficeAreasModule() {
    }

    @Provides
    @IntoSet
    static OfficeArea cardActions(DynamoStorage storage, OfficeSettings settings, PublishEventPort events,
                                  EmailOutboxPort outbox, LocationsPort locations, RandomSource random, Clock clock) {
        // the welcome e-mail's preferences link is verified by the portal: it is signed with the portal's secret
        SignedTokens portalTokens = SignedTokens.fromText(settings.portalSecret().orElse(settings.requireSigningSecret()));
        return new CardActionPages(ActionsWiring.cardActions(storage, portalTokens, events, outbox, random, clock), locations,
                random, settings.portalSecret().isPresent(), settings.local(),
                ReportsModule.portalOrigin());
    }

    @Provides
    @IntoSet
    static OfficeArea audit(AuditLogPort audit, StaffPort staff) {
        return new AuditPage(new AuditQueryUseCase(audit), staff);
    }

    @Provides
    @IntoSet
    static OfficeArea home() {
        return new HomePage();
    }

    @Provides
    @IntoSet
    static OfficeArea signIn(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        return new SignInPages(signIn, identity, challenges);
    }

    @Provides
    @IntoSet
    static OfficeArea totp(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        return new TotpPages(signIn, identity, challenges);
    }

    @Provides
    @IntoSet
    static OfficeArea staff(StaffUseCase staff, LocationsPort locations) {
        return new StaffPages(staff, locations);
    }

    @Provides
    @IntoSet
    static OfficeArea setup(DynamoStorage storage, AuditLogPort audit, RandomSource random, Clock clock) {
        var provisioning = storage.provisioning();
        var reads = storage.brandSetup();
        return new SetupArea(new BrandSetupUseCase(provisioning, reads, audit, random, clock),
                new CatalogueSetupUseCase(provisioning, storage.programs(), reads, audit, random, clock),
                new ApiKeySetupUseCase(provisioning, audit, random, clock),
                new PortalSetupUseCase(storage.portalConfigs(), storage.programs(), audit, random, clock),
                new EventSetupUseCase(storage.eventDefinitions(), audit, random, clock));
    }

    @Provides
    @IntoSet
    static OfficeArea scoreSettings(DynamoStorage storage, AuditLogPort audit, RandomSource random, Clock clock) {
        return new ScoreSettingsPages(new ScoreSettingsUseCase(storage.scoreSettings(), storage.scoreRuns(),
                storage.checkoutConfig(), audit, random, clock));
    }

    @Provides
    @IntoSet
    static OfficeArea communication(DynamoStorage storage, AuditLogPort audit, LocationsPort locations, RandomSource random,
                                    Clock clock) {
        return new CommunicationArea(new PortalSetupUseCase(storage.portalConfigs(), storage.programs(), audit, random, clock),
                templates(storage, locations, random, clock),
                new TestListsUseCase(storage.testLists(), storage.cards(), random, clock));
    }

    private static TemplatesUseCase templates(DynamoStorage storage, LocationsPort locations, RandomSource random,
                                              Clock clock) {
        return new TemplatesUseCase(storage.templates(), storage.portalConfigs(), storage.programs(),
                new CardQueriesUseCase(storage.cards(), storage.cardLedger(), clock), storage.cardLedger(), locations,
                new JsoupHtmlSanitizer(), random, clock);
    }

    /** Rules, triggered communications (issue 15): {@code /communications/rules}. */
    @Provides
    @IntoSet
    static OfficeArea rules(DynamoStorage storage, AuditLogPort audit, LocationsPort locations, RandomSource random,
                            Clock clock) {
        return new RulesPages(new RulesUseCase(storage.rules(), storage.templates(), storage.portalConfigs(),
                storage.programs(), new SetupAudit(audit, random, clock), random, clock),
                templates(storage, locations, random, clock));
    }

    @Provides
    @IntoSet
    static OfficeArea customerService(DynamoStorage storage, LocationsPort locations, OfficeSettings settings,
                                      RandomSource random, Clock clock) {
        // the transactions pages' cursors are sealed with a key of their own, derived from the function's secret
        Sealer cursors = new Sealer("transactions-cursor:" + settings.requireSigningSecret(), random);
        CustomerServiceUseCase service = new CustomerServiceUseCase(storage.cards(), storage.cardLedger(), storage.coupons(),
                storage.cardLocations(), storage.activityLog(), cursors, clock);
        return new CustomerServicePages(service, storage.programs(), locations, clock,
                new CardEngagementUseCase(service, storage.cardEvents(), storage.cardStats(),
                        Optional.of(storage.customerScores()), Optional.of(storage.scoreSettings())));
    }

    @Provides
    @IntoSet
    static OfficeArea accounting(DynamoStorage storage, LocationsPort locations, Clock clock) {
        RollupUseCase rollups = new RollupUseCase(storage.activityLog(), storage.rollups(),
                new BrandZones(storage.checkoutConfig(), clock), clock);
        return new AccountingPages(new AccountingUseCase(rollups, storage.programs(), locations));
    }

    /**
     * The communication report: delivery counters (A123), the revenue attributed to each mailing (A136: checkouts within
     * the attribution window, net of voids; per SKU tag of the brand's checkout configuration, A34) and the period's
     * scheduled sends by status (A110).
     */
    @Provides
    @IntoSet
    static OfficeArea communicationStatistics(DynamoStorage storage, Clock clock) {
        return new StatisticsPages(new StatisticsUseCase(storage.deliveryStats(), revenue(storage.mailingRevenue())),
                new BrandZones(storage.checkoutConfig(), clock), clock, storage.sends()::list,
                brand -> storage.checkoutConfig().load(brand).skuTags().keySet());
    }

    /**
     * The report's revenue per mailing: the attributed checkouts of the days from..to (A136) at the locations asked for
     * (with a SKU tag: their amounts for it) of the mailings of the channel asked for, summed per mailing.
     */
    static RevenuePort revenue(MailingRevenuePort attributed) {
        return (brand, from, to, locations, skuTag, channel) -> {
            Map<String, Long> perMailing = new TreeMap<>();
            attributed.daily(brand, from, to, skuTag).stream()
                    .filter(d -> locations.isEmpty() || locations.contains(d.location()))
                    .filter(d -> channel.isEmpty() || channel.get() == d.channel())
                    .forEach(d -> perMailing.merge(d.mailing(), d.revenue().amount(), Math::addExact));
            return perMailing;
        };
    }

    @Provides
    @IntoSet
    static OfficeArea explore(DynamoStorage storage, Clock clock) {
        CheckoutConfigPort configs = storage.checkoutConfig();
        RollupUseCase accounting = new RollupUseCase(storage.activityLog(), storage.rollups(),
                new BrandZones(configs, clock), clock);
        ExploreRollupUseCase rollups = new ExploreRollupUseCase(storage.activityLog(), storage.explore(), configs::load,
                clock);
        return new ExplorePages(new ExploreDataUseCase(accounting, rollups, storage.programs(), configs),
                new ScoreBreakdownUseCase(storage.customerScores(), storage.scoreSettings()));
    }

    @Provides
    @IntoSet
    static OfficeArea segments(DynamoStorage storage, LocationsPort locations, AuditLogPort audit, RandomSource random,
                               SegmentEvaluationUseCase evaluation, Optional<ReportCenterUseCase> reports,
                               OfficeSettings settings, Clock clock) {
        return new SegmentPages(new SegmentUseCase(storage.segments(), storage.brandCards(),
                SegmentEvaluations.memberFacts(storage, locations, clock), new BrandZones(storage.checkoutConfig(), clock),
                brand -> storage.brandSetup().brand(brand).flatMap(Brand::defaultCoordinates), audit, random, clock),
                evaluation, reports, settings.local());
    }

    /**
     * Scheduled sends. The fan-out is reached lazily (a send due at once): a graph without the portal's secret still
     * shows the pages, and only starting a send fails.
     */
    @Provides
    @IntoSet
    static OfficeArea sends(DynamoStorage storage, LocationsPort locations, AuditLogPort audit, EmailOutboxPort outbox,
                            Lazy<SendFanoutUseCase> fanout, Optional<SmsChannel> sms, OfficeSettings settings,
                            RandomSource random, Clock clock) {
        SignedTokens portalTokens = SignedTokens.fromText(settings.portalSecret().orElse(settings.requireSigningSecret()));
        SendsUseCase sends = new SendsUseCase(storage.sends(), storage.templates(), storage.portalConfigs(),
                storage.segments(), storage.testLists(), storage.cards(), outbox, new SendMails(new LinkTokens(portalTokens)),
                sms, send -> fanout.get().start(send), new SetupAudit(audit, random, clock), random, clock);
        return new SendPages(sends, new TemplatesUseCase(storage.templates(), storage.portalConfigs(), storage.programs(),
                new CardQueriesUseCase(storage.cards(), storage.cardLedger(), clock), storage.cardLedger(), locations,
                new JsoupHtmlSanitizer(), random, clock),
                new PortalSetupUseCase(storage.portalConfigs(), storage.programs(), audit, random, clock),
                new SegmentUseCase(storage.segments(), storage.brandCards(),
                        SegmentEvaluations.memberFacts(storage, locations, clock), new BrandZones(storage.checkoutConfig(),
                        clock), brand -> storage.brandSetup().brand(brand).flatMap(Brand::defaultCoordinates), audit,
                        random, clock),
                new TestListsUseCase(storage.testLists(), storage.cards(), random, clock),
                new BrandZones(storage.checkoutConfig(), clock), settings.local(),
                ReportsModule.portalOrigin());
    }
}
