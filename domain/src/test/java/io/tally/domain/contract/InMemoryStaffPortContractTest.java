package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryStaff;
import io.tally.domain.staff.StaffPort;

class InMemoryStaffPortContractTest extends StaffPortContract {
    private final InMemoryStaff port = new InMemoryStaff();

    @Override
    protected StaffPort port() {
        return port;
    }
}
