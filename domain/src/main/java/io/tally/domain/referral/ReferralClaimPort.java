package io.tally.domain.referral;

import java.util.Optional;

/**
 * The exactly-once guard of referral rewards: one claim per (brand, friend e-mail), written with one
 * conditional write before any value is issued. The issuances themselves are idempotent (deterministic
 * customRequestIds), so a crash after the claim is completed by the retry that finds its own claim.
 */
public interface ReferralClaimPort {
    /** Empty if this call claimed it; otherwise the claim that was already there. */
    Optional<ReferralClaim> claim(ReferralClaim claim);
}
