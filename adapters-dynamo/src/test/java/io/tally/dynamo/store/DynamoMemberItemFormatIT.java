package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.ContractData;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The member, enrollment and idempotency items exactly as stored, attribute by attribute, after every write the
 * adapters make: the format other code (and records written before) rely on. The expected items are spelled out here,
 * not derived from the mapping they check.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoMemberItemFormatIT {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final BrandId brand = ContractData.freshBrand();
    private DynamoTestTable table;
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        this.table = table;
        this.storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Test
    void an_enrollment_record_through_its_lifecycle() {
        MemberDirectoryPort directory = storage.memberDirectory();
        CardNumber sender = ContractData.freshCard();
        CardNumber card = ContractData.freshCard();
        var customer = new Customer("Ada", null, "Ada@Example.com", "+44 20 7946 0018", null, null, "London", null, null,
                "GB", LocalDate.of(1815, 12, 10), null);
        var intent = new EnrollmentRecord.Intent(customer, Optional.of(sender), "https://x.example/portal/b", "req", "form",
                T0.plusMillis(123));
        EnrollmentRecord pending = EnrollmentRecord.pending(brand, ContactKey.email("Ada@Example.com"), "e1", intent,
                T0.plusSeconds(120));
        String pk = "BRAND#" + brand.value() + "#CONTACT#email:ada@example.com";

        assertTrue(directory.start(pending).isEmpty());
        Map<String, AttributeValue> expected = item(pk, "CONTACT", "Contact");
        expected.put("brand", s(brand.value()));
        expected.put("contact", s("email:ada@example.com"));
        expected.put("enrollment", s("e1"));
        expected.put("state", s("PENDING"));
        expected.put("round", n(0));
        expected.put("customer", AttributeValue.fromM(Map.of("firstName", s("Ada"), "email", s("Ada@Example.com"),
                "phone", s("+44 20 7946 0018"), "city", s("London"), "country", s("GB"), "birthDate", s("1815-12-10"))));
        expected.put("referralSender", s(sender.value()));
        expected.put("portalUrl", s("https://x.example/portal/b"));
        expected.put("requester", s("req"));
        expected.put("formFingerprint", s("form"));
        expected.put("startedAt", s("2025-03-01T10:00:00.123Z"));
        expected.put("due", n(T0.plusSeconds(120).toEpochMilli()));
        expected.put("GSI2PK", s("ENROLLMENTS#DUE"));
        expected.put("GSI2SK", dueSk(T0.plusSeconds(120)));
        assertEquals(expected, stored(pk, "CONTACT"), "started");

        assertTrue(directory.choose(pending, card, new EnrollmentRecord.SealedPin("hash-1", "s1.sealed-1")));
        expected.put("card", s(card.value()));
        expected.put("pinHash", s("hash-1"));
        expected.put("sealedPin", s("s1.sealed-1"));
        expected.put("round", n(1));
        assertEquals(expected, stored(pk, "CONTACT"), "chosen");

        EnrollmentRecord chosen = directory.enrollment(brand, pending.email()).orElseThrow();
        Instant revealUntil = T0.plusSeconds(900);
        assertTrue(directory.complete(chosen, revealUntil));
        expected.put("state", s("COMPLETE"));
        expected.put("due", n(revealUntil.toEpochMilli()));
        expected.put("GSI2SK", dueSk(revealUntil));
        assertEquals(expected, stored(pk, "CONTACT"), "complete");

        EnrollmentRecord complete = directory.enrollment(brand, pending.email()).orElseThrow();
        Instant later = T0.plusSeconds(1800);
        assertTrue(directory.postpone(complete, later));
        expected.put("due", n(later.toEpochMilli()));
        expected.put("GSI2SK", dueSk(later));
        assertEquals(expected, stored(pk, "CONTACT"), "postponed");

        directory.scrub(complete);
        Map<String, AttributeValue> scrubbed = item(pk, "CONTACT", "Contact");
        scrubbed.put("brand", s(brand.value()));
        scrubbed.put("contact", s("email:ada@example.com"));
        scrubbed.put("enrollment", s("e1"));
        scrubbed.put("state", s("COMPLETE"));
        scrubbed.put("round", n(1));
        scrubbed.put("card", s(card.value()));
        assertEquals(scrubbed, stored(pk, "CONTACT"), "scrubbed");
    }

    @Test
    void a_phone_claim() {
        CardNumber card = ContractData.freshCard();
        assertInstanceOf(MemberDirectoryPort.ClaimOutcome.Claimed.class,
                storage.memberDirectory().claim(brand, ContactKey.phone("+1 555 0100"), card, "e1", 2));
        String pk = "BRAND#" + brand.value() + "#CONTACT#phone:15550100";
        Map<String, AttributeValue> expected = item(pk, "CONTACT", "Contact");
        expected.put("card", s(card.value()));
        expected.put("enrollment", s("e1"));
        expected.put("round", n(2));
        assertEquals(expected, stored(pk, "CONTACT"));
    }

    @Test
    void an_idempotency_record_through_its_lifecycle() {
        IdempotencyPort port = storage.idempotency();
        Instant lease = T0.plusSeconds(30);
        assertInstanceOf(IdempotencyPort.Claim.Claimed.class, port.claim(brand, "r-1", "fp", "t1", T0, lease));
        String pk = "IDEM#" + brand.value() + "#r-1";
        Map<String, AttributeValue> expected = item(pk, "IDEM", "Idempotency");
        expected.put("brand", s(brand.value()));
        expected.put("requestId", s("r-1"));
        expected.put("fingerprint", s("fp"));
        expected.put("status", s("IN_PROGRESS"));
        expected.put("token", s("t1"));
        expected.put("claimedAt", s("2025-03-01T10:00:00Z"));
        expected.put("leaseUntil", n(lease.toEpochMilli()));
        expected.put("expiresAt", n(T0.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        assertEquals(expected, stored(pk, "IDEM"), "claimed");

        assertTrue(port.saveProgress(brand, "r-1", "t1", "s1.progress"));
        expected.put("progress", s("s1.progress"));
        assertEquals(expected, stored(pk, "IDEM"), "progress");

        Instant retry = lease.plusSeconds(1);
        assertInstanceOf(IdempotencyPort.Claim.Claimed.class,
                port.claim(brand, "r-1", "fp", "t2", retry, retry.plusSeconds(30)));
        expected.put("token", s("t2"));
        expected.put("leaseUntil", n(retry.plusSeconds(30).toEpochMilli()));
        assertEquals(expected, stored(pk, "IDEM"), "taken over");

        assertTrue(port.complete(brand, "r-1", "t2", "{\"ok\":true}"));
        expected.remove("progress");
        expected.put("status", s("COMPLETED"));
        expected.put("responseBody", s("{\"ok\":true}"));
        assertEquals(expected, stored(pk, "IDEM"), "completed");
    }

    @Test
    void preferences_referral_claims_sent_emails_and_counters() {
        assertTrue(storage.preferences().choose(brand, ContactKey.email("a@x.example"),
                new Choice("news", true, T0, Source.PAGE)));
        String prefs = "BRAND#" + brand.value() + "#PREFS#email:a@x.example";
        assertEquals(listChoice(prefs, "news", true), stored(prefs, "LIST#news"), "one list's choice");
        assertTrue(storage.preferences().choose(brand, ContactKey.phone("+44 20 7946 0018"),
                new Choice("news", false, T0, Source.PAGE)));
        String phonePrefs = "BRAND#" + brand.value() + "#PREFS#phone:442079460018";
        assertEquals(listChoice(phonePrefs, "news", false), stored(phonePrefs, "LIST#news"),
                "a phone's choice: the same item under its E.164 digits");

        Map<String, AttributeValue> whole = item(prefs, "PREFS", "Preferences"); // as stored before lists had items
        whole.put("lists", AttributeValue.fromM(Map.of("news", AttributeValue.fromBool(false),
                "offers", AttributeValue.fromBool(true))));
        whole.put("updatedAt", s("2025-02-01T10:00:00Z"));
        table.client().putItem(PutItemRequest.builder().tableName(table.tableName()).item(whole).build());
        assertEquals(Map.of("news", true, "offers", true),
                storage.preferences().load(brand, ContactKey.email("a@x.example")).orElseThrow().lists(),
                "a list's own item wins over the choices stored whole; those still count for the other lists");

        CardNumber sender = ContractData.freshCard();
        CardNumber friend = ContractData.freshCard();
        assertTrue(storage.referralClaims().claim(new ReferralClaim(brand, "f@x.example", sender, friend, T0)).isEmpty());
        String referral = "BRAND#" + brand.value() + "#REFERRAL#f@x.example";
        Map<String, AttributeValue> expected = item(referral, "REFERRAL", "ReferralClaim");
        expected.put("sender", s(sender.value()));
        expected.put("friend", s(friend.value()));
        expected.put("claimedAt", s("2025-03-01T10:00:00Z"));
        assertEquals(expected, stored(referral, "REFERRAL"), "referral claim");

        assertTrue(storage.sentEmails().claim(brand, "welcome-1", T0));
        String sent = "BRAND#" + brand.value() + "#EMAIL#welcome-1";
        expected = item(sent, "SENT", "SentEmail");
        expected.put("sentAt", s("2025-03-01T10:00:00Z"));
        expected.put("expiresAt", n(T0.plusSeconds(400L * 24 * 3600).getEpochSecond()));
        assertEquals(expected, stored(sent, "SENT"), "sent e-mail");

        String counter = "pin:" + brand.value();
        assertEquals(1, storage.attemptCounters().increment(counter, T0, T0.plusSeconds(60)));
        assertEquals(2, storage.attemptCounters().increment(counter, T0, T0.plusSeconds(60)));
        expected = new HashMap<>(Map.of("PK", s("COUNTER#" + counter), "SK", s("W#" + T0.getEpochSecond()), "n", n(2),
                "expiresAt", n(T0.plusSeconds(60).getEpochSecond())));
        assertEquals(expected, stored("COUNTER#" + counter, "W#" + T0.getEpochSecond()), "counter");
        assertEquals(2, storage.attemptCounters().count(counter, T0));
        storage.attemptCounters().reset(counter, T0);
        assertEquals(0, storage.attemptCounters().count(counter, T0));
    }

    /** The merchant API's hot path: a fresh claim is one PutItem, and nothing comes back but its outcome. */
    @Test
    void a_fresh_claim_is_one_put_item(DynaliteServer dynalite) {
        List<SdkRequest> requests = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request());
            }
        };
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynalite.endpoint()).region(LocalDynamo.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build()) {
            IdempotencyPort port = new DynamoStorage(client, table.tableName()).idempotency();
            assertInstanceOf(IdempotencyPort.Claim.Claimed.class, port.claim(brand, "r-1", "fp", "t1", T0, T0.plusSeconds(30)));
            assertEquals(1, requests.size(), requests::toString);
            PutItemRequest put = assertInstanceOf(PutItemRequest.class, requests.get(0));
            assertEquals(null, put.returnValues());

            requests.clear();
            assertTrue(port.saveProgress(brand, "r-1", "t1", "p"));
            UpdateItemRequest update = assertInstanceOf(UpdateItemRequest.class, requests.get(0));
            assertEquals("NONE", update.returnValuesAsString(), "an update returns nothing");
        }
    }

    private AttributeValue dueSk(Instant due) {
        return s(String.format("%016d", due.toEpochMilli()) + "#" + brand.value() + "#email:ada@example.com");
    }

    private Map<String, AttributeValue> stored(String pk, String sk) {
        return table.client().getItem(GetItemRequest.builder().tableName(table.tableName())
                .key(Map.of("PK", s(pk), "SK", s(sk))).consistentRead(true).build()).item();
    }

    /** A list choice made on the page at {@code T0}, as stored. */
    private static Map<String, AttributeValue> listChoice(String pk, String list, boolean on) {
        Map<String, AttributeValue> expected = item(pk, "LIST#" + list, "ListChoice");
        expected.put("list", s(list));
        expected.put("on", AttributeValue.fromBool(on));
        expected.put("atMs", n(T0.toEpochMilli()));
        expected.put("source", s("PAGE"));
        return expected;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type) {
        return new HashMap<>(Map.of("PK", s(pk), "SK", s(sk), "type", s(type)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
