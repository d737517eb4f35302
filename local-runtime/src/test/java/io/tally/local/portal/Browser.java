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
 * Headless Debian Chromium (phone size, 390×844, for the member pages; any size for others), with axe-core (from
 * node_modules) for accessibility checks and screenshots under target/. Everything it writes (profile, HOME) stays
 * under target/.
 */
public final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private final ChromeDriver driver;
    private final String axe;
    private final Path screenshots;

    private Browser(ChromeDriver driver, String axe, Path screenshots) {
        this.driver = driver;
        this.axe = axe;
        this.screenshots = screenshots;
    }

    static Browser start(Path repoRoot) throws IOException {
        return start(repoRoot, 390, 844, SCREENSHOTS);
    }

    /** A browser whose window is {@code width × height}, saving screenshots into {@code screenshots}. */
    public static Browser start(Path repoRoot, int width, int height, Path screenshots) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "browser").toAbsolutePath());
        Path profile = Files.createTempDirectory(work, "profile-");
        Path home = Files.createDirectories(work.resolve("home"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "SE_OFFLINE", "true"))
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.manage().window().setSize(new Dimension(width, height));
        String axe = Files.readString(repoRoot.resolve("node_modules/axe-core/axe.min.js"));
        return new Browser(driver, axe, screenshots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    void assertAccessible(String what) {
        assertAccessible(what, false);
    }

    /** Runs axe-core on the current page and fails on any violation at all (or, unless {@code all}, any serious one). */
    public void assertAccessible(String what, boolean all) {
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
                if (all || impact.equals("serious") || impact.equals("critical")) {
                    serious.add(v.path("id").asText() + " (" + impact + ") at " + v.path("nodes"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), serious, what + ": accessibility violations");
    }

    /** Saves a screenshot of the viewport as NAME.png in the browser's screenshot folder. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
