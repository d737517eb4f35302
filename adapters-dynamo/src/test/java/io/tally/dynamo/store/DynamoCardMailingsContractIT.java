package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.contract.CardMailingsContract;
import io.tally.domain.contract.ContractData;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CardMailingsPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCardMailingsContractIT extends CardMailingsContract {
    private CardMailingsPort port;
    private CardLedgerPort ledger;

    @BeforeEach
    void port(DynamoTestTable table) {
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        port = storage.cardMailings();
        ledger = storage.cardLedger();
    }

    @Override
    protected CardMailingsPort port() {
        return port;
    }

    @Test
    void card_mailings_never_reach_the_ledgers_queries_of_the_card_partition() {
        BrandId brand = ContractData.freshBrand();
        CardNumber card = ContractData.freshCard();
        port.record(mailing(brand, card, "send-x", ContractData.T0));

        assertTrue(ledger.head(brand, card).isEmpty());
        assertTrue(ledger.newestBefore(brand, card, 10, 5).isEmpty());
        assertEquals(0, ledger.history(brand, card, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10,
                Optional.empty()).entries().size());
    }
}
