package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.fakes.TestWorld;
import org.junit.jupiter.api.Test;

/** The enrollment flow (search, allocate, updateAccount) through the whole API on in-memory ports. */
class AccountSearchAllocateTest {
    private final MerchantHarness h = new MerchantHarness();

    private static final String ALL_FIELDS = "'returnFields':{'balances':true,'customer':true,'alternateCustomer':true,"
            + "'isEnrolled':true,'customData':true,'customCardNumber':true,'brandDemographics':true,'activationDate':true,"
            + "'giverCustomer':true}";

    @Test
    void enrollThenFindByEveryFilter() {
        assertEquals(0, h.call("search", j("{'filters':{'email':'Ann@Example.com'}}")).get("cards").size());
        h.world.poolCard(TestWorld.BRAND);
        var allocated = h.call("allocate", j("{'cardSetId':'set-1'}"));
        assertTrue(allocated.ok(), allocated.raw());
        String number = allocated.get("cardNumber").asText();
        assertTrue(allocated.get("pin").asText().matches("[0-9]{4}"), allocated.raw());
        assertEquals("set-1", allocated.get("cardSetId").asText());

        var updated = h.call("updateAccount", j("{'cardNumber':" + number + ",'countAsEnrollment':true,"
                + "'primaryCustomer':{'firstName':'Ann','lastName':'Lee','email':'ann@example.com','phone':'+1 (555) 010-0199',"
                + "'postal':12345,'birthDate':'1990-04-05','gender':null},"
                + "'alternateCustomer':{'firstName':'Bo'},"
                + "'brandDemographics':[{'fieldName':'favouriteDrink','value':'flat white'}],"
                + "'customData':{'tier':'gold','source':'web'},'customCardNumber':'MEMBER-7'}"));
        assertTrue(updated.ok(), updated.raw());
        assertEquals(2, updated.body().size(), "the bare envelope: " + updated.raw());
        h.call("updateBalance", j("{'cardNumber':'" + number + "','action':'issue','amount':{'balanceType':'Points','amount':120}}"));

        for (String filter : new String[] {"'cardNumber':'" + number + "'", "'cardNumber':" + number,
                "'email':'ANN@example.com'", "'phone':'15550100199'", "'phone':15550100199", "'customCardNumber':'MEMBER-7'",
                "'email':'ann@example.com','phone':'+1 555 010 0199'"}) {
            var r = h.call("search", j("{'filters':{" + filter + "}," + ALL_FIELDS + "}"));
            assertTrue(r.ok(), r.raw());
            assertFalse(r.get("usedCache").asBoolean());
            assertEquals(1, r.get("cards").size(), filter + " -> " + r.raw());
            JsonNode card = r.get("cards").get(0);
            assertEquals(number, card.get("cardNumber").asText());
            assertEquals("set-1", card.get("cardSetId").asText());
            assertEquals("Ann", card.get("customer").get("firstName").asText());
            assertEquals("12345", card.get("customer").get("postal").asText());
            assertEquals("1990-04-05", card.get("customer").get("birthDate").asText());
            assertEquals("Bo", card.get("alternateCustomer").get("firstName").asText());
            assertTrue(card.get("isEnrolled").asBoolean());
            assertEquals("gold", card.get("customData").get("tier").asText());
            assertEquals("MEMBER-7", card.get("customCardNumber").asText());
            assertEquals("favouriteDrink", card.get("brandDemographics").get(0).get("fieldName").asText());
            assertEquals("flat white", card.get("brandDemographics").get(0).get("value").asText());
            assertEquals("2025-01-01 00:00:00", card.get("activationDate").asText());
            assertTrue(card.get("giverCustomer").isNull());
            assertEquals("Currency", card.get("balances").get(0).get("balanceType").asText(), "untouched value types show as 0");
            assertEquals("0.00", card.get("balances").get(0).get("amount").decimalValue().toPlainString());
            assertEquals("120", card.get("balances").get(1).get("amount").decimalValue().toPlainString());
        }
        var bare = h.call("search", j("{'filters':{'email':'ann@example.com'}}")).get("cards").get(0);
        assertEquals(2, bare.size(), "only what returnFields asks for: " + bare);
        assertEquals(0, h.call("search", j("{'filters':{'email':'ann@example.com','phone':'999999999'}}")).get("cards").size());

        var cleared = h.call("updateAccount", j("{'cardNumber':'" + number + "','customCardNumber':'','customData':{'source':null}}"));
        assertTrue(cleared.ok(), cleared.raw());
        var after = h.call("search", j("{'filters':{'cardNumber':'" + number + "'},'returnFields':{'customData':true,'customCardNumber':true}}"));
        assertTrue(after.get("cards").get(0).get("customCardNumber").isNull());
        assertFalse(after.get("cards").get(0).get("customData").has("source"));
    }

    @Test
    void searchHonoursIncludeInactiveAndPins() {
        CardNumber pool = h.world.poolCard(TestWorld.BRAND);
        assertEquals(0, h.call("search", j("{'filters':{'cardNumber':'" + pool.value() + "'}}")).get("cards").size());
        assertEquals(1, h.call("search", j("{'filters':{'cardNumber':'" + pool.value() + "'},'includeInactive':true}")).get("cards").size());

        CardNumber card = h.cardWithPin(TestWorld.BRAND, "0007");
        String f = "'filters':{'cardNumber':" + card.value() + "},'forcePinValidation':true";
        assertEquals(1, h.call("search", j("{" + f + ",'pin':7}")).get("cards").size());
        assertEquals(10, h.call("search", j("{" + f + ",'pin':'7777'}")).code());
        assertEquals(1, h.call("search", j("{'filters':{'email':'x@example.com'},'forcePinValidation':true,'pin':'1234'}")).code());
        assertEquals(0, h.call("search", j("{'filters':{'cardNumber':'12345'}}")).get("cards").size());
        assertEquals(1, h.call("search", j("{'filters':{}}")).code());
        assertEquals(1, h.call("search", j("{}")).code());
        assertEquals(1, h.call("search", j("{'filters':'x'}")).code());
        assertEquals(1, h.call("search", j("{'filters':{'email':['a']}}")).code());
        assertEquals(1, h.call("search", j("{'filters':{'email':'a@example.com'},'returnFields':{'balances':'please'}}")).code());
    }

    @Test
    void allocateASpecificCardOrRefuse() {
        CardNumber pool = h.world.poolCard(TestWorld.BRAND);
        var r = h.call("allocate", j("{'cardNumber':" + pool.value() + "}"));
        assertTrue(r.ok(), r.raw());
        assertEquals(pool.value(), r.get("cardNumber").asText());
        assertEquals(CardStatus.ACTIVE, h.world.cards.load(TestWorld.BRAND, pool).orElseThrow().status());
        assertEquals(14, h.call("allocate", j("{'cardNumber':'" + pool.value() + "'}")).code());
        assertEquals(13, h.call("allocate", j("{'cardSetId':'set-1'}")).code(), "pool empty, WhenPoolEmpty.REJECT");
        assertEquals(12, h.call("allocate", j("{'cardSetId':'nope'}")).code());
        assertEquals(12, h.call("allocate", j("{'cardSetId':'no such set!'}")).code());
        assertEquals(1, h.call("allocate", j("{'cardSetId':'set-1','cardNumber':'" + pool.value() + "'}")).code());
        assertEquals(1, h.call("allocate", j("{}")).code());
        assertEquals(1, h.call("allocate", j("{'cardSetId':{}}")).code());
        assertEquals(9, h.call("allocate", j("{'cardNumber':'4111'}")).code());
    }

    @Test
    void updateAccountRefusesBadProfiles() {
        CardNumber card = h.world.activeCard();
        String c = "'cardNumber':'" + card.value() + "'";
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'primaryCustomer':{'birthDate':'1990-13-01'}}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'primaryCustomer':{'email':'not-an-email'}}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'primaryCustomer':'Ann'}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'primaryCustomer':{'firstName':{'a':1}}}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'brandDemographics':[{'value':'x'}]}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'brandDemographics':'x'}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'customData':{'k':{'nested':1}}}")).code());
        assertEquals(6, h.call("updateAccount", j("{'primaryCustomer':{'firstName':'Ann'}}")).code());
        assertEquals(9, h.call("updateAccount", j("{'cardNumber':'" + MerchantHarness.unknownCard().value() + "'}")).code());
        CardNumber pool = h.world.poolCard(TestWorld.BRAND);
        var inactive = h.call("updateAccount", j("{'cardNumber':'" + pool.value() + "'}"));
        assertEquals(11, inactive.code());
        assertEquals("Could not find the account that goes with the specified card.", inactive.message());
        assertTrue(h.world.cards.load(TestWorld.BRAND, card).orElseThrow().primaryCustomer().isEmpty(), "nothing stored");
    }

    @Test
    void third_party_usernames_are_set_by_update_account_returned_and_searchable() {
        CardNumber card = h.world.activeCard();
        String c = "'cardNumber':'" + card.value() + "'";
        var set = h.call("updateAccount", j("{" + c + ",'thirdPartyUsernames':{'steam':'ada1815','discord':'ada#0001'}}"));
        assertTrue(set.ok(), set.raw());

        var found = h.call("search", j("{'filters':{'thirdPartyUsername':{'system':'steam','username':'ada1815'}},"
                + "'returnFields':{'thirdPartyUsernames':true}}"));
        assertTrue(found.ok(), found.raw());
        assertEquals(1, found.get("cards").size());
        JsonNode usernames = found.get("cards").get(0).get("thirdPartyUsernames");
        assertEquals("ada1815", usernames.get("steam").asText());
        assertEquals("ada#0001", usernames.get("discord").asText());

        assertTrue(h.call("updateAccount", j("{" + c + ",'thirdPartyUsernames':{'steam':null}}")).ok());
        assertEquals(0, h.call("search", j("{'filters':{'thirdPartyUsername':{'system':'steam','username':'ada1815'}}}"))
                .get("cards").size(), "a removed username finds nothing");
        var without = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'},"
                + "'returnFields':{'thirdPartyUsernames':true}}"));
        assertFalse(without.get("cards").get(0).get("thirdPartyUsernames").has("steam"));
        assertEquals(1, h.call("search", j("{'filters':{'thirdPartyUsername':{'system':'steam'}}}")).code());
        assertEquals(1, h.call("search", j("{'filters':{'thirdPartyUsername':'ada1815'}}")).code());
        assertEquals(1, h.call("updateAccount", j("{" + c + ",'thirdPartyUsernames':{'bad#system':'x'}}")).code());
    }
}
