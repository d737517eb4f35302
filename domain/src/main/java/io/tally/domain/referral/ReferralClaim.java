package io.tally.domain.referral;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;

/** That the friend with this e-mail earned a referral reward for this sender: at most one per friend and brand. */
public record ReferralClaim(BrandId brand, String friendEmail, CardNumber sender, CardNumber friend, Instant claimedAt) {
    public ReferralClaim {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(friendEmail, "friendEmail");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(friend, "friend");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** Same sender and friend: a retry of the same reward, which may complete it. */
    public boolean sameReferral(ReferralClaim other) {
        return sender.equals(other.sender) && friend.equals(other.friend);
    }
}
