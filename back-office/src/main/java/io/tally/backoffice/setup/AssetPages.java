package io.tally.backoffice.setup;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.communication.JteassetsGenerated;
import io.tally.domain.communication.assets.Asset;
import io.tally.domain.communication.assets.AssetLibraryUseCase;
import io.tally.domain.communication.assets.AssetLibraryUseCase.Uploaded;
import io.tally.domain.staff.Permission;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code /communications/assets}, the asset library: the brand's JPEG, GIF and PNG images for e-mail templates, each
 * with the public URL to paste into a template's {@code <img src>} (the portal serves it to mail clients). Listing needs
 * {@link Permission#READ_SETUP}; uploading (a multipart form) and deleting {@link Permission#MANAGE_SETUP}; the use
 * case checks again.
 */
public final class AssetPages implements OfficeArea {
    static final String PATH = "/communications/assets";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final AssetLibraryUseCase library;
    private final Optional<String> portalOrigin;
    private final boolean local;

    /** @param portalOrigin the member pages' own origin when the brand has one (their URLs must name it), else none */
    public AssetPages(AssetLibraryUseCase library, Optional<String> portalOrigin, boolean local) {
        this.library = library;
        this.portalOrigin = portalOrigin;
        this.local = local;
    }

    /** One listed image. */
    public record Row(String id, String name, String type, String size, String pixels, String uploaded, String by,
                      String url) {
    }

    @Override
    public void register(OfficeRouter router) {
        router.get(PATH, Permission.READ_SETUP, c -> page(c, 200, null, c.request().query("uploaded").equals("1")))
                .post(PATH, Permission.MANAGE_SETUP, this::upload)
                .post(PATH + "/{id}/delete", Permission.MANAGE_SETUP, c -> library.delete(c.scope(), c.param("id"))
                        ? OfficeResponse.redirect(PATH) : c.notFound());
    }

    private OfficeResponse upload(OfficeCall c) {
        var file = c.request().file("image");
        Uploaded result = library.upload(c.scope(), file.map(f -> f.fileName()).orElse(""),
                file.map(f -> f.bytes()).orElse(new byte[0]));
        if (result instanceof Uploaded.Done) {
            return OfficeResponse.redirect(PATH + "?uploaded=1");
        }
        if (result instanceof Uploaded.Invalid invalid) {
            return page(c, 400, invalid.problem(), false);
        }
        return c.notFound();
    }

    private OfficeResponse page(OfficeCall c, int status, String error, boolean uploaded) {
        String origin = portalOrigin.orElse((local ? "http://" : "https://") + c.request().host());
        List<Row> rows = library.list(c.scope()).stream().map(a -> row(a, origin)).toList();
        Page page = c.page("Asset library", "setup", uploaded ? "Uploaded." : null);
        boolean manage = c.scope().can(Permission.MANAGE_SETUP);
        return OfficeResponse.html(status, Html.render(o -> JteassetsGenerated.render(o, null, page, rows, error, manage,
                AssetLibraryUseCase.MAX_BYTES / 1024)));
    }

    private static Row row(Asset a, String origin) {
        return new Row(a.id(), a.name(), a.type().name(), kilobytes(a.bytes()), a.width() + " × " + a.height(),
                WHEN.format(a.uploadedAt()), a.uploadedBy(),
                origin + "/portal/" + a.brand().value() + "/assets/" + a.fileName());
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KB";
    }
}
