package io.tally.domain.portal;

import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Identifiers;
import java.util.Objects;

/**
 * What a successful referral earns: the sender and the friend each get an issuance of one value type
 * (e.g. Points), in minor units. {@code invitationList} is the e-mail list invitations belong to, so a
 * friend who opted out of it is not mailed again.
 */
public record ReferralRewards(ValueTypeKey valueType, long senderAmount, long friendAmount, String invitationList) {
    public ReferralRewards {
        Objects.requireNonNull(valueType, "valueType");
        if (senderAmount <= 0 || friendAmount <= 0) {
            throw new IllegalArgumentException("referral rewards are positive amounts");
        }
        Identifiers.require(invitationList, "invitation list");
    }
}
