package io.tally.domain.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CustomerModelTest {
    private static final DemographicField TIER = new DemographicField("tier", "Tier", DemographicField.Type.CHOICE, true,
            List.of("Gold", "Silver"));
    private static final DemographicField CUPS = new DemographicField("cups", "Cups a day", DemographicField.Type.NUMBER,
            false, List.of());
    private static final DemographicField SINCE = new DemographicField("since", "Customer since", DemographicField.Type.DATE,
            false, List.of());
    private static final DemographicField OAT = new DemographicField("oat", "Oat milk", DemographicField.Type.BOOLEAN,
            false, List.of());
    private static final List<DemographicField> MODEL = List.of(TIER, CUPS, SINCE, OAT);

    @Test
    void values_are_normalised_to_their_type() {
        CustomerModel.Checked checked = CustomerModel.values(MODEL,
                Map.of("tier", " gold ", "cups", "3.5", "since", "2020-02-29", "oat", "Yes"));
        assertTrue(checked.valid(), checked.problems().toString());
        assertEquals(Map.of("tier", "Gold", "cups", "3.5", "since", "2020-02-29", "oat", "true"), checked.values());
    }

    @Test
    void each_wrong_value_is_a_problem_naming_the_field_by_its_label() {
        CustomerModel.Checked checked = CustomerModel.values(MODEL,
                Map.of("tier", "Bronze", "cups", "many", "since", "2020-02-30", "oat", "maybe", "shoe", "42"));
        Map<String, String> byField = new TreeMap<>();
        checked.problems().forEach(p -> byField.put(p.field(), p.message()));
        assertEquals("Tier must be one of Gold, Silver.", byField.get("tier"));
        assertEquals("Cups a day must be a number, like 12 or 3.5.", byField.get("cups"));
        assertTrue(byField.get("since").startsWith("Customer since must be a date"));
        assertEquals("Oat milk must be yes or no.", byField.get("oat"));
        assertEquals("\"shoe\" is not a field of the brand's customer model.", byField.get("shoe"));
    }

    @Test
    void an_empty_value_deletes_even_an_unknown_field_and_a_brand_without_fields_is_free_form() {
        assertTrue(CustomerModel.values(MODEL, Map.of("legacy", "")).valid());
        assertEquals(Map.of("anything", "x"), CustomerModel.values(List.of(), Map.of("anything", " x")).values());
    }

    @Test
    void required_fields_are_missing_until_given() {
        assertEquals(List.of(new CustomerModel.Problem("tier", "Tier is required.")), CustomerModel.missing(MODEL, Map.of()));
        assertTrue(CustomerModel.missing(MODEL, Map.of("tier", "Gold")).isEmpty());
    }

    @Test
    void the_form_reads_prefixed_inputs_and_leaves_out_empty_ones() {
        CustomerModel.Checked form = CustomerModel.form(MODEL, Map.of("bd.tier", "Silver", "bd.cups", "", "tier", "Gold"));
        assertTrue(form.valid());
        assertEquals(Map.of("tier", "Silver"), form.values());
        assertEquals("Tier is required.", CustomerModel.form(MODEL, Map.of("tier", "Gold")).first().orElseThrow().message());
    }

    @Test
    void a_field_definition_is_checked() {
        assertThrows(IllegalArgumentException.class, () -> new DemographicField("tier", "Tier", DemographicField.Type.CHOICE,
                false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DemographicField("age", "Age", DemographicField.Type.NUMBER,
                false, List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> new DemographicField("bad name", "X", DemographicField.Type.TEXT,
                false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DemographicField("t", "T", DemographicField.Type.CHOICE,
                false, List.of("a", "a")));
    }
}
