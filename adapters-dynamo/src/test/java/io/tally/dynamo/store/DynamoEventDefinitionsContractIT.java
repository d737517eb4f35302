package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.contract.ContractData;
import io.tally.domain.contract.EventDefinitionsContract;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link EventDefinitionsPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoEventDefinitionsContractIT extends EventDefinitionsContract {
    private DynamoStorage storage;

    @BeforeEach
    void port(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected EventDefinitionsPort port() {
        return storage.eventDefinitions();
    }

    @Test
    void definitions_share_the_brands_partition_without_reaching_its_other_queries() {
        BrandId brand = ContractData.freshBrand();
        storage.provisioning().saveCardSet(new CardSet(brand, new CardSetId("GIFT01"), new ProgramId("GIFT"), "Gift", "6", 16));
        EventDefinition visit = new EventDefinition(brand, new EventCategoryId("visit"), EventType.IN_STORE, "Visit", "",
                Set.of(), Sentiment.NEUTRAL);
        port().save(visit);

        assertEquals(1, storage.brandSetup().cardSets(brand).size());
        assertTrue(storage.programs().catalogue(brand).programs().isEmpty());
        assertTrue(storage.checkoutConfig().load(brand).campaigns().isEmpty());
        assertEquals(List.of(visit), port().list(brand));
    }
}
