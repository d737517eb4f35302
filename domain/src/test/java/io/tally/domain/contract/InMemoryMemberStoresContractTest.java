package io.tally.domain.contract;

import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaimPort;

class InMemoryMemberStoresContractTest extends MemberStoresContract {
    private final InMemoryMemberStores stores = new InMemoryMemberStores();

    @Override
    protected PortalConfigPort configs() {
        return stores;
    }

    @Override
    protected MemberDirectoryPort directory() {
        return stores;
    }

    @Override
    protected AttemptCounterPort counters() {
        return stores;
    }

    @Override
    protected PreferencesPort preferences() {
        return stores;
    }

    @Override
    protected ReferralClaimPort referrals() {
        return stores;
    }

    @Override
    protected SentEmailsPort sentEmails() {
        return stores;
    }
}
