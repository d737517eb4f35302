package io.tally.domain.fakes;

import io.tally.domain.communication.TestList;
import io.tally.domain.communication.TestListsPort;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test lists in memory, with the DynamoDB adapter's conditions (id free; the version before). */
public final class InMemoryTestLists implements TestListsPort {
    private final Map<String, TestList> lists = new TreeMap<>();

    @Override
    public synchronized boolean create(TestList list) {
        return list.version() == 1 && lists.putIfAbsent(list.brand().value() + "|" + list.id(), list) == null;
    }

    @Override
    public synchronized boolean update(TestList changed) {
        String key = changed.brand().value() + "|" + changed.id();
        TestList stored = lists.get(key);
        if (stored == null || stored.version() != changed.version() - 1) {
            return false;
        }
        lists.put(key, changed);
        return true;
    }

    @Override
    public synchronized Optional<TestList> find(BrandId brand, String id) {
        return Optional.ofNullable(lists.get(brand.value() + "|" + id));
    }

    @Override
    public synchronized List<TestList> list(BrandId brand) {
        return lists.values().stream().filter(l -> l.brand().equals(brand)).limit(MAX_PER_BRAND).toList();
    }
}
