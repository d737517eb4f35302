package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.TemplatesUseCase.Rendered;
import io.tally.domain.communication.TemplatesUseCase.SaveCommand;
import io.tally.domain.communication.TemplatesUseCase.Saved;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Saving templates (merge fields checked, HTML sanitised) and previewing one for a card (its data, escaped). */
class TemplatesUseCaseTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final List<String> sanitised = new ArrayList<>();
    /** Records what it was given and marks its output, so a test sees where the sanitiser ran (the real one: jsoup). */
    private final HtmlSanitizerPort sanitizer = html -> {
        sanitised.add(html);
        return html.replaceAll("(?s)<script.*?</script>", "");
    };
    private final InMemoryLocations locations = new InMemoryLocations()
            .add(new LocationGroup(TestWorld.BRAND, new LocationGroupId("g1"), "All"))
            .add(new Location(TestWorld.BRAND, new LocationId("store-1"), new LocationGroupId("g1"), "Downtown <Main>",
                    Optional.empty()));
    private final TemplatesUseCase useCase = new TemplatesUseCase(templates, m.stores, w.programs, w.queries, w.ledger,
            locations, sanitizer, w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-2"), "b@x.example", Role.ANALYST);

    {
        m.stores.save(m.config);
    }

    private SaveCommand form(String subject, String html, String text) {
        return new SaveCommand(Optional.empty(), "Spring", subject, html, text, 0);
    }

    @Test
    void unknown_merge_fields_and_broken_syntax_are_the_forms_errors_and_nothing_is_stored() {
        Saved saved = useCase.save(admin, form("Hi {{customer.nickname}} {{customer.shoeSize}}",
                "<p>{{balance Currency:EUR}}</p>", "Hello {{customer.firstName"));
        Map<String, String> problems = assertInstanceOf(Saved.Invalid.class, saved).problems();
        assertEquals("Unknown merge field {{customer.shoeSize}}: use the fields listed beside the form.", problems.get("subject"));
        assertTrue(problems.get("html").contains("{{balance Currency:EUR}}"), problems.toString());
        assertTrue(problems.get("text").contains("not closed"), problems.toString());
        assertTrue(templates.list(TestWorld.BRAND).isEmpty());
        assertInstanceOf(Saved.NotAllowed.class, useCase.save(analyst, form("Hi", "", "")));
    }

    @Test
    void html_is_sanitised_at_save_and_a_stale_form_is_refused() {
        var done = assertInstanceOf(Saved.Done.class, useCase.save(admin, form("Hi {{customer.firstName | friend}}",
                "<p>Hi</p><script>alert(1)</script>", "Hi")));
        assertEquals("<p>Hi</p>", done.template().html());
        EmailTemplate t = done.template();
        var edit = new SaveCommand(Optional.of(t.id()), "Spring 2", t.subject(), t.html(), "Hello", t.version());
        assertInstanceOf(Saved.Done.class, useCase.save(admin, edit));
        assertInstanceOf(Saved.Conflict.class, useCase.save(admin, edit), "saved over since");
        assertEquals("Spring 2", useCase.find(admin, t.id()).orElseThrow().name());
    }

    @Test
    void a_preview_renders_the_cards_data_escaped_and_sanitises_again() {
        CardNumber number = w.activeCard();
        Card card = w.cards.load(TestWorld.BRAND, number).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("<Ada>", "Lovelace", "ada@example.com",
                null, null, null, null, null, null, null, null, null)), Optional.empty(), Map.of("cups", "3"), Map.of(),
                Map.of(), card.enrolledAt()));
        w.cards.update(w.cards.load(TestWorld.BRAND, number).orElseThrow()
                .withOwningLocation(Optional.of(new LocationId("store-1"))));
        w.issue(number, 1250);
        var done = assertInstanceOf(Saved.Done.class, useCase.save(admin, form(
                "{{customer.firstName}}, you have {{balance Currency:USD}}",
                "<p>Hi {{customer.firstName}} at {{location.name}}: {{balance Currency:USD}} USD,"
                        + " {{balance Points}} points, {{customer.cups}} cups, last {{transaction.type}}"
                        + " ({{transaction.amounts}}) <a href=\"{{link.unsubscribe}}\">Unsubscribe</a></p>",
                "Hi {{customer.firstName}}, {{customer.phone | no phone}}, card {{card.lastFour}}")));
        sanitised.clear();

        Rendered r = useCase.preview(admin, done.template().id(), number.value()).value();
        assertEquals("<Ada>, you have 12.50", r.subject());
        assertEquals("Hi <Ada>, no phone, card " + number.lastFour(), r.text());
        assertEquals("<p>Hi &lt;Ada&gt; at Downtown &lt;Main&gt;: 12.50 USD, 0 points, 3 cups, last issue (12.50 Currency:USD)"
                + " <a href=\"#unsubscribe\">Unsubscribe</a></p>", r.html());
        assertEquals(List.of(r.html()), sanitised, "the merged HTML went through the sanitiser");

        assertFalse(useCase.preview(admin, done.template().id(), "0000").isAccepted(), "no such card");
        assertFalse(useCase.preview(analyst, done.template().id(), number.value()).isAccepted(), "admins only");
    }
}
