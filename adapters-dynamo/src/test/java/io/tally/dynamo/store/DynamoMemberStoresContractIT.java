package io.tally.dynamo.store;

import io.tally.domain.contract.MemberStoresContract;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The member portal's storage contract against the DynamoDB adapters on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoMemberStoresContractIT extends MemberStoresContract {
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected PortalConfigPort configs() {
        return storage.portalConfigs();
    }

    @Override
    protected MemberDirectoryPort directory() {
        return storage.memberDirectory();
    }

    @Override
    protected AttemptCounterPort counters() {
        return storage.attemptCounters();
    }

    @Override
    protected PreferencesPort preferences() {
        return storage.preferences();
    }

    @Override
    protected ReferralClaimPort referrals() {
        return storage.referralClaims();
    }

    @Override
    protected SentEmailsPort sentEmails() {
        return storage.sentEmails();
    }
}
