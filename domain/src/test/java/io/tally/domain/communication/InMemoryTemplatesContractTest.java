package io.tally.domain.communication;

import io.tally.domain.contract.TemplatesContract;
import io.tally.domain.fakes.InMemoryTemplates;

class InMemoryTemplatesContractTest extends TemplatesContract {
    private final InMemoryTemplates templates = new InMemoryTemplates();

    @Override
    protected TemplatesPort templates() {
        return templates;
    }
}
