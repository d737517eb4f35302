package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateMailTest {
    private final BrandId brand = new BrandId("acme");

    @Test
    void aQueuedMessageCarriesEverythingTheSenderNeeds() {
        var mail = new TemplateMail("send-s1-6000000000000007", brand, "send-s1", "t1", 3,
                new CardNumber("6000000000000007"), "ada@example.com", "news", Optional.of("loc-1"), Optional.empty());
        EmailMessage m = mail.message(Map.of());
        assertEquals(EmailKind.TEMPLATE, m.kind());
        assertEquals(Optional.of(mail), TemplateMail.of(m));
    }

    @Test
    void otherKindsAndMalformedMessagesAreNotTemplateMails() {
        assertTrue(TemplateMail.of(new EmailMessage("w-1", brand, EmailKind.WELCOME, "a@example.com", "tx", Map.of()))
                .isEmpty());
        assertTrue(TemplateMail.of(new EmailMessage("x-1", brand, EmailKind.TEMPLATE, "a@example.com", "tx",
                Map.of("mailing", "send-1", "template", "t", "version", "three", "card", "6000000000000007"))).isEmpty());
    }

    @Test
    void testsAreTold() {
        assertTrue(TemplateMail.test("test-s1"));
        assertFalse(TemplateMail.test("send-s1"));
    }
}
