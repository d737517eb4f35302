package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.QueueId;
import io.tally.local.mail.LocalMail;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.sqs.LocalSqs;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.email.SqsEmailOutbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A promotional e-mail on the local platform (ElasticMQ, the e-mail sender, SMTP into GreenMail) carries RFC 8058's
 * headers; opening the link changes nothing, the provider's one-click POST (no cookie, no CSRF token) unsubscribes at
 * once, and a second POST answers the same.
 */
class UnsubscribeHeadersIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static final String FRIEND = "friend.unsub@example.test";

    @Test
    void a_promotional_email_carries_one_click_unsubscribe_headers_that_work() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("unsubscribe-headers-it");
             var sqs = LocalSqs.client(tally.endpoints().sqsEndpoint());
             var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            String portal = tally.endpoints().baseUrl() + "/portal/DEMO";
            UnsubscribeLinks links = new UnsubscribeLinks(SignedTokens.fromText(LocalTally.LOCAL_PORTAL_SECRET));
            Map<String, String> headers = links.headers(portal, DEMO, "invitations", FRIEND, Instant.now());
            new SqsEmailOutbox(sqs, tally.endpoints().queueUrlEnvironment().get(QueueId.EMAILS.urlEnvironmentVariable()),
                    new EmailJson()).enqueue(new EmailMessage("it-invite-1", DEMO, EmailKind.INVITATION, FRIEND, "invitations",
                    Map.of("senderName", "Ann", "joinUrl", portal + "/enroll", "preferencesUrl", portal + "/preferences",
                            "unsubscribeUrl", links.url(portal, DEMO, "invitations", FRIEND, Instant.now())), headers));

            LocalMail.Captured mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains(FRIEND));
            assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"), mail.headers().toString());
            String header = mail.headers().get("List-Unsubscribe");
            assertTrue(header.startsWith("<" + portal + "/unsubscribe?t="), header);
            assertTrue(mail.text().contains("Unsubscribe from invitations: " + portal + "/unsubscribe?t="), mail.text());
            URI link = URI.create(header.substring(1, header.indexOf('>')));

            HttpClient http = HttpClient.newHttpClient();
            var storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Unsubscribe</button>"), page.body());
            assertTrue(storage.preferences().load(DEMO, ContactKey.email(FRIEND)).isEmpty(), "a GET changes nothing");

            for (int i = 0; i < 2; i++) {
                HttpResponse<String> done = http.send(HttpRequest.newBuilder(link)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, done.statusCode(), done.body());
                assertEquals(Optional.of(false), storage.preferences().load(DEMO, ContactKey.email(FRIEND))
                        .flatMap(p -> p.choice("invitations")));
            }
        }
    }
}
