package io.tally.domain.referral;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Customer;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewards a referral once the friend has enrolled through the sender's link: the sender and the friend each get
 * the brand's configured issuance. Exactly once per friend: a conditional claim keyed by the friend's e-mail
 * decides, and both issuances carry deterministic customRequestIds, so retries never pay twice: a retry (it finds its own
 * claim) also has the ledger look through each card's history since the claim, in case the card has served more
 * requests since than its request ring remembers. Never for
 * self-referral (same card, same e-mail or same phone as the sender).
 */
public final class RewardReferralUseCase {
    private final CardPort cards;
    private final ReferralClaimPort claims;
    private final IssueUseCase issue;
    private final PublishEventPort events;
    private final Clock clock;

    public RewardReferralUseCase(CardPort cards, ReferralClaimPort claims, IssueUseCase issue, PublishEventPort events,
                                 Clock clock) {
        this.cards = cards;
        this.claims = claims;
        this.issue = issue;
        this.events = events;
        this.clock = clock;
    }

    public sealed interface Result {
        record Rewarded(ReferralRewards rewards) implements Result {
        }

        record NotEligible(String why) implements Result {
        }
    }

    public Result reward(PortalConfig config, CardNumber sender, CardNumber friend, String requestRef) {
        if (config.referral().isEmpty()) {
            return new Result.NotEligible("the brand has no referral rewards");
        }
        ReferralRewards rewards = config.referral().get();
        Optional<Card> senderCard = cards.load(config.brand(), sender);
        Optional<Card> friendCard = cards.load(config.brand(), friend);
        if (senderCard.isEmpty() || friendCard.isEmpty()) {
            return new Result.NotEligible("unknown card");
        }
        Optional<String> friendEmail = friendCard.get().primaryCustomer().flatMap(Customer::searchableEmail);
        if (friendEmail.isEmpty()) {
            return new Result.NotEligible("the friend has no e-mail");
        }
        if (sender.equals(friend) || samePerson(senderCard.get(), friendCard.get())) {
            return new Result.NotEligible("self-referral");
        }
        ReferralClaim mine = new ReferralClaim(config.brand(), friendEmail.get(), sender, friend,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<ReferralClaim> existing = claims.claim(mine);
        if (existing.isPresent() && !existing.get().sameReferral(mine)) {
            return new Result.NotEligible("this friend was already referred");
        }
        String key = Fingerprint.of(config.brand().value(), friendEmail.get());
        // a retry (the claim was there): the first attempt may have paid since its claim, beyond what a card's request ring remembers
        Optional<Instant> resumeSince = existing.map(ReferralClaim::claimedAt);
        pay(config, sender, rewards.senderAmount(), "referral-sender-" + key, requestRef, resumeSince);
        pay(config, friend, rewards.friendAmount(), "referral-friend-" + key, requestRef, resumeSince);
        events.publish(List.of(new DomainEvent("referral-" + config.brand().value() + "-" + key, "referral.rewarded",
                config.brand(), existing.orElse(mine).claimedAt(), Map.of("sender", sender.value(),
                "friend", friend.value(), "valueType", rewards.valueType().asText(),
                "senderAmount", Long.toString(rewards.senderAmount()), "friendAmount", Long.toString(rewards.friendAmount())))));
        return new Result.Rewarded(rewards);
    }

    private void pay(PortalConfig config, CardNumber card, long amount, String customRequestId, String requestRef,
                     Optional<Instant> resumeSince) {
        RequestInfo info = RequestInfo.of(requestRef).withCustomRequestId(customRequestId);
        var outcome = issue.issue(new IssueUseCase.IssueCommand(config.merchantContext(),
                resumeSince.map(info::withResumeSince).orElse(info), card,
                config.referral().orElseThrow().valueType(), amount, Optional.empty(), false, Optional.empty()));
        if (!outcome.isAccepted()) {
            // a configuration fault (unknown value type, limits): visible, and the claim lets a retry complete it
            throw new IllegalStateException("referral reward not issued: " + ((Outcome.Rejected<?>) outcome).rejection());
        }
    }

    private static boolean samePerson(Card a, Card b) {
        Optional<Customer> x = a.primaryCustomer();
        Optional<Customer> y = b.primaryCustomer();
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        boolean email = x.get().searchableEmail().isPresent() && x.get().searchableEmail().equals(y.get().searchableEmail());
        boolean phone = x.get().searchablePhone().filter(p -> !p.isEmpty()).isPresent()
                && x.get().searchablePhone().equals(y.get().searchablePhone());
        return email || phone;
    }

    static String normalize(String email) {
        return ProfileRules.normalizeEmail(email);
    }
}
