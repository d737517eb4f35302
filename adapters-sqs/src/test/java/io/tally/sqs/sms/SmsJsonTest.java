package io.tally.sqs.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsCharacters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SMS queue's body: a text with its origin and one without read back as written; bodies of before still read. */
class SmsJsonTest {
    private final SmsJson json = new SmsJson();

    @Test
    void a_text_reads_back_as_written_with_or_without_origin_and_location() {
        SmsMessage plain = new SmsMessage("sms-code-1", new BrandId("ACME"), "+15550100123", "account", "Your code 1");
        SmsMessage sent = new SmsMessage("sms-send-s2-4000000000000002", new BrandId("ACME"), "+15550100123", "news",
                "Hi Ada", Optional.of(new SmsMessage.Origin("send-s2", new CardNumber("4000000000000002"), "tpl-1",
                Optional.of("L1"))));
        SmsMessage nowhere = new SmsMessage(sent.id(), sent.brand(), sent.to(), sent.list(), sent.text(), Optional.of(
                new SmsMessage.Origin("send-s2", new CardNumber("4000000000000002"), "tpl-1", Optional.empty())));
        for (SmsMessage m : new SmsMessage[] {plain, sent, nowhere}) {
            assertEquals(m, json.read(json.write(m)));
        }
    }

    @Test
    void a_text_holding_characters_sqs_refuses_is_escaped_and_unpaired_surrogates_replaced() {
        SmsMessage m = new SmsMessage("sms-send-s3-4000000000000002", new BrandId("ACME"), "+15550100123", "news",
                "Hi " + SqsCharacters.HOSTILE, Optional.of(new SmsMessage.Origin("send-s3", new CardNumber("4000000000000002"),
                "tpl-1", Optional.of(SqsCharacters.HOSTILE))));

        String body = json.write(m);

        SqsCharacters.assertSqsAccepts(body);
        String read = SqsCharacters.HOSTILE_READ;
        assertEquals(new SmsMessage(m.id(), m.brand(), m.to(), m.list(), "Hi " + read, Optional.of(new SmsMessage.Origin(
                "send-s3", new CardNumber("4000000000000002"), "tpl-1", Optional.of(read)))), json.read(body));
    }

    @Test
    void a_body_queued_before_texts_had_an_origin_reads_without_one() {
        SmsMessage read = json.read("{\"id\":\"sms-send-1-42\",\"brand\":\"ACME\",\"to\":\"+15550100123\","
                + "\"list\":\"news\",\"text\":\"Hi\"}");
        assertEquals(Optional.empty(), read.origin());
    }
}
