package io.tally.domain.communication.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.communication.assets.AssetLibraryUseCase.Uploaded;
import io.tally.domain.fakes.InMemoryAssets;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploading, listing, serving and deleting asset library images: checked by their bytes, audited, brand-scoped. */
class AssetLibraryUseCaseTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final InMemoryAssets assets = new InMemoryAssets();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AssetLibraryUseCase library = new AssetLibraryUseCase(assets, assets,
            new SetupAudit(audit, new SeededRandom(1), clock), clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("a"), "admin@acme.test", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("b"), "b@acme.test", Role.ANALYST);

    static byte[] image(String format, int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0xff8800);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(image, format, out), format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void each_type_is_told_by_its_bytes_with_its_size_whatever_the_name() {
        for (String format : List.of("png", "gif", "jpg")) {
            byte[] bytes = image(format, 120, 45);
            Asset asset = assertInstanceOf(Uploaded.Done.class, library.upload(admin, "C:\\pics\\<b>logo.exe", bytes))
                    .asset();
            assertEquals(format, asset.type().extension());
            assertEquals(List.of(120, 45), List.of(asset.width(), asset.height()), format);
            assertEquals("blogo.exe", asset.name(), "the name is for people only");
            assertEquals("assets/ACME/" + asset.id() + "." + format, asset.objectKey());
            var served = library.serve(BRAND, asset.fileName()).orElseThrow();
            assertEquals(asset.type(), served.type());
            assertTrue(Arrays.equals(bytes, served.bytes()));
        }
        assertEquals(3, library.list(analyst).size(), "READ_SETUP lists");
        assertEquals(List.of("asset.upload"), audit.all().stream().map(r -> r.action()).distinct().toList());
    }

    @Test
    void anything_else_is_the_forms_error_and_nothing_is_stored() {
        byte[] png = image("png", 10, 10);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertEquals("That file is not a JPEG, GIF or PNG image (whatever its name says).",
                assertInstanceOf(Uploaded.Invalid.class, library.upload(admin, "logo.png",
                        svg.getBytes(StandardCharsets.UTF_8))).problem());
        assertInstanceOf(Uploaded.Invalid.class, library.upload(admin, "cut.png", Arrays.copyOf(png, 20)),
                "its header cut short");
        assertInstanceOf(Uploaded.Invalid.class, library.upload(admin, "big.png",
                Arrays.copyOf(png, AssetLibraryUseCase.MAX_BYTES + 1)), "over 1 MB");
        assertInstanceOf(Uploaded.Invalid.class, library.upload(admin, "empty.png", new byte[0]));
        assertInstanceOf(Uploaded.NotAllowed.class, library.upload(analyst, "logo.png", png));
        assertTrue(assets.list(BRAND, 500).isEmpty());
        assertTrue(assets.objectKeys().isEmpty());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void the_same_bytes_are_one_asset_and_another_brand_or_extension_finds_nothing() {
        byte[] png = image("png", 30, 20);
        Asset first = assertInstanceOf(Uploaded.Done.class, library.upload(admin, "a.png", png)).asset();
        clock.advance(java.time.Duration.ofMinutes(1));
        Asset again = assertInstanceOf(Uploaded.Done.class, library.upload(admin, "b.png", png)).asset();
        assertEquals(first, again);
        assertEquals(1, library.list(admin).size());
        assertEquals(Optional.empty(), library.serve(new BrandId("OTHER"), first.fileName()));
        assertEquals(Optional.empty(), library.serve(BRAND, first.id() + ".gif"));
        assertEquals(Optional.empty(), library.serve(BRAND, "../" + first.fileName()));
        assertEquals(Optional.empty(), library.serve(BRAND, "0".repeat(32) + ".png"));
    }

    @Test
    void delete_removes_the_file_and_the_item_at_once_and_is_audited() {
        Asset asset = assertInstanceOf(Uploaded.Done.class, library.upload(admin, "a.gif", image("gif", 5, 5)))
                .asset();
        assertFalse(library.delete(analyst, asset.id()), "READ_SETUP does not delete");
        assertTrue(library.delete(admin, asset.id()));
        assertFalse(library.delete(admin, asset.id()), "gone");
        assertTrue(library.serve(BRAND, asset.fileName()).isEmpty(), "the URL answers nothing from now on");
        assertTrue(assets.objectKeys().isEmpty());
        assertTrue(library.list(admin).isEmpty());
        assertEquals(List.of("asset.upload", "asset.delete"), audit.all().stream().map(r -> r.action()).toList());
    }

    @Test
    void jpeg_dimensions_come_from_the_frame_header_after_other_segments() {
        byte[] jpeg = image("jpg", 640, 480);
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(jpeg));
        int[] size = ImageType.JPEG.dimensions(jpeg).orElseThrow();
        assertEquals(List.of(640, 480), List.of(size[0], size[1]));
        assertTrue(ImageType.JPEG.dimensions(Arrays.copyOf(jpeg, 4)).isEmpty());
    }
}
