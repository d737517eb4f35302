package io.tally.domain.fakes;

import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link EventDefinitionsPort}. */
public final class InMemoryEventDefinitions implements EventDefinitionsPort {
    private final Map<String, EventDefinition> definitions = new ConcurrentHashMap<>();

    @Override
    public boolean save(EventDefinition definition) {
        return !definition.equals(definitions.put(key(definition.brand(), definition.category()), definition));
    }

    @Override
    public Optional<EventDefinition> find(BrandId brand, EventCategoryId category) {
        return Optional.ofNullable(definitions.get(key(brand, category)));
    }

    @Override
    public List<EventDefinition> list(BrandId brand) {
        return definitions.values().stream().filter(d -> d.brand().equals(brand))
                .sorted(Comparator.comparing(d -> d.category().value())).toList();
    }

    private static String key(BrandId brand, EventCategoryId category) {
        return brand.value() + "/" + category.value();
    }
}
