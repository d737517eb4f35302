package io.tally.domain.backoffice;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.EventSetupUseCase.EventForm;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSetupUseCaseTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryEventDefinitions store = new InMemoryEventDefinitions();
    private final EventSetupUseCase events = new EventSetupUseCase(store, audit, w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("a-1"), "admin@acme.test", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("n-1"), "analyst@acme.test", Role.ANALYST);

    private static String refusal(Outcome<?> o) {
        return ((Rejected<?>) o).rejection().detail();
    }

    private static EventForm review(String name) {
        return new EventForm(" review ", "feedback", name, "Any rating", Set.of("profilePage", "campaignManager"), "positive");
    }

    @Test
    void an_admin_defines_an_event_audited_and_an_edit_records_before_and_after() {
        EventDefinition saved = events.save(admin, SetupChange.CREATE, review("Wrote a review")).value();

        assertEquals(new EventDefinition(BRAND, new EventCategoryId("review"), EventType.FEEDBACK, "Wrote a review",
                "Any rating", Set.of(EventDisplay.PROFILE_PAGE, EventDisplay.CAMPAIGN_MANAGER), Sentiment.POSITIVE), saved);
        assertEquals(saved, store.find(BRAND, new EventCategoryId("review")).orElseThrow());
        assertEquals("setup.event.create", audit.all().get(0).action());
        assertEquals("event:review", audit.all().get(0).target());
        assertEquals("profilePage,campaignManager", audit.all().get(0).after().get("display"));

        events.save(admin, SetupChange.EDIT, review("Reviewed us")).value();
        assertEquals(Map.of("type", "feedback", "name", "Wrote a review", "description", "Any rating",
                "display", "profilePage,campaignManager", "sentiment", "positive"), audit.all().get(1).before());
        assertEquals("Reviewed us", events.definition(analyst, "review").orElseThrow().name());

        events.save(admin, SetupChange.EDIT, review("Reviewed us")).value();
        assertEquals(2, audit.all().size(), "an edit that changes nothing records nothing");
    }

    @Test
    void bad_input_and_the_wrong_case_are_refused_and_change_nothing() {
        events.save(admin, SetupChange.CREATE, review("Wrote a review")).value();

        assertEquals("There is already an event of category review. Choose another id, or edit it.",
                refusal(events.save(admin, SetupChange.CREATE, review("Again"))));
        assertEquals("There is no event of category visit.", refusal(events.save(admin, SetupChange.EDIT,
                new EventForm("visit", "inStore", "Visit", "", Set.of(), "neutral"))));
        assertEquals("The category id is 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.",
                refusal(events.save(admin, SetupChange.CREATE, new EventForm("a review", "feedback", "R", "", Set.of(), "positive"))));
        assertEquals("Choose the event's type.", refusal(events.save(admin, SetupChange.CREATE,
                new EventForm("x", "carrier-pigeon", "X", "", Set.of(), "positive"))));
        assertEquals("Choose the event's sentiment: positive, neutral or negative.", refusal(events.save(admin,
                SetupChange.CREATE, new EventForm("x", "other", "X", "", Set.of(), "ecstatic"))));
        assertEquals("Name the event (at most 100 characters).", refusal(events.save(admin, SetupChange.CREATE,
                new EventForm("x", "other", " ", "", Set.of(), "neutral"))));
        assertEquals("Unknown display setting: billboard.", refusal(events.save(admin, SetupChange.CREATE,
                new EventForm("x", "other", "X", "", Set.of("billboard"), "neutral"))));
        assertEquals(1, audit.all().size());
        assertEquals(1, events.definitions(admin).size());
    }

    @Test
    void an_analyst_reads_the_definitions_and_changes_nothing() {
        events.save(admin, SetupChange.CREATE, review("Wrote a review")).value();

        assertEquals(1, events.definitions(analyst).size());
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(events.save(analyst, SetupChange.EDIT, review("Mine now"))));
        assertTrue(events.definition(analyst, "review").orElseThrow().name().startsWith("Wrote"));
    }
}
