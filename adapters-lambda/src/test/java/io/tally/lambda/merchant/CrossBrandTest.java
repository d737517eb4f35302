package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.fakes.TestWorld;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Brand ACME's key and headers on brand OTHER's cards: every method answers exactly as for a card that does not
 * exist, and OTHER's cards do not change.
 */
class CrossBrandTest {
    private final MerchantHarness h = new MerchantHarness();

    private static final List<String> BODIES = List.of(
            "{'cardNumber':#,'action':'issue','amount':{'balanceType':'Currency','balanceCode':'USD','amount':5}}",
            "{'cardNumber':#,'action':'redeem','amount':{'balanceType':'Currency','balanceCode':'USD','amount':5}}",
            "{'cardNumber':#,'action':'hold','amount':{'balanceType':'Currency','balanceCode':'USD','amount':5}}",
            "{'cardNumber':#,'action':'redeem','redeemFromHoldTransactionId':'1','amount':{'balanceType':'Currency','balanceCode':'USD','amount':5}}",
            "{'cardNumber':#,'action':'redeem','forcePinValidation':true,'pin':'1234','amount':{'balanceType':'Currency','balanceCode':'USD','amount':5}}",
            "{'cardNumber':#,'primaryCustomer':{'firstName':'Mallory'},'countAsEnrollment':true}",
            "{'cardNumber':#}",
            "{'cardNumber':#,'beginDate':'2020-01-01 00:00:00'}");
    private static final List<String> METHODS = List.of("updateBalance", "updateBalance", "updateBalance", "updateBalance",
            "updateBalance", "updateAccount", "cardHistory", "cardHistory");

    @Test
    void anotherBrandsCardLooksExactlyLikeAnUnknownCard() {
        CardNumber foreign = h.world.activeCard(TestWorld.OTHER_BRAND);
        var issued = h.call(TestWorld.OTHER_BRAND, "updateBalance", j("{'cardNumber':'" + foreign.value()
                + "','action':'issue','amount':{'balanceType':'Currency','balanceCode':'USD','amount':50}}"), Map.of());
        assertTrue(issued.ok(), issued.raw());
        String foreignTxn = issued.get("transactionId").asText();
        int entries = h.world.ledger.all(TestWorld.OTHER_BRAND, foreign).size();
        String unknown = MerchantHarness.unknownCard().value();

        for (int i = 0; i < BODIES.size(); i++) {
            for (String quote : new String[] {"'", ""}) {
                var theirs = h.call(METHODS.get(i), j(BODIES.get(i).replace("#", quote + foreign.value() + quote)));
                var nobodys = h.call(METHODS.get(i), j(BODIES.get(i).replace("#", quote + unknown + quote)));
                assertEquals(400, theirs.status(), theirs.raw());
                assertEquals(9, theirs.code(), BODIES.get(i) + " -> " + theirs.raw());
                assertEquals(nobodys.code(), theirs.code(), BODIES.get(i));
                assertEquals(nobodys.message(), theirs.message(), BODIES.get(i));
                assertEquals("Could not find the specified card.", theirs.message());
            }
        }
        for (String search : new String[] {"{'filters':{'cardNumber':#},'includeInactive':true}",
                "{'filters':{'cardNumber':#},'forcePinValidation':true,'pin':'1234'}"}) {
            var theirs = h.call("search", j(search.replace("#", "'" + foreign.value() + "'")));
            var nobodys = h.call("search", j(search.replace("#", "'" + unknown + "'")));
            assertTrue(theirs.ok());
            assertEquals(0, theirs.get("cards").size());
            assertEquals(((com.fasterxml.jackson.databind.node.ObjectNode) nobodys.body()).without("requestRef"),
                    ((com.fasterxml.jackson.databind.node.ObjectNode) theirs.body()).without("requestRef"));
        }
        var allocTheirs = h.call("allocate", j("{'cardNumber':'" + foreign.value() + "'}"));
        var allocNobodys = h.call("allocate", j("{'cardNumber':'" + unknown + "'}"));
        assertEquals(9, allocTheirs.code());
        assertEquals(allocNobodys.message(), allocTheirs.message());

        var voidTheirs = h.call("voidTransaction", j("{'transactionId':'" + foreignTxn + "'}"));
        var voidWithCard = h.call("voidTransaction", j("{'transactionId':'" + foreignTxn + "','cardNumber':'" + foreign.value() + "'}"));
        var voidNobodys = h.call("voidTransaction", j("{'transactionId':'" + foreignTxn + "','cardNumber':'" + unknown + "'}"));
        assertEquals(23, voidTheirs.code());
        assertEquals(voidNobodys.message(), voidTheirs.message());
        assertEquals(voidNobodys.message(), voidWithCard.message());
        assertEquals(voidNobodys.code(), voidWithCard.code());

        assertEquals(entries, h.world.ledger.all(TestWorld.OTHER_BRAND, foreign).size(), "OTHER's ledger is untouched");
        assertEquals(5000, h.world.ledger.head(TestWorld.OTHER_BRAND, foreign).orElseThrow().stateAfter().balance(TestWorld.USD).total());
        var card = h.world.cards.load(TestWorld.OTHER_BRAND, foreign).orElseThrow();
        assertTrue(card.primaryCustomer().isEmpty());
        assertFalse(card.enrolled());
        assertEquals(CardStatus.ACTIVE, card.status());
    }

    @Test
    void anotherBrandsPoolCardCannotBeAllocated() {
        CardNumber pool = h.world.poolCard(TestWorld.OTHER_BRAND);
        assertEquals(9, h.call("allocate", j("{'cardNumber':" + pool.value() + "}")).code());
        assertEquals(CardStatus.UNALLOCATED, h.world.cards.load(TestWorld.OTHER_BRAND, pool).orElseThrow().status());
    }
}
