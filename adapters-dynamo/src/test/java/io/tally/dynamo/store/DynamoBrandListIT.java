package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.ContractData;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every provisioned brand is in the brand list the periodic jobs walk (A57), once, however often it is saved. */
@ExtendWith(DynaliteExtension.class)
class DynamoBrandListIT {

    @Test
    void every_saved_brand_is_listed_once(DynamoTestTable t) {
        DynamoStorage storage = new DynamoStorage(t.client(), t.tableName());
        BrandId a = ContractData.freshBrand();
        BrandId b = ContractData.freshBrand();
        storage.provisioning().saveBrand(new Brand(a, "A", false));
        storage.provisioning().saveBrand(new Brand(b, "B", false));
        storage.provisioning().saveBrand(new Brand(a, "A renamed", true));

        List<BrandId> brands = storage.brandList().brands();
        assertTrue(brands.containsAll(List.of(a, b)), brands.toString());
        assertEquals(1, brands.stream().filter(a::equals).count());
    }
}
