package io.tally.domain.communication.rule;

import io.tally.domain.contract.RuleStoresContract;
import io.tally.domain.fakes.InMemoryDateRuns;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.fakes.InMemoryRules;

class InMemoryRuleStoresContractTest extends RuleStoresContract {
    private final InMemoryRules rules = new InMemoryRules();
    private final InMemoryDueMails due = new InMemoryDueMails();
    private final InMemoryDateRuns runs = new InMemoryDateRuns();

    @Override
    protected RulesPort rules() {
        return rules;
    }

    @Override
    protected DueMailsPort dueMails() {
        return due;
    }

    @Override
    protected DateRunsPort dateRuns() {
        return runs;
    }
}
