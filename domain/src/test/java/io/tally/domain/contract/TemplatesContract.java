package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.communication.TemplatesPort.TemplateSummary;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link TemplatesPort}: created once by id, changed only over the version read, found, listed per brand in id order. */
public abstract class TemplatesContract {
    protected abstract TemplatesPort templates();

    private final BrandId brand = new BrandId("T" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");

    private EmailTemplate template(String id, long version, String subject) {
        return new EmailTemplate(brand, id, "Spring offer", subject, "<p>Hello {{customer.firstName}}</p>",
                "Hello {{customer.firstName}}", t0.plusSeconds(version), "staff-1", version);
    }

    @Test
    void a_template_is_created_once_and_read_back_whole() {
        EmailTemplate first = template("a1", 1, "Hi {{customer.firstName | friend}}");
        assertTrue(templates().create(first));
        assertFalse(templates().create(template("a1", 1, "another")), "the id is taken");
        assertEquals(Optional.of(first), templates().find(brand, "a1"));
        assertTrue(templates().find(new BrandId("OTHER"), "a1").isEmpty(), "another brand's");
        assertTrue(templates().find(brand, "zz").isEmpty());
    }

    @Test
    void a_change_needs_the_version_it_was_made_on() {
        assertTrue(templates().create(template("b1", 1, "one")));
        assertTrue(templates().update(template("b1", 2, "two")));
        assertFalse(templates().update(template("b1", 2, "two again")), "a second editor of version 1 is refused");
        assertFalse(templates().update(template("b9", 2, "missing")), "no such template");
        assertEquals("two", templates().find(brand, "b1").orElseThrow().subject());
    }

    @Test
    void a_brands_templates_are_listed_in_id_order_without_their_parts() {
        templates().create(template("c2", 1, "second"));
        templates().create(template("c1", 1, "first"));
        assertEquals(List.of(new TemplateSummary("c1", "Spring offer", "first", t0.plusSeconds(1)),
                new TemplateSummary("c2", "Spring offer", "second", t0.plusSeconds(1))), templates().list(brand));
    }
}
