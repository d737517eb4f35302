package io.tally.dynamo.store;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardPort;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.communication.assets.AssetsPort;
import io.tally.domain.communication.TestListsPort;
import io.tally.domain.communication.send.SendsPort;
import io.tally.domain.communication.rule.DateRunsPort;
import io.tally.domain.communication.rule.DueMailsPort;
import io.tally.domain.communication.rule.RulesPort;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.report.ExplorePort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.domain.tenant.LoadMerchantAccessPort;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB side of every port, on one table. The adapters themselves are package-private:
 * composition roots get ports from here and never see an item or an AWS exception.
 */
public final class DynamoStorage {
    private final Table table;

    public DynamoStorage(DynamoDbClient client, String tableName) {
        this.table = new Table(client, tableName);
    }

    public String tableName() {
        return table.name;
    }

    public LoadMerchantAccessPort merchantAccess() {
        return new DynamoMerchantAccess(table);
    }

    public LoadProgramsPort programs() {
        return new DynamoPrograms(table);
    }

    public ProvisioningPort provisioning() {
        return new DynamoProvisioning(table);
    }

    /** The back office's reads of a brand's configuration items (A50). */
    public BrandSetupReadPort brandSetup() {
        return new DynamoBrandSetup(table);
    }

    public ActivityLogPort activityLog() {
        return new DynamoActivityLog(table);
    }

    public ExplorePort explore() {
        return new DynamoExplore(table);
    }

    public AuditLogPort auditLog() {
        return new DynamoAuditLog(table);
    }

    /** A brand's event definitions (A70, A71). */
    public EventDefinitionsPort eventDefinitions() {
        return new DynamoEventDefinitions(table);
    }

    /** A card's recorded events (A72, A73). */
    public CardEventsPort cardEvents() {
        return new DynamoCardEvents(table);
    }

    public CardMailingsPort cardMailings() {
        return new DynamoCardMailings(table);
    }

    public MailingRevenuePort mailingRevenue() {
        return new DynamoMailingRevenue(table);
    }

    /** A card's statistics (A74, A75). */
    public CardStatsPort cardStats() {
        return new DynamoCardStats(table);
    }

    /** Customer scores per card and each brand's breakdown (A77, A78). */
    public CustomerScoresPort customerScores() {
        return new DynamoCustomerScores(table);
    }

    /** Each brand's customer score settings (A100). */
    public ScoreSettingsPort scoreSettings() {
        return new DynamoScoreSettings(table);
    }

    /** The scoring job's run over each brand (A101). */
    public ScoreRunsPort scoreRuns() {
        return new DynamoScoreRuns(table);
    }

    public CardPort cards() {
        return new DynamoCards(table);
    }

    public CardLocationsPort cardLocations() {
        return new DynamoCardLocations(table);
    }

    public CardLedgerPort cardLedger() {
        return new DynamoCardLedger(table);
    }

    public IdempotencyPort idempotency() {
        return new DynamoIdempotency(table);
    }

    public CouponPort coupons() {
        return new DynamoCoupons(table);
    }

    /** Anonymous checkout records (card checkouts live in the card's ledger). */
    public io.tally.domain.checkout.CheckoutRecordPort checkoutRecords() {
        return new DynamoCheckoutRecords(table);
    }

    /** The system clock sets only the TTL of the per-checkout slot records; no decision depends on it. */
    public CampaignBudgetPort campaignBudget() {
        return new DynamoCampaignBudget(table, Clock.systemUTC());
    }

    /** A brand's checkout configuration, read in one query (uncached: the composition root caches it). */
    public CheckoutConfigPort checkoutConfig() {
        return new DynamoCheckoutConfig(table);
    }

    /** The same, with the writes provisioning makes. */
    public CheckoutConfigStore checkoutConfigStore() {
        return new DynamoCheckoutConfig(table);
    }

    public PortalConfigPort portalConfigs() {
        return new DynamoPortalConfigs(table);
    }

    /** Attempt counters, preferences, referral claims and sent-e-mail claims (one adapter). */
    private DynamoMemberStores memberStores() {
        return new DynamoMemberStores(table);
    }

    /** The delivery statistics' events, firsts and counters (A120-A123); the system clock sets only expiries. */
    public DeliveryStatsPort deliveryStats() {
        return new DynamoDeliveryStats(table, Clock.systemUTC());
    }

    /** Addresses that bounced hard (A124, A125). */
    public BouncedAddressesPort bouncedAddresses() {
        return new DynamoDeliveryStats(table, Clock.systemUTC());
    }

    /** The member account's used sign-in links and ended sessions. */
    public MemberSessionsPort memberSessions() {
        return new DynamoMemberSessions(table);
    }

    /** Contact claims and the enrollments that make them. */
    public MemberDirectoryPort memberDirectory() {
        return new DynamoMemberDirectory(table);
    }

    public AttemptCounterPort attemptCounters() {
        return memberStores();
    }

    public PreferencesPort preferences() {
        return memberStores();
    }

    public ReferralClaimPort referralClaims() {
        return memberStores();
    }

    public SentEmailsPort sentEmails() {
        return memberStores();
    }

    /**
     * For SnapStart priming: builds the item schemas and maps a sample entry and card through them in memory (no
     * request), so the first request after a restore finds the enhanced client's mapping loaded and linked.
     */
    public void primeMappings(io.tally.domain.tenant.BrandId brand, io.tally.domain.card.CardNumber card) {
        LedgerItems.prime(brand, card);
    }

    /**
     * The same without a storage (no client, no request): for start-up work on another thread while the client is
     * built. The schemas are static, so a storage built meanwhile finds them ready: the brand's configuration (the
     * authentication's and the catalogue's items), cards and the ledger; the samples are mapped but not compared.
     */
    public static void prepareMappings(io.tally.domain.tenant.BrandId brand, io.tally.domain.card.CardNumber card) {
        java.util.Objects.requireNonNull(ConfigItems.API_KEY, "the configuration's schemas");
        LedgerItems.mapSamples(brand, card, false);
    }

    /** Coupon bulk load jobs and their progress. */
    public CouponLoadPort couponLoads() {
        return new DynamoCouponLoads(table);
    }

    /** Report Center reports and their progress (A66-A69). */
    public io.tally.domain.report.export.ReportsPort reports() {
        return new DynamoReports(table);
    }

    /** Batch loading of cards and ledger entries for imports and benchmarks; never used on a request path. */
    public DynamoBulkImport bulkImport() {
        return new DynamoBulkImport(table);
    }

    /** The back office's staff members (A36-A38). */
    public io.tally.domain.staff.StaffPort staff() {
        return new DynamoStaff(table);
    }

    /** A brand's locations and location groups, read for the back office (A39). */
    public io.tally.domain.tenant.LocationsPort locations() {
        return new DynamoBrandSetup(table);
    }

    /** The accounting rollups: days, month openings, marks and late notes (A52-A56). */
    public RollupPort rollups() {
        return new DynamoRollups(table);
    }

    /** Every brand of the stack, for the periodic jobs (A57). */
    public ListBrandsPort brandList() {
        return new DynamoBrandList(table);
    }

    /** A brand's test lists (A104, A105). */
    public TestListsPort testLists() {
        return new DynamoTestLists(table);
    }

    /** A brand's scheduled sends, their pages and the brand's sending rate (A109-A114). */
    public SendsPort sends() {
        return new DynamoSends(table);
    }

    /** A brand's e-mail templates (A106-A108). */
    public TemplatesPort templates() {
        return new DynamoTemplates(table);
    }

    public AssetsPort assets() {
        return new DynamoAssets(table);
    }

    /** A brand's rules, triggered communications (A115-A117). */
    public RulesPort rules() {
        return new DynamoRules(table);
    }

    /** The date rules' runs, one a brand (A139, A140). */
    public DateRunsPort dateRuns() {
        return new DynamoDateRuns(table);
    }

    /** Rule sends waiting out their delay (A118, A119). */
    public DueMailsPort dueRuleMails() {
        return new DynamoDueMails(table);
    }

    /** A brand's segments (A85-A87). */
    public SegmentsPort segments() {
        return new DynamoSegments(table);
    }

    /** Segment evaluation snapshots: headers, pages, members, the latest READY pointer (A90, A91, A93, A94). */
    public SegmentSnapshotsPort segmentSnapshots() {
        return new DynamoSegmentSnapshots(table);
    }

    /** A brand's handed-out cards, a page at a time over its card sets' pool indexes (A88). */
    public BrandCardsPort brandCards() {
        return new DynamoBrandCards(table, cards());
    }
}
