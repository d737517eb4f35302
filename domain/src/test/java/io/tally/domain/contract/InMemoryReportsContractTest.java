package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryReports;
import io.tally.domain.report.export.ReportsPort;

class InMemoryReportsContractTest extends ReportsPortContract {
    private final InMemoryReports port = new InMemoryReports();

    @Override
    protected ReportsPort port() {
        return port;
    }
}
