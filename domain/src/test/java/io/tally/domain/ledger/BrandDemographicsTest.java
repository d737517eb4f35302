package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** updateAccount's brandDemographics against the brand's customer model. */
class BrandDemographicsTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    BrandDemographicsTest() {
        PortalConfig config = PortalTestData.config(BRAND);
        List<DemographicField> fields = new ArrayList<>(PortalTestData.BRAND_FIELDS);
        fields.add(new DemographicField("tier", "Tier", DemographicField.Type.CHOICE, true, List.of("Gold", "Silver")));
        w.portals.save(config.withCustomerModel(config.customerModel(), fields));
    }

    private Outcome<Card> update(Map<String, String> demographics, boolean enroll) {
        return w.account.update(new UpdateAccountUseCase.UpdateAccountCommand(context(), w.info(), card, Optional.empty(),
                Optional.empty(), demographics, Map.of(), Map.of(), Optional.empty(), enroll, Optional.empty()));
    }

    private static String detail(Outcome<?> o) {
        Rejected<?> r = (Rejected<?>) o;
        assertEquals(Reason.INVALID_REQUEST, r.rejection().reason());
        return r.rejection().detail();
    }

    @Test
    void values_are_stored_normalised() {
        update(Map.of("store", "airport", "oatMilk", "YES", "cups", "2"), false).value();
        assertEquals(Map.of("store", "Airport", "oatMilk", "true", "cups", "2"),
                w.cards.load(BRAND, card).orElseThrow().brandDemographics());
    }

    @Test
    void an_unknown_field_a_wrong_type_and_a_bad_choice_are_refused_with_a_clear_message() {
        assertEquals("brandDemographics.shoeSize: \"shoeSize\" is not a field of the brand's customer model.",
                detail(update(Map.of("shoeSize", "42"), false)));
        assertEquals("brandDemographics.cups: Cups a day must be a number, like 12 or 3.5.",
                detail(update(Map.of("cups", "two"), false)));
        assertEquals("brandDemographics.store: Favourite store must be one of Downtown, Airport.",
                detail(update(Map.of("store", "Mars"), false)));
        assertTrue(w.cards.load(BRAND, card).orElseThrow().brandDemographics().isEmpty(), "nothing half-applied");
    }

    @Test
    void enrolling_needs_every_required_field_stored_or_given() {
        assertEquals("brandDemographics.tier: Tier is required.", detail(update(Map.of("cups", "1"), true)));
        assertTrue(w.ledger.all(BRAND, card).isEmpty(), "no ENROLL entry for a refused enrollment");
        update(Map.of("tier", "Gold"), false).value();
        assertTrue(update(Map.of(), true).isAccepted(), "the stored value counts");
        assertFalse(w.cards.load(BRAND, card).orElseThrow().enrolledAt().isEmpty());
    }
}
