package io.tally.domain.fakes;

import io.tally.domain.communication.rule.Rule;
import io.tally.domain.communication.rule.RulesPort;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Rules in memory, with the DynamoDB adapter's conditions (id free; the version before). */
public final class InMemoryRules implements RulesPort {
    private final Map<String, Rule> rules = new TreeMap<>();

    private static String key(BrandId brand, String id) {
        return brand.value() + "|" + id;
    }

    @Override
    public synchronized boolean create(Rule rule) {
        return rule.version() == 1 && rules.putIfAbsent(key(rule.brand(), rule.id()), rule) == null;
    }

    @Override
    public synchronized boolean update(Rule changed) {
        Rule stored = rules.get(key(changed.brand(), changed.id()));
        if (stored == null || stored.version() != changed.version() - 1) {
            return false;
        }
        rules.put(key(changed.brand(), changed.id()), changed);
        return true;
    }

    @Override
    public synchronized Optional<Rule> find(BrandId brand, String id) {
        return Optional.ofNullable(rules.get(key(brand, id)));
    }

    @Override
    public synchronized List<Rule> list(BrandId brand) {
        return rules.values().stream().filter(r -> r.brand().equals(brand)).limit(MAX_PER_BRAND).toList();
    }

    /** Deletes a rule (the model test's "deleted rule"; the back office only pauses). */
    public synchronized void remove(BrandId brand, String id) {
        rules.remove(key(brand, id));
    }
}
