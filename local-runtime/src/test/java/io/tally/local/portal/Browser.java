package io.tally.local.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium at phone size (390×844), with axe-core (from node_modules) for accessibility checks and
 * screenshots under target/. Everything it writes (profile, HOME) stays under target/.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private final ChromeDriver driver;
    private final String axe;

    private Browser(ChromeDriver driver, String axe) {
        this.driver = driver;
        this.axe = axe;
    }

    static Browser start(Path repoRoot) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "browser").toAbsolutePath());
        Path profile = Files.createTempDirectory(work, "profile-");
        Path home = Files.createDirectories(work.resolve("home"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=390,844");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "SE_OFFLINE", "true"))
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.manage().window().setSize(new Dimension(390, 844));
        String axe = Files.readString(repoRoot.resolve("node_modules/axe-core/axe.min.js"));
        return new Browser(driver, axe);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    void assertAccessible(String what) {
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " nodes: v.nodes.map(n => n.target.join(' '))})))))"
                + ".catch(e => done('ERROR ' + e));");
        String json = String.valueOf(result);
        assertTrue(json.startsWith("["), what + ": axe failed: " + json);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(v.path("id").asText() + " (" + impact + ") at " + v.path("nodes"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), serious, what + ": serious or critical accessibility violations");
    }

    /** Saves a full-page screenshot of the phone viewport as target/portal-screenshots/NAME.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
