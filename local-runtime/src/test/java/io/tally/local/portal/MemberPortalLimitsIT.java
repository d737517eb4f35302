package io.tally.local.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.local.LocalTally;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal's defences over HTTP against the local platform (its own instance, so the client's counters start at
 * zero): forged posts are refused and change nothing; an unknown card and a wrong PIN answer identically; wrong
 * PINs lock the card; too many attempts rate-limit the client; security headers and cookie flags are set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberPortalLimitsIT {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) plus (\\d+)\\?");
    private static final Pattern CHALLENGE_TOKEN = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"");
    private static LocalTally tally;
    private static String base;
    private static HttpClient http;
    private static String card;
    private static String pin;

    @BeforeAll
    static void start() throws Exception {
        tally = PortalTestSupport.start("portal-limits-it");
        base = tally.endpoints().baseUrl() + "/portal/DEMO";
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    private static HttpResponse<String> get(String page) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + page)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String page, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + page))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static Map<String, String> enrollForm(String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        form.put("applicationId", "demo-portal");
        form.put("merchantId", "DEMOWEB");
        form.put("firstName", "Eve");
        form.put("email", "eve@example.test");
        return form;
    }

    @Test
    @Order(1)
    void a_post_without_a_valid_csrf_token_is_refused_and_changes_nothing() throws Exception {
        HttpResponse<String> page = get("/enroll");
        assertEquals(200, page.statusCode());
        String cookie = page.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertTrue(page.headers().firstValue("content-security-policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElseThrow());
        String csrf = csrf(page.body());

        assertEquals(403, post("/enroll", enrollForm(null)).statusCode());
        assertEquals(403, post("/enroll", enrollForm(csrf.substring(1) + "x")).statusCode());
        assertEquals(403, post("/preferences", Map.of("t", "forged", "list", "offers")).statusCode());
        assertTrue(tally.mail().messages().isEmpty(), "no welcome e-mail was queued");

        HttpResponse<String> enrolled = post("/enroll", enrollForm(csrf));
        assertEquals(200, enrolled.statusCode(), "the refused posts left no member behind: " + enrolled.body());
        card = match("id=\"new-card-number\">([0-9 ]+)<", enrolled.body()).replace(" ", "");
        pin = match("id=\"new-card-pin\">([0-9]+)<", enrolled.body());
    }

    @Test
    @Order(2)
    void a_wrong_pin_and_an_unknown_card_get_the_same_answer() throws Exception {
        String csrf = csrf(get("/balance").body());
        String wrongPin = pin.equals("0000") ? "1111" : "0000";
        HttpResponse<String> wrong = post("/balance", Map.of("csrf", csrf, "cardNumber", card, "pin", wrongPin));
        String unknownCard = unknownCardNumber();
        HttpResponse<String> unknown = post("/balance", Map.of("csrf", csrf, "cardNumber", unknownCard, "pin", pin));
        assertEquals(400, wrong.statusCode());
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertTrue(wrong.body().contains("We could not find a card with that number and PIN"));
    }

    @Test
    @Order(3)
    void repeated_wrong_pins_lock_the_card_even_for_the_right_pin() throws Exception {
        String wrongPin = pin.equals("0000") ? "1111" : "0000";
        HttpResponse<String> last = null;
        for (int i = 0; i < 6 && (last == null || last.statusCode() != 429); i++) {
            last = attempt(card, wrongPin);
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("locked"), last.body());
        HttpResponse<String> right = attempt(card, pin);
        assertEquals(429, right.statusCode());
        assertTrue(right.body().contains("locked"), right.body());
    }

    @Test
    @Order(4)
    void a_client_that_keeps_trying_is_challenged_and_then_rate_limited() throws Exception {
        HttpResponse<String> page = get("/balance");
        assertTrue(QUESTION.matcher(page.body()).find(), "a suspicious client is shown a challenge");
        String csrf = csrf(page.body());
        HttpResponse<String> unsolved = post("/balance", Map.of("csrf", csrf, "cardNumber", unknownCardNumber(), "pin", "1234"));
        assertTrue(unsolved.body().contains("not an automated program"), unsolved.body());
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || !last.body().contains("Too many attempts from your connection")); i++) {
            last = attempt(unknownCardNumber(), "1234");
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("Too many attempts from your connection"), last.body());
    }

    /** One balance check from a fresh form, answering the challenge when there is one. */
    private static HttpResponse<String> attempt(String cardNumber, String pinText) throws Exception {
        String form = get("/balance").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(form));
        fields.put("cardNumber", cardNumber);
        fields.put("pin", pinText);
        Matcher q = QUESTION.matcher(form);
        if (q.find()) {
            Matcher t = CHALLENGE_TOKEN.matcher(form);
            assertTrue(t.find());
            fields.put("challengeToken", t.group(1));
            fields.put("challengeAnswer", Integer.toString(Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2))));
        }
        return post("/balance", fields);
    }

    private static int unknownSequence;

    /** A well-formed (Luhn-valid) number in the loyalty range that no card has. */
    private static String unknownCardNumber() {
        String payload = String.format("619999%09d", ++unknownSequence);
        return payload + io.tally.domain.card.CardNumber.luhnCheckDigit(payload);
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
