package io.tally.domain.communication;

import io.tally.domain.contract.TestListsContract;
import io.tally.domain.fakes.InMemoryTestLists;

class InMemoryTestListsContractTest extends TestListsContract {
    private final InMemoryTestLists lists = new InMemoryTestLists();

    @Override
    protected TestListsPort lists() {
        return lists;
    }
}
