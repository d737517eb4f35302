package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request whose text is not well-formed Unicode (a string holding an unpaired UTF-16 surrogate, which no UTF-8 store
 * can keep) is refused whole with INVALID_REQUEST, saying where, and writes nothing: no ledger entry, no claim of its
 * customRequestId. Through the whole API on in-memory ports, as Lambda delivers the events.
 */
class UnpairedSurrogateRequestTest {
    private static final String PREFIX = "The request body must be well-formed Unicode: ";
    private final MerchantHarness h = new MerchantHarness();

    private String issue(CardNumber card, String extra) {
        return j("{'cardNumber':'" + card.value() + "','action':'issue',"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':10.00}" + extra + "}");
    }

    private void assertRefusedAndNothingWritten(MerchantHarness.Response r, String message, CardNumber card) {
        assertEquals(400, r.status(), r.raw());
        assertEquals(1, r.code(), r.raw());
        assertEquals(message, r.message());
        assertTrue(h.ledger(card).isEmpty(), "no ledger entry");
        assertEquals(0, h.world.balance(card));
    }

    @Test
    void an_escaped_unpaired_surrogate_in_any_string_of_the_body_is_refused_naming_where() {
        CardNumber card = h.world.activeCard();

        assertRefusedAndNothingWritten(h.call("updateBalance", issue(card, ",'memo':'A\\ud800B'")),
                PREFIX + "a string holds an unpaired surrogate (\\uD800) at /memo.", card);
        assertRefusedAndNothingWritten(h.call("updateBalance", issue(card, ",'skus':[{'sku':'x'},{'sku':'y\\udc00'}]")),
                PREFIX + "a string holds an unpaired surrogate (\\uDC00) at /skus/1/sku.", card);
        assertRefusedAndNothingWritten(h.call("updateBalance", issue(card, ",'meta':{'n\\udbff':1}")),
                PREFIX + "a field name holds an unpaired surrogate in the object at /meta.", card);
    }

    @Test
    void a_raw_unpaired_surrogate_in_the_body_is_refused_not_sent_on_as_a_question_mark() {
        CardNumber card = h.world.activeCard();

        assertRefusedAndNothingWritten(h.call("updateBalance", issue(card, ",'memo':'A\uD800B'")),
                PREFIX + "a string holds an unpaired surrogate (\\uD800) at /memo.", card);
        assertRefusedAndNothingWritten(h.call("updateBalance", issue(card, ",'\uDC00':1")),
                PREFIX + "a field name holds an unpaired surrogate (\\uDC00) at /\\uDC00.", card);
    }

    @Test
    void a_context_header_holding_an_unpaired_surrogate_is_refused_and_claims_nothing() {
        CardNumber card = h.world.activeCard();
        String body = issue(card, "");

        for (String header : new String[] {"note", "externalTransactionId"}) {
            var r = h.call("updateBalance", body, Map.of(header, "order 7\uDC00", "customRequestId", "r-1"));
            assertRefusedAndNothingWritten(r, "The " + header + " header must be well-formed Unicode: it holds an"
                    + " unpaired surrogate (\\uDC00).", card);
        }
        assertRefusedAndNothingWritten(h.call("updateBalance", body, Map.of("customRequestId", "r-1\uD800")),
                "The customRequestId header must be well-formed Unicode: it holds an unpaired surrogate (\\uD800).", card);

        var retried = h.call("updateBalance", body, Map.of("customRequestId", "r-1", "note", "order 7 \uD83D\uDE00"));
        assertTrue(retried.ok(), "the refused calls left no claim of r-1: " + retried.raw());
        assertEquals(1000, h.world.balance(card));
        assertEquals(1, h.ledger(card).size());
    }

    @Test
    void a_surrogate_pair_and_u_ffff_are_accepted() {
        CardNumber card = h.world.activeCard();

        var r = h.call("updateBalance", issue(card, ",'memo':'\\ud83d\\ude00 \uD83D\uDE00 \\uffff'"),
                Map.of("note", "gift \uD83C\uDF81"));
        assertTrue(r.ok(), r.raw());
        assertEquals(1000, h.world.balance(card));
    }
}
