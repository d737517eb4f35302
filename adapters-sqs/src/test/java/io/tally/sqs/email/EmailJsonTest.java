package io.tally.sqs.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsCharacters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailJsonTest {
    private final EmailJson json = new EmailJson();

    @Test
    void a_queued_email_read_back_is_the_email_queued() {
        EmailMessage message = new EmailMessage("welcome-6000000000000007", new BrandId("ACME"), EmailKind.WELCOME,
                "ann@example.com", "transactional", Map.of("last4", "0007", "link", "https://rewards.example.com/p?t=x"));

        assertEquals(message, json.read(json.write(message)));
    }

    @Test
    void a_promotional_emails_unsubscribe_headers_travel_with_it_and_old_bodies_have_none() {
        EmailMessage message = new EmailMessage("invite-1", new BrandId("ACME"), EmailKind.INVITATION, "bob@example.com",
                "invitations", Map.of(), Map.of("List-Unsubscribe", "<https://rewards.example.com/portal/ACME/unsubscribe?t=a.1.b>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertEquals(message, json.read(json.write(message)));
        assertEquals(Map.of(), json.read("{\"id\":\"w-1\",\"brand\":\"ACME\",\"kind\":\"WELCOME\",\"to\":\"a@x.example\","
                + "\"list\":\"account\",\"values\":{}}").headers());
    }

    @Test
    void merge_fields_holding_characters_sqs_refuses_are_escaped_and_unpaired_surrogates_replaced() {
        String name = SqsCharacters.HOSTILE;
        EmailMessage message = new EmailMessage("invite-2", new BrandId("ACME"), EmailKind.INVITATION,
                "bob@example.com", "invitations", Map.of("firstName", name, "field." + name, name),
                Map.of("List-Unsubscribe", "<https://rewards.example.com/u?n=\uFFFF\uD800>")); // no control characters

        String body = json.write(message);

        SqsCharacters.assertSqsAccepts(body);
        String read = SqsCharacters.HOSTILE_READ;
        assertEquals(new EmailMessage("invite-2", new BrandId("ACME"), EmailKind.INVITATION, "bob@example.com",
                "invitations", Map.of("firstName", read, "field." + read, read),
                Map.of("List-Unsubscribe", "<https://rewards.example.com/u?n=\uFFFF\uFFFD>")), json.read(body));
    }

    @Test
    void a_body_that_is_not_json_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> json.read("{not json"));
    }
}
