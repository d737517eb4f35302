package io.tally.domain.contract;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.fakes.InMemoryAuditLog;

class InMemoryAuditLogContractTest extends AuditLogPortContract {
    private final InMemoryAuditLog port = new InMemoryAuditLog();

    @Override
    protected AuditLogPort port() {
        return port;
    }
}
