package io.tally.local;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.submit;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.staff.Role;
import io.tally.lambda.wiring.Settings;
import io.tally.local.office.OfficeTestSupport;
import io.tally.local.office.Totp;
import io.tally.local.portal.Browser;
import io.tally.local.portal.PortalTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Everything the functions write while a realistic flow crosses them, scanned: a till allocates a card (its PIN in
 * the answer) and moves money with the PIN; a member enrols on the member pages, checks the balance with the PIN and
 * opens the welcome e-mail's signed link; a staff member signs in to the back office with a password, enrols an
 * authenticator (TOTP secret and code) and resends a welcome e-mail. Standard output is the functions' log stream
 * (what CloudWatch Logs gets on Lambda): every line of it must be JSON. Standard error is the local runtime's own log
 * (slf4j-simple: the servers, the HTTP front) and the browser driver's; it need not be JSON. Neither may contain any
 * secret the flow used.
 */
class LogScanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final String STAFF = "log.scan@example.com";
    private static final String STAFF_PASSWORD = "Log-Scan-Password-81";
    private static final String API_SECRET = "demo-secret-do-not-use-in-production";

    /** Long secrets: none may appear anywhere, as a substring. */
    private final Set<String> secrets = new LinkedHashSet<>();
    /** Short ones (PINs, TOTP codes): never as a whole value, nor right after a name that says what they are. */
    private final Map<String, String> shortSecrets = new LinkedHashMap<>();

    @Test
    void the_functions_write_json_lines_and_never_a_secret() throws Exception {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(stdout, out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(stderr, err), true, StandardCharsets.UTF_8));
        LocalTally tally = null;
        Browser browser = null;
        try {
            tally = PortalTestSupport.start("log-scan-it");
            secrets.addAll(List.of(API_SECRET, LocalTally.LOCAL_PORTAL_SECRET, LocalTally.LOCAL_OFFICE_SECRET,
                    Settings.LOCAL_SEAL_SECRET, STAFF_PASSWORD));
            String card = merchantFlow(tally);
            portalFlow(tally);
            browser = OfficeTestSupport.browser();
            officeFlow(tally, browser, card);
        } finally {
            OfficeTestSupport.close(tally, browser);
            System.setOut(stdout);
            System.setErr(stderr);
        }
        List<String> ours = lines(out);
        assertTrue(ours.size() > 20, "the flow logged: " + ours);
        for (String line : ours) {
            JsonNode json = parse(line);
            assertTrue(json.has("_aws") || json.has("level") && json.has("message"), line);
            assertNoShortSecret(json, line);
        }
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"service\":\"merchant-api\"") && l.contains("\"status\":")));
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"service\":\"portal\"")));
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"service\":\"back-office\"")));
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"service\":\"email-sender\"")));
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"MoneyIssued\"")), "money issued was counted");
        String everything = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertTrue(secret.length() >= 8, "a secret long enough to look for as text: " + secret);
            assertFalse(everything.contains(secret), () -> "a secret was logged: " + secret + " in\n" + linesWith(everything, secret));
        }
        for (String line : lines(err)) {
            for (String shortSecret : shortSecrets.keySet()) {
                assertFalse(named(shortSecret).matcher(line).find(), line);
            }
        }
    }

    private String merchantFlow(LocalTally tally) {
        MerchantClient till = MerchantClient.demo(tally);
        JsonNode allocated = ok(till.with("customRequestId", "log-scan-allocate").call("allocate", "{\"cardSetId\": \"GIFT01\"}"));
        String card = allocated.get("cardNumber").asText();
        String pin = allocated.get("pin").asText();
        shortSecrets.put(pin, "pin");
        ok(till.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\", \"forcePinValidation\": true, "
                + "\"pin\": \"" + pin + "\", \"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": 20.00}}"));
        String wrongPin = pin.equals("0000") ? "1111" : "0000";
        assertEquals(10, code(till.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"redeem\", "
                + "\"forcePinValidation\": true, \"pin\": \"" + wrongPin + "\", \"amount\": {\"balanceType\": \"Currency\", "
                + "\"balanceCode\": \"USD\", \"amount\": 1.00}}")));
        ok(till.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": {\"firstName\": \"Lou\", "
                + "\"email\": \"lou.scan@example.com\"}}"));
        assertEquals(2, code(new MerchantClient(tally.endpoints().baseUrl(), "demo-pos", "not-" + API_SECRET, "DEMO", "DEMO001",
                "pos-1").call("listValueType", "{}")));
        secrets.add("not-" + API_SECRET);
        return card;
    }

    private void portalFlow(LocalTally tally) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        String base = tally.endpoints().baseUrl() + "/portal/DEMO";
        String csrf = csrf(get(http, base + "/enroll").body());
        String enrolled = post(http, base + "/enroll", Map.of("csrf", csrf, "applicationId", "demo-portal",
                "merchantId", "DEMOWEB", "firstName", "Mo", "email", "mo.scan@example.com")).body();
        String card = match("id=\"new-card-number\">([0-9 ]+)<", enrolled).replace(" ", "");
        String pin = match("id=\"new-card-pin\">([0-9]+)<", enrolled);
        shortSecrets.put(pin, "pin");
        String balanceForm = get(http, base + "/balance").body();
        HttpResponse<String> balance = post(http, base + "/balance", Map.of("csrf", csrf(balanceForm), "cardNumber", card, "pin", pin));
        assertEquals(200, balance.statusCode(), balance.body());
        String mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains("mo.scan@example.com")).text();
        for (String link : linkSecrets(mail)) {
            assertEquals(200, get(http, link).statusCode(), link);
        }
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            addIfLong(cookie.getValue());
        }
        secrets.add(csrf);
    }

    private void officeFlow(LocalTally tally, Browser browser, String card) throws Exception {
        var created = OfficeTestSupport.createStaff(tally, DEMO, STAFF, Role.ADMIN);
        secrets.add(created.temporaryPassword());
        signIn(tally, browser, STAFF, created.temporaryPassword());
        fill(browser, "password", STAFF_PASSWORD);
        fill(browser, "confirm", STAFF_PASSWORD);
        submit(browser);
        visit(tally, browser, "/mfa", "log-scan-mfa");
        fill(browser, "password", STAFF_PASSWORD);
        submit(browser);
        String totpSecret = browser.driver().findElement(By.id("secret")).getText();
        secrets.add(totpSecret);
        String code = Totp.code(totpSecret, Instant.now());
        shortSecrets.put(code, "code");
        fill(browser, "code", code);
        submit(browser);
        assertEquals("Second factor on", OfficeTestSupport.heading(browser));
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            addIfLong(cookie.getValue());
        }
        visit(tally, browser, "/cards/" + card + "/welcome", "log-scan-welcome");
        fill(browser, "reason", "Log scan");
        submit(browser);
        assertEquals("Welcome e-mail queued", OfficeTestSupport.heading(browser));
        secrets.addAll(linkSecrets(PortalTestSupport.awaitMail(tally, m -> m.to().contains("lou.scan@example.com")).text())
                .stream().flatMap(l -> queryValues(l).stream()).filter(v -> v.length() >= 16).toList());
    }

    /** Cookies also hold short flags; only values long enough to be a session or token are secrets. */
    private void addIfLong(String value) {
        if (value != null && value.length() >= 16) {
            secrets.add(value);
        }
    }

    /** The links of a captured e-mail; their query values (signed tokens) become secrets. */
    private List<String> linkSecrets(String mail) {
        List<String> links = new ArrayList<>();
        Matcher m = URL.matcher(mail.replace("&amp;", "&"));
        while (m.find()) {
            links.add(m.group());
            queryValues(m.group()).stream().filter(v -> v.length() >= 16).forEach(secrets::add);
        }
        return links;
    }

    private static List<String> queryValues(String link) {
        String query = URI.create(link).getRawQuery();
        if (query == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String pair : query.split("&")) {
            String value = pair.substring(pair.indexOf('=') + 1);
            values.add(value);
            values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A PIN or code is never a whole value, nor follows its own name ({@code pin=1234}, {@code "code":"123456"}). */
    private void assertNoShortSecret(JsonNode json, String line) {
        List<String> values = new ArrayList<>();
        collect(json, values);
        for (String shortSecret : shortSecrets.keySet()) {
            assertFalse(values.contains(shortSecret), () -> "a PIN or code is a logged value: " + line);
            assertFalse(named(shortSecret).matcher(line).find(), line);
        }
    }

    private Pattern named(String shortSecret) {
        return Pattern.compile("(?i)" + shortSecrets.get(shortSecret) + "\\W{0,6}" + Pattern.quote(shortSecret) + "(?![0-9])");
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, values));
        } else {
            values.add(node.asText());
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("a function wrote a line that is not JSON: " + line, e);
        }
    }

    private static List<String> lines(ByteArrayOutputStream captured) {
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static String linesWith(String text, String secret) {
        return text.lines().filter(l -> l.contains(secret)).collect(Collectors.joining("\n"));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        return match(CSRF.pattern(), html);
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    /** Writes to the console as before and keeps a copy for the scan. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
