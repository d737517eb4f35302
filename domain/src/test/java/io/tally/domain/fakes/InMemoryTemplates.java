package io.tally.domain.fakes;

import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** E-mail templates in memory, with the DynamoDB adapter's conditions (id free; the version before). */
public final class InMemoryTemplates implements TemplatesPort {
    private final Map<String, EmailTemplate> templates = new TreeMap<>();

    private static String key(BrandId brand, String id) {
        return brand.value() + "|" + id;
    }

    @Override
    public synchronized boolean create(EmailTemplate template) {
        return template.version() == 1 && templates.putIfAbsent(key(template.brand(), template.id()), template) == null;
    }

    @Override
    public synchronized boolean update(EmailTemplate changed) {
        EmailTemplate stored = templates.get(key(changed.brand(), changed.id()));
        if (stored == null || stored.version() != changed.version() - 1) {
            return false;
        }
        templates.put(key(changed.brand(), changed.id()), changed);
        return true;
    }

    @Override
    public synchronized Optional<EmailTemplate> find(BrandId brand, String id) {
        return Optional.ofNullable(templates.get(key(brand, id)));
    }

    @Override
    public synchronized List<TemplateSummary> list(BrandId brand) {
        return templates.values().stream().filter(t -> t.brand().equals(brand))
                .map(t -> new TemplateSummary(t.id(), t.name(), t.subject(), t.updatedAt())).toList();
    }
}
