package io.tally.domain.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListValueTypesUseCaseTest {
    @Test
    void listsTheBrandsValueTypesWithTheirPrograms() {
        var store = new InMemoryConfigStore();
        BrandId acme = new BrandId("ACME");
        var gift = new Program(acme, new ProgramId("GIFT"), "Gift", ProgramKind.GIFT);
        store.saveProgram(gift);
        store.saveValueType(new ValueType(acme, gift.id(), ValueTypeKey.currency("usd"), 2, ValueTypeLimits.NONE));
        store.saveValueType(new ValueType(new BrandId("OTHER"), gift.id(), ValueTypeKey.points(), 0, ValueTypeLimits.NONE));
        // a value type whose program is gone is not listed
        store.saveValueType(new ValueType(acme, new ProgramId("GONE"), ValueTypeKey.points(), 0, ValueTypeLimits.NONE));

        var listed = new ListValueTypesUseCase(store).list(acme);
        assertEquals(List.of("GIFT Currency:USD"),
                listed.stream().map(l -> l.program().id() + " " + l.valueType().key()).toList());
    }

    @Test
    void valueTypeKeysValidateTheirCodes() {
        assertEquals("Currency:EUR", ValueTypeKey.currency("eur").asText());
        assertEquals(ValueTypeKey.custom("CoffeePoints"), ValueTypeKey.parseText("Custom:CoffeePoints"));
        assertEquals(ValueTypeKey.points(), ValueTypeKey.parseText("Points"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ValueTypeKey.currency("XXXX"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ValueTypeKey.custom(null));
        assertEquals(0, ValueTypeKey.currency("JPY").defaultScale());
        assertEquals(3, ValueTypeKey.currency("KWD").defaultScale());
    }
}
