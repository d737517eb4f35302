package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.PortalTestData;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** updateAccount's brandDemographics against the brand's customer model, through the whole API: error 1, a clear message. */
class BrandDemographicsApiTest {
    private final MerchantHarness h = new MerchantHarness();
    private final String card = h.world.activeCard().value();

    BrandDemographicsApiTest() {
        PortalConfig config = PortalTestData.config(TestWorld.BRAND);
        List<DemographicField> fields = new ArrayList<>(PortalTestData.BRAND_FIELDS);
        fields.add(new DemographicField("tier", "Tier", DemographicField.Type.CHOICE, true, List.of("Gold", "Silver")));
        h.world.portals.save(config.withCustomerModel(config.customerModel(), fields));
    }

    private MerchantHarness.Response update(String fields) {
        return h.call("updateAccount", j("{'cardNumber':'" + card + "'," + fields + "}"));
    }

    @Test
    void unknown_field_wrong_type_bad_choice_and_missing_required_field_are_error_1_with_the_reason() {
        List<String[]> cases = List.of(
                new String[] {"'brandDemographics':[{'fieldName':'shoeSize','value':'42'}]",
                        "brandDemographics.shoeSize: \"shoeSize\" is not a field of the brand's customer model."},
                new String[] {"'brandDemographics':[{'fieldName':'cups','value':'two'}]",
                        "brandDemographics.cups: Cups a day must be a number, like 12 or 3.5."},
                new String[] {"'brandDemographics':[{'fieldName':'tier','value':'Bronze'}]",
                        "brandDemographics.tier: Tier must be one of Gold, Silver."},
                new String[] {"'countAsEnrollment':true,'brandDemographics':[{'fieldName':'cups','value':'2'}]",
                        "brandDemographics.tier: Tier is required."});
        for (String[] c : cases) {
            var r = update(c[0]);
            assertEquals(1, r.code(), r.raw());
            assertEquals(c[1], r.message(), r.raw());
        }
        var ok = update("'countAsEnrollment':true,'brandDemographics':[{'fieldName':'tier','value':'gold'}],"
                + "'primaryCustomer':{'email':'ann@example.com'}");
        assertTrue(ok.ok(), ok.raw());
        var found = h.call("search", j("{'filters':{'cardNumber':'" + card + "'},'returnFields':{'brandDemographics':true}}"));
        assertEquals("Gold", found.get("cards").get(0).get("brandDemographics").get(0).get("value").asText(), found.raw());
    }
}
