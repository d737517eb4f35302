package io.tally.lambda.admin;

import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.domain.campaign.CampaignEngine;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.provisioning.InvalidSeedException;
import io.tally.domain.provisioning.SeedReport;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ManageApiKeysUseCase;
import io.tally.lambda.provisioning.SeedJson;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operator's command line for a brand's stack: apply a seed, create, list and revoke API keys, list, put and
 * remove campaigns, load coupons, create, list, disable and enable back-office staff.
 * It uses the same graph as the Lambda functions, configured from the same environment variables
 * ({@code TALLY_TABLE_NAME}, {@code TALLY_EVENTS_QUEUE_URL}, AWS credentials and region; or the local
 * endpoints that {@code ./tally up} writes to {@code .tally/local.env}).
 */
public final class TallyAdmin {
    static final String USAGE = """
            usage: tally admin <command>
              seed FILE [--local]                apply a seed (--local: secrets stated in it are allowed)
              keys list BRAND                    a brand's API keys, without secrets
              keys create BRAND KEY_ID [LABEL]   a new key; its secret is printed once
              keys revoke BRAND KEY_ID           the key stops authenticating (everywhere within 60 s)
              campaigns list BRAND               the brand's campaigns in evaluation order, in words
              campaigns put BRAND FILE           upsert campaigns from {"campaigns": [...]} (the seed's format), validated first
              campaigns remove BRAND ID          delete a campaign
            """ + CouponsCommand.USAGE + "\n" + StaffCommand.USAGE + """

            configuration: TALLY_TABLE_NAME, TALLY_EVENTS_QUEUE_URL, TALLY_COUPON_LOADS_QUEUE_URL (coupon loads),
              TALLY_STAFF_POOL_ID and TALLY_STAFF_CLIENT_ID (staff; the stack's StaffUserPoolId and StaffUserPoolClientId
              outputs) (and AWS credentials, or the local endpoints)""";

    /** How often a coupon load's progress is read, and how long without progress before the command stops waiting. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    static final Duration STALL_LIMIT = Duration.ofMinutes(15);

    private TallyAdmin() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage or configuration). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || a.contains("-h") || a.contains("--help")) {
            out.println(USAGE);
            return a.isEmpty() ? 2 : 0;
        }
        if (a.get(0).equals("staff")) {
            return staff(a, env, out, err);
        }
        TallyComponent component;
        try {
            component = TallyComponent.create(Settings.fromEnvironment(env).withRequestLog(false));
        } catch (IllegalArgumentException e) {
            err.println("tally admin: " + e.getMessage() + " (run it where the stack's environment is set, or after ./tally up)");
            return 2;
        }
        try {
            return switch (a.get(0)) {
                case "seed" -> seed(component, a, out, err);
                case "keys" -> keys(component.manageApiKeys(), a, out, err);
                case "campaigns" -> campaigns(component, a, out, err);
                case "coupons" -> new CouponsCommand(component.startCouponLoad(), out, err, Clock.systemUTC(),
                        POLL_EVERY, STALL_LIMIT).run(a);
                default -> usage(err, "unknown command " + a.get(0));
            };
        } catch (RuntimeException e) {
            err.println("tally admin: failed: " + e);
            return 1;
        }
    }

    /** The staff commands run on the back office's graph: the staff pool and the table, no merchant API. */
    private static int staff(List<String> a, Map<String, String> env, PrintStream out, PrintStream err) {
        OfficeComponent office;
        try {
            office = OfficeComponent.create(OfficeSettings.forOperator(env));
        } catch (IllegalArgumentException e) {
            err.println("tally admin: " + e.getMessage() + " (run it where the stack's environment is set, or after ./tally up)");
            return 2;
        }
        try {
            return new StaffCommand(office.staff(), out, err).run(a);
        } catch (RuntimeException e) {
            err.println("tally admin: failed: " + e);
            return 1;
        }
    }

    private static int seed(TallyComponent component, List<String> a, PrintStream out, PrintStream err) {
        if (a.size() < 2) {
            return usage(err, "seed needs a file");
        }
        String text = read(a.get(1), err);
        if (text == null) {
            return 2;
        }
        try {
            SeedReport report = component.applySeed().apply(new SeedJson().read(text), a.contains("--local"));
            out.println(report.changedNothing() ? "Nothing to change." : report.itemsChanged() + " items written, "
                    + report.cardsGenerated() + " cards generated.");
            report.newKeys().forEach(k -> out.println("API key " + k.keyId() + " (brand " + k.brand() + "), secret: "
                    + k.secret() + "   <- shown once; only its hash is stored"));
            return 0;
        } catch (InvalidSeedException e) {
            err.println("tally admin: " + e.getMessage());
            return 1;
        }
    }

    private static int campaigns(TallyComponent component, List<String> a, PrintStream out, PrintStream err) {
        if (a.size() < 3 || !Identifiers.isValid(a.get(2))) {
            return usage(err, "campaigns needs a subcommand and a brand id");
        }
        BrandId brand = new BrandId(a.get(2));
        switch (a.get(1)) {
            case "list" -> {
                CheckoutConfig config = component.checkoutConfigStore().load(brand);
                if (config.campaigns().isEmpty()) {
                    out.println("Brand " + brand + " has no campaigns.");
                }
                out.println("currency " + config.currency().code() + ", time zone " + config.zone());
                config.campaigns().stream().sorted(CampaignEngine.ORDER).forEach(c -> out.println(CampaignListing.describe(c)));
                return 0;
            }
            case "put" -> {
                if (a.size() < 4) {
                    return usage(err, "campaigns put needs a brand and a file");
                }
                String text = read(a.get(3), err);
                if (text == null) {
                    return 2;
                }
                try {
                    SeedReport report = component.applySeed().putCampaigns(brand, new SeedJson().readCampaigns(text));
                    out.println(report.changedNothing() ? "Nothing to change."
                            : report.itemsChanged() + " campaigns written, " + report.itemsUnchanged() + " unchanged.");
                    return 0;
                } catch (InvalidSeedException e) {
                    err.println("tally admin: " + e.getMessage());
                    return 1;
                }
            }
            case "remove" -> {
                if (a.size() < 4 || !Identifiers.isValid(a.get(3))) {
                    return usage(err, "campaigns remove needs a brand and a campaign id");
                }
                if (!component.checkoutConfigStore().removeCampaign(brand, new CampaignId(a.get(3)))) {
                    err.println("tally admin: brand " + brand + " has no campaign " + a.get(3));
                    return 1;
                }
                out.println("Campaign " + a.get(3) + " removed.");
                return 0;
            }
            default -> {
                return usage(err, "unknown campaigns subcommand " + a.get(1));
            }
        }
    }

    private static int keys(ManageApiKeysUseCase keys, List<String> a, PrintStream out, PrintStream err) {
        if (a.size() < 3 || !Identifiers.isValid(a.get(2))) {
            return usage(err, "keys needs a subcommand and a brand id");
        }
        BrandId brand = new BrandId(a.get(2));
        switch (a.get(1)) {
            case "list" -> {
                var listed = keys.list(brand);
                if (listed.isEmpty()) {
                    out.println("Brand " + brand + " has no API keys.");
                }
                listed.forEach(k -> out.println(k.keyId() + "\t" + (k.revokedAt().isPresent() ? "revoked " + k.revokedAt().get()
                        : "active") + "\tcreated " + k.createdAt() + (k.label().isEmpty() ? "" : "\t" + k.label())));
                return 0;
            }
            case "create" -> {
                if (a.size() < 4) {
                    return usage(err, "keys create needs a brand and a key id");
                }
                var created = keys.create(brand, a.get(3), a.size() > 4 ? String.join(" ", a.subList(4, a.size())) : "");
                return report(created, c -> "API key " + c.key().keyId() + " (brand " + brand + "), secret: " + c.secret()
                        + "   <- shown once; only its hash is stored", out, err);
            }
            case "revoke" -> {
                if (a.size() < 4) {
                    return usage(err, "keys revoke needs a brand and a key id");
                }
                return report(keys.revoke(brand, a.get(3)),
                        k -> "API key " + k.keyId() + " revoked at " + k.revokedAt().orElseThrow(), out, err);
            }
            default -> {
                return usage(err, "unknown keys subcommand " + a.get(1));
            }
        }
    }

    private static <T> int report(Outcome<T> outcome, java.util.function.Function<T, String> line, PrintStream out,
                                  PrintStream err) {
        if (outcome instanceof Outcome.Rejected<T> r) {
            err.println("tally admin: " + r.rejection().detail());
            return 1;
        }
        out.println(line.apply(outcome.value()));
        return 0;
    }

    /** The file's text, or null after saying why it cannot be read. */
    private static String read(String file, PrintStream err) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            err.println("tally admin: cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("tally admin: " + problem);
        err.println(USAGE);
        return 2;
    }
}
