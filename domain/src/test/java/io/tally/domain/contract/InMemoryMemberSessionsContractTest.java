package io.tally.domain.contract;

import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.fakes.InMemoryMemberSessions;

class InMemoryMemberSessionsContractTest extends MemberSessionsContract {
    private final InMemoryMemberSessions sessions = new InMemoryMemberSessions();

    @Override
    protected MemberSessionsPort sessions() {
        return sessions;
    }
}
