package io.tally.local.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.enrollment.EnrollmentSteps;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.local.LocalTally;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The enrollment completer on the local platform, every port on its real adapter (dynalite, ElasticMQ, GreenMail): an
 * enrollment whose page request died right after its first write (the e-mail's claim) and that nobody resubmitted is
 * found through the due index and finished by the scheduled job, as the jobs function runs it: the card, the member's
 * contacts, the welcome e-mail.
 */
class EnrollmentCompleterIT {
    private static final BrandId DEMO = new BrandId("DEMO");

    @Test
    void the_job_finishes_an_enrollment_that_nobody_resubmitted() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("enrollment-completer-it");
             DynamoDbClient dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            MemberDirectoryPort directory = storage.memberDirectory();
            ContactKey email = ContactKey.email("zoe@example.test");
            Instant started = Instant.now().minus(Duration.ofMinutes(10));
            var intent = new EnrollmentRecord.Intent(new Customer("Zoe", null, "zoe@example.test", "+1 555 0177", null, null,
                    null, null, null, null, null, null), Optional.empty(), tally.endpoints().baseUrl() + "/portal/DEMO",
                    "requester-digest", "form-digest", started);
            assertTrue(directory.start(EnrollmentRecord.pending(DEMO, email, "it-1", intent,
                    started.plus(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER))).isEmpty());

            String report = tally.runJob(PeriodicJobs.ENROLLMENT_COMPLETER.name());
            assertTrue(report.startsWith("1 enrollments completed"), report);

            EnrollmentRecord done = directory.enrollment(DEMO, email).orElseThrow();
            assertEquals(EnrollmentRecord.Status.COMPLETE, done.status());
            Card card = storage.cards().load(DEMO, done.card().orElseThrow()).orElseThrow();
            assertEquals(CardStatus.ACTIVE, card.status());
            assertTrue(card.enrolled());
            assertEquals(Optional.of("zoe@example.test"), card.primaryCustomer().flatMap(Customer::searchableEmail));
            assertEquals(done.card(), directory.find(DEMO, ContactKey.phone("+1 555 0177")));
            PortalTestSupport.awaitMail(tally, m -> m.to().contains("zoe@example.test") && m.subject().startsWith("Welcome"));
            String again = tally.runJob(PeriodicJobs.ENROLLMENT_COMPLETER.name());
            assertTrue(again.startsWith("0 enrollments completed"), again);
        }
    }
}
