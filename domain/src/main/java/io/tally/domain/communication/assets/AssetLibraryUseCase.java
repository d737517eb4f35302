package io.tally.domain.communication.assets;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's asset library (JPEG, GIF and PNG images for e-mail templates): brand admins upload and delete
 * ({@link Permission#MANAGE_SETUP}), whoever reads the setup lists ({@link Permission#READ_SETUP}). An upload is
 * checked by its bytes (type by signature, at most {@link #MAX_BYTES}, dimensions from its header), stored in the object
 * store first and listed second, so a listed asset always has its file. The portal serves each at a public, immutable
 * URL ({@code /portal/<brand>/assets/<id>.<ext>}) for {@code <img src>} in templates.
 * <p>
 * <b>Deleting</b> removes the file and then the item, at once: every template and every e-mail already sent that
 * shows the image shows a broken image from then on (mail clients that copied it, e.g. through an image proxy, may
 * keep it). Until deleted an image keeps working, whatever templates change. Both steps are idempotent, so a delete
 * cut short is simply made again.
 */
public final class AssetLibraryUseCase {
    /** Largest image: e-mail images are small, and a Lambda answer is at most 6 MB (base64 makes 1 MB about 1.4). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Largest width or height: anything larger is not an e-mail image (and may be a decompression bomb). */
    public static final int MAX_PIXELS = 10_000;
    private final AssetsPort assets;
    private final AssetFilesPort files;
    private final SetupAudit audit;
    private final Clock clock;

    public AssetLibraryUseCase(AssetsPort assets, AssetFilesPort files, SetupAudit audit, Clock clock) {
        this.assets = assets;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of an upload. */
    public sealed interface Uploaded {
        /** Stored (or it was there already: the same bytes are the same asset). */
        record Done(Asset asset) implements Uploaded {
        }

        /** Not an image we take, or too big, or the library is full: the form's error, nothing stored. */
        record Invalid(String problem) implements Uploaded {
        }

        record NotAllowed() implements Uploaded {
        }
    }

    /** The bytes of one asset to serve, with their type. */
    public record Served(ImageType type, byte[] bytes) {
    }

    public Uploaded upload(StaffScope scope, String fileName, byte[] bytes) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return new Uploaded.NotAllowed();
        }
        if (bytes.length == 0) {
            return new Uploaded.Invalid("Choose an image file to upload.");
        }
        if (bytes.length > MAX_BYTES) {
            return new Uploaded.Invalid("The image is larger than 1 MB: make it smaller (e-mail images rarely need more"
                    + " than 200 KB).");
        }
        Optional<ImageType> type = ImageType.sniff(bytes);
        if (type.isEmpty()) {
            return new Uploaded.Invalid("That file is not a JPEG, GIF or PNG image (whatever its name says).");
        }
        Optional<int[]> size = type.get().dimensions(bytes);
        if (size.isEmpty()) {
            return new Uploaded.Invalid("That " + type.get().name() + " image is damaged: its size cannot be read.");
        }
        if (size.get()[0] > MAX_PIXELS || size.get()[1] > MAX_PIXELS) {
            return new Uploaded.Invalid("The image is wider or taller than " + MAX_PIXELS + " pixels.");
        }
        Asset asset = new Asset(scope.brand(), id(bytes), type.get(), bytes.length, size.get()[0], size.get()[1],
                displayName(fileName), clock.instant(), scope.email());
        Optional<Asset> existing = assets.find(scope.brand(), asset.id());
        if (existing.isPresent()) {
            return new Uploaded.Done(existing.get());
        }
        if (assets.list(scope.brand(), AssetsPort.MAX_ASSETS).size() >= AssetsPort.MAX_ASSETS) {
            return new Uploaded.Invalid("The library holds " + AssetsPort.MAX_ASSETS + " images, its most: delete some"
                    + " first.");
        }
        audit.record(scope, "asset.upload", "asset:" + asset.id(), Map.of(), Map.of("name", asset.name(),
                "type", asset.type().name(), "bytes", Long.toString(asset.bytes()),
                "size", asset.width() + "x" + asset.height()));
        files.put(asset.objectKey(), bytes, asset.type().contentType());
        if (!assets.create(asset)) {
            return new Uploaded.Done(assets.find(scope.brand(), asset.id()).orElse(asset)); // a twin upload won
        }
        return new Uploaded.Done(asset);
    }

    /** The brand's assets, newest first; none for a role that does not read the setup. */
    public List<Asset> list(StaffScope scope) {
        if (!scope.can(Permission.READ_SETUP)) {
            return List.of();
        }
        return assets.list(scope.brand(), AssetsPort.MAX_ASSETS);
    }

    /** Deletes the file, then the item (see the class comment); false when not allowed or there is no such asset. */
    public boolean delete(StaffScope scope, String id) {
        if (!scope.can(Permission.MANAGE_SETUP) || !Asset.isId(id)) {
            return false;
        }
        Optional<Asset> asset = assets.find(scope.brand(), id);
        if (asset.isEmpty()) {
            return false;
        }
        audit.record(scope, "asset.delete", "asset:" + id, Map.of("name", asset.get().name(),
                "type", asset.get().type().name()), Map.of());
        files.delete(asset.get().objectKey());
        assets.delete(scope.brand(), id);
        return true;
    }

    /**
     * An asset's bytes for the portal's public URL, {@code <id>.<ext>}: the brand's own object key only, so another
     * brand's id, an unknown one or the wrong extension finds nothing. No table read: the object is the asset.
     */
    public Optional<Served> serve(BrandId brand, String fileName) {
        return serve(files, brand, fileName);
    }

    /** {@link #serve(BrandId, String)} for the portal, which has the object store and nothing else of the library. */
    public static Optional<Served> serve(AssetFilesPort files, BrandId brand, String fileName) {
        int dot = fileName.indexOf('.');
        if (dot < 0 || !Asset.isId(fileName.substring(0, dot))) {
            return Optional.empty();
        }
        return ImageType.ofExtension(fileName.substring(dot + 1)).flatMap(type ->
                files.get(Asset.objectKey(brand, fileName)).map(bytes -> new Served(type, bytes)));
    }

    static String id(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The uploaded name, for people: letters, digits, space, dot, dash, underscore; at most {@link Asset#MAX_NAME}. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        if (name.isEmpty()) {
            name = "image";
        }
        return name.substring(0, Math.min(name.length(), Asset.MAX_NAME));
    }
}
