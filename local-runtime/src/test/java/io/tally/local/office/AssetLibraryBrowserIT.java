package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.choose;
import static io.tally.local.office.OfficeTestSupport.mainText;
import static io.tally.local.office.OfficeTestSupport.post;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The asset library in headless Chromium: an admin's upload of a text file named like a PNG is refused with the form's
 * error; a real PNG is listed with its public URL, which the portal serves (s3rver behind it) with its type, a year's
 * immutable caching, nosniff and no cookie, while another brand's path and an unknown id answer 404; deleting it makes
 * the URL answer 404. Then the Report Center's direct mail form queues a list's addresses. Every page passes axe-core.
 */
class AssetLibraryBrowserIT {
    private static final String PASSWORD = "Assets-Admin-42!";
    private static final Path WORK = Path.of("target", "asset-library-it");
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-asset-library");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_admin_uploads_a_png_sees_it_listed_and_mail_clients_fetch_it_from_the_portal() throws Exception {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "assets.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "assets.admin@example.com", PASSWORD);
        visit(tally, browser, "/communications/assets", "assets-empty");
        assertTrue(mainText(browser).contains("No images yet."), mainText(browser));

        Files.createDirectories(WORK);
        Path fake = WORK.resolve("logo.png");
        Files.writeString(fake, "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", StandardCharsets.UTF_8);
        upload(fake);
        assertTrue(mainText(browser).contains("That file is not a JPEG, GIF or PNG image"), mainText(browser));
        check(browser, "assets-refused");

        Path png = WORK.resolve("banner.png");
        byte[] bytes = png(png, 300, 80);
        upload(png);
        assertTrue(mainText(browser).contains("banner.png") && mainText(browser).contains("300 × 80"),
                mainText(browser));
        check(browser, "assets-listed");
        String url = browser.driver().findElement(By.cssSelector("#assets code.url")).getText();
        assertTrue(url.startsWith(tally.endpoints().baseUrl() + "/portal/DEMO/assets/") && url.endsWith(".png"), url);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertArrayEquals(bytes, image.body());
        assertEquals("image/png", image.headers().firstValue("content-type").orElse(""));
        assertEquals("public, max-age=31536000, immutable", image.headers().firstValue("cache-control").orElse(""));
        assertEquals("nosniff", image.headers().firstValue("x-content-type-options").orElse(""));
        assertTrue(image.headers().allValues("set-cookie").isEmpty(), "no cookie");
        assertEquals(404, status(http, url.replace("/portal/DEMO/", "/portal/OTHER/")), "another brand's path");
        assertEquals(404, status(http, url.replaceAll("/assets/[0-9a-f]{32}", "/assets/" + "0".repeat(32))));

        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("#assets form[action$='/delete'] button[type=submit]")));
        assertTrue(mainText(browser).contains("No images yet."), mainText(browser));
        assertEquals(404, status(http, url), "deleted: the URL answers nothing from now on");

        visit(tally, browser, "/reports", "reports-direct-mail");
        choose(browser, "list", "account");
        post(browser, "/reports/direct-mail");
        assertTrue(mainText(browser).contains("Direct mail addresses") && mainText(browser).contains("list account"),
                mainText(browser));
        check(browser, "reports-direct-mail-queued");
    }

    private static void upload(Path file) {
        browser.driver().findElement(By.name("image")).sendKeys(file.toAbsolutePath().toString());
        post(browser, "/communications/assets");
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static byte[] png(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x2266aa);
        }
        ImageIO.write(image, "png", file.toFile());
        return Files.readAllBytes(file);
    }
}
