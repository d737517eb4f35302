package io.tally.domain.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enrollment form's brand fields (PortalTestData's model: one optional field of every type). */
class EnrollBrandFieldsTest {
    private final MemberWorld m = new MemberWorld();

    @Test
    void brand_fields_are_checked_per_input_and_stored_on_the_new_card() {
        Result bad = m.join(Map.of("firstName", "Ada", "email", "ada@example.com", "bd.store", "Mars", "bd.cups", "lots"),
                Optional.empty(), "b1");
        Map<String, String> problems = assertInstanceOf(Result.Invalid.class, bad).problems();
        assertEquals("Favourite store must be one of Downtown, Airport.", problems.get("bd.store"));
        assertEquals("Cups a day must be a number, like 12 or 3.5.", problems.get("bd.cups"));

        Result ok = m.join(Map.of("firstName", "Ada", "email", "ada@example.com", "bd.store", "airport", "bd.oatMilk", "true"),
                Optional.empty(), "b1");
        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, ok);
        assertEquals(Map.of("store", "Airport", "oatMilk", "true"),
                m.world.cards.load(TestWorld.BRAND, ada.card()).orElseThrow().brandDemographics());
    }
}
