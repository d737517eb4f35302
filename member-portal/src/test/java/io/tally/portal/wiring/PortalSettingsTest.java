package io.tally.portal.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The e-mail sender is deployed without the signing and sealing secrets (least privilege): its graph must not need them. */
class PortalSettingsTest {
    private static final Map<String, String> SENDER_ENV = Map.of(
            PortalSettings.TABLE_NAME, "tally-test",
            PortalSettings.EVENTS_QUEUE_URL, "http://127.0.0.1:9/queue/events",
            PortalSettings.EMAILS_QUEUE_URL, "http://127.0.0.1:9/queue/emails",
            "TALLY_DYNAMODB_ENDPOINT", "http://127.0.0.1:9",
            "TALLY_SQS_ENDPOINT", "http://127.0.0.1:9",
            PortalSettings.SMTP_HOST, "127.0.0.1");

    @Test
    void the_email_senders_graph_starts_without_either_secret() {
        PortalSettings settings = PortalSettings.fromEnvironment(SENDER_ENV);
        assertNotNull(PortalComponent.create(settings).emailConsumer());
    }

    @Test
    void a_function_that_signs_without_the_secret_says_which_variable_is_missing() {
        PortalSettings settings = PortalSettings.fromEnvironment(SENDER_ENV);
        assertEquals("TALLY_PORTAL_SECRET is not set for this function",
                assertThrows(IllegalStateException.class, settings::requireSigningSecret).getMessage());
        assertEquals("TALLY_SEAL_SECRET is not set for this function",
                assertThrows(IllegalStateException.class, settings::requireSealSecret).getMessage());
    }

    @Test
    void a_blank_secret_counts_as_not_set() {
        Map<String, String> env = new java.util.HashMap<>(SENDER_ENV);
        env.put(PortalSettings.PORTAL_SECRET, " ");
        assertThrows(IllegalStateException.class, PortalSettings.fromEnvironment(env)::requireSigningSecret);
    }
}
