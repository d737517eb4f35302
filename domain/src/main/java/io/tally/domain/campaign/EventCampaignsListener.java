package io.tally.domain.campaign;

import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.IssueUseCase.AwardCommand;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.ledger.IdempotencyPort.Claim;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires the brand's event campaigns ({@link Campaign#onEvent}) on a recorded event, in the events consumer, exactly once
 * per event and award however often the event is delivered and wherever the consumer died before:
 * <ul>
 *   <li>which campaigns fire is a function of the event alone: enabled and inside their window at the event's
 *       {@code occurredAt} (not when the consumer ran), the condition matching its category and value, and the card in
 *       one of the segments of each "card in segment" condition (looked up for those campaigns only,
 *       {@link SegmentLookups#lookUpAsOf}: as the snapshot READY last at the event's {@code occurredAt} says, so a
 *       redelivery processed after another snapshot completed decides the same); all that match fire, in
 *       {@link CampaignEngine#ORDER} (stacking is a checkout's notion);</li>
 *   <li>a total limit takes the campaign's budget slot keyed by the event's id, so a redelivery gets the first take's
 *       answer and takes no second slot;</li>
 *   <li>each award is one ISSUE entry whose customRequestId is derived from the event's id, the campaign and the
 *       award's place ({@link #requestId}), claimed in the brand's {@link IdempotencyPort} the way the merchant API
 *       claims a ledger method's id (a lease that lapses at once: the card serialises the attempts): a fresh claim
 *       means no delivery wrote before; a takeover names when the first delivery began, and the ledger writer looks
 *       for its entry in the card's request ring and in the card's history since then, so the ledger's one conditional
 *       append decides the award once (the claim record outlives SQS's longest retention; a retry of the recordEvent
 *       request, which queues the same id with a later recording time, meets the same claim).</li>
 * </ul>
 * A card that cannot take the award (not found, not active, over a balance limit, no such value type) gets nothing;
 * a contended card throws, so the message comes again.
 */
public final class EventCampaignsListener implements Consumer<DomainEvent> {
    /** Prefix of the customRequestIds of awards; a merchant's own ids never start with it (they are claimed per brand). */
    public static final String REQUEST_PREFIX = "event-award/";
    private static final String API_KEY = "events-consumer";
    private static final int TOKEN_BYTES = 16;

    private final CheckoutConfigPort configs;
    private final CampaignBudgetPort budget;
    private final IssueUseCase issue;
    private final IdempotencyPort claims;
    private final RandomSource random;
    private final SegmentMembershipPort segments;
    private final Clock clock;

    /** Without segment snapshots: a campaign with a "card in segment" condition never fires. */
    public EventCampaignsListener(CheckoutConfigPort configs, CampaignBudgetPort budget, IssueUseCase issue,
                                  IdempotencyPort claims, RandomSource random, Clock clock) {
        this(configs, budget, issue, claims, (brand, segment, card) -> false, random, clock);
    }

    public EventCampaignsListener(CheckoutConfigPort configs, CampaignBudgetPort budget, IssueUseCase issue,
                                  IdempotencyPort claims, SegmentMembershipPort segments, RandomSource random,
                                  Clock clock) {
        this.segments = segments;
        this.configs = configs;
        this.budget = budget;
        this.issue = issue;
        this.claims = claims;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public void accept(DomainEvent event) {
        RecordedEvent.of(event).ifPresent(this::fire);
    }

    /** The event campaigns that fire on the event, from the brand's configuration and the card's segments. */
    static List<Campaign> firing(CheckoutConfig config, RecordedEvent e, SegmentMembershipPort segments) {
        List<Campaign> onEvent = config.campaigns().stream()
                .filter(c -> c.onEvent() && c.activeAt(e.occurredAt()))
                .filter(c -> c.conditions().stream().allMatch(k -> !(k instanceof Campaign.EventOfCategory ev)
                        || ev.matches(e.category(), e.valueHundredths())))
                .sorted(CampaignEngine.ORDER).toList();
        Map<SegmentId, Boolean> in = SegmentLookups.lookUpAsOf(segments, e.brand(), e.card(), onEvent, e.occurredAt());
        return onEvent.stream().filter(c -> c.conditions().stream().allMatch(k -> !(k instanceof Campaign.InSegment s)
                || s.segments().stream().anyMatch(id -> in.getOrDefault(id, false)))).toList();
    }

    /** The customRequestId of the {@code index}th award of {@code campaign} on the event (at most 128 characters). */
    static String requestId(RecordedEvent e, CampaignId campaign, int index) {
        return REQUEST_PREFIX + e.id() + "/" + campaign.value() + "/" + index;
    }

    private void fire(RecordedEvent e) {
        for (Campaign c : firing(configs.load(e.brand()), e, segments)) {
            if (c.limits().total().isPresent() && !budget.take(e.brand(), c.id(), REQUEST_PREFIX + e.id(), c.limits().total().get())) {
                continue;
            }
            for (int i = 0; i < c.results().size(); i++) {
                award(e, c, i, (Campaign.Award) c.results().get(i));
            }
        }
    }

    private void award(RecordedEvent e, Campaign c, int index, Campaign.Award award) {
        String requestId = requestId(e, c.id(), index);
        String fingerprint = Fingerprint.of("award", e.card().value(), award.valueType().asText(), award.amount().toPlainString());
        Instant now = clock.instant();
        Claim claim = claims.claim(e.brand(), requestId, fingerprint, token(), now, now);
        if (claim instanceof Claim.InProgress) {
            throw new IllegalStateException("award " + requestId + " is being written by another delivery; the event comes again");
        }
        if (!(claim instanceof Claim.Claimed claimed)) {
            return; // Completed is never stored for awards; Reused: the campaign's award changed since the first delivery
        }
        RequestInfo info = new RequestInfo(Optional.empty(), Optional.of("campaign " + c.id() + " on event " + e.category()),
                e.requestRef(), Optional.of(requestId),
                claimed.takenOver().map(IdempotencyPort.IdempotencyRecord::claimedAt));
        MerchantContext context = new MerchantContext(e.brand(), e.location(), e.terminal(), Optional.empty(), API_KEY);
        Outcome<BalanceResult> done = issue.award(new AwardCommand(context, info, e.card(), award.valueType(), award.amount()));
        if (done instanceof Outcome.Rejected<BalanceResult> r && r.rejection().reason() == Reason.CONTENDED) {
            throw new IllegalStateException("card " + e.card() + " stayed contended; the event comes again");
        }
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
