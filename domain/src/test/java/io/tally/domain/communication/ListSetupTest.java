package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import org.junit.jupiter.api.Test;

/** The back office's e-mail lists: create, rename, archive and restore subscription lists; the rest refused clearly. */
class ListSetupTest {
    private final MemberWorld m = new MemberWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final PortalSetupUseCase setup = new PortalSetupUseCase(m.stores, m.world.programs, audit, m.world.random,
            m.world.clock);
    private final StaffScope admin = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-2"), "b@x.example", Role.ANALYST);

    {
        m.stores.save(m.config);
    }

    private SubscriptionList list(String id) {
        return m.stores.load(TestWorld.BRAND).orElseThrow().list(id).orElseThrow();
    }

    private static String refusal(Outcome<?> o) {
        return ((Rejected<?>) o).rejection().detail();
    }

    @Test
    void a_list_is_created_renamed_archived_and_restored_with_its_id_kept() {
        assertTrue(setup.createList(admin, "spring", "Spring offers", true).isAccepted());
        assertEquals(new SubscriptionList("spring", "Spring offers", false, true), list("spring"));
        assertTrue(setup.renameList(admin, "spring", "Spring and summer offers").isAccepted());
        assertTrue(setup.archiveList(admin, "spring", true).isAccepted());
        assertTrue(list("spring").archived());
        assertEquals("There is a list spring already (archived lists keep their id).",
                refusal(setup.createList(admin, "spring", "Again", false)));
        assertTrue(setup.archiveList(admin, "spring", false).isAccepted());
        assertEquals(new SubscriptionList("spring", "Spring and summer offers", false, true, false), list("spring"));
    }

    @Test
    void the_transactional_and_the_invitations_list_stay_and_bad_input_is_a_sentence() {
        assertEquals("The transactional list cannot be archived.", refusal(setup.archiveList(admin, "account", true)));
        assertEquals("Invitations belong to a configured, non-transactional list in use.",
                refusal(setup.archiveList(admin, "invitations", true)));
        assertEquals("The list id is 1-40 letters, digits, '-' or '_'.", refusal(setup.createList(admin, "a b", "X", false)));
        assertEquals("Subscription list names are 1-80 characters.", refusal(setup.createList(admin, "x", " ", false)));
        assertEquals("There is no list nope.", refusal(setup.renameList(admin, "nope", "X")));
        assertFalse(setup.createList(analyst, "x", "X", false).isAccepted());
        assertFalse(list("account").archived());
    }
}
