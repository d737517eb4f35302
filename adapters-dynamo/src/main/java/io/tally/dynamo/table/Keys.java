package io.tally.dynamo.table;

import io.tally.domain.shared.ZeroPadded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Every key of the single table is built here, so the prefixes ({@code BRAND#}, {@code CARD#} …) live
 * in one place. docs/ARCHITECTURE.md lists the access pattern each serves.
 */
public final class Keys {
    private Keys() {
    }

    public static String brand(String brand) {
        return "BRAND#" + brand;
    }

    public static final String BRAND_SK = "BRAND";

    /** The sort key prefixes of each kind of configuration item in a brand's partition (A50: one kind per query). */
    public static final String LOCATION_GROUP_PREFIX = "LGRP#";
    public static final String LOCATION_PREFIX = "LOC#";
    public static final String TERMINAL_PREFIX = "TERM#";
    public static final String EMPLOYEE_PREFIX = "EMP#";
    public static final String CARD_SET_PREFIX = "CSET#";

    public static String locationGroupSk(String group) {
        return "LGRP#" + group;
    }

    public static String locationSk(String location) {
        return "LOC#" + location;
    }

    public static String terminalSk(String location, String terminal) {
        return "TERM#" + location + "#" + terminal;
    }

    public static String employeeSk(String location, String employee) {
        return "EMP#" + location + "#" + employee;
    }

    /** Programs and their value types share the prefix, so one query reads a brand's whole catalogue. */
    public static final String PROGRAM_PREFIX = "PROG#";

    public static String programSk(String program) {
        return PROGRAM_PREFIX + program + "#META";
    }

    public static String valueTypeSk(String program, String valueTypeKeyText) {
        return PROGRAM_PREFIX + program + "#VT#" + valueTypeKeyText;
    }

    /** A brand's event definitions (A70, A71): {@code BRAND#b / EVDEF#<category>}, one query lists them all. */
    public static final String EVENT_DEFINITION_PREFIX = "EVDEF#";

    public static String eventDefinitionSk(String category) {
        return EVENT_DEFINITION_PREFIX + category;
    }

    /**
     * A card's recorded event (A72, A73): {@code CARD#n / EVT#<occurredAt, epoch ms, 16 digits>#<event id>}. {@code EVT#}
     * sorts before {@code SEQ#}, so the ledger's queries of the partition (bounded to {@code SEQ#}) never meet it.
     */
    public static final String CARD_EVENT_PREFIX = "EVT#";

    public static String cardEventSk(long occurredAtMillis, String eventId) {
        return CARD_EVENT_PREFIX + ZeroPadded.of(occurredAtMillis, 16) + "#" + eventId;
    }

    /**
     * A card's statistics (A74, A75): {@code CARD#n / STATS#LEDGER} and {@code STATS#EVENTS}. {@code STATS#} sorts after
     * the profile's {@code SEQ~CARD}, so A11b's {@code BETWEEN SEQ# AND SEQ~CARD} never meets them.
     */
    public static final String CARD_LEDGER_STATS_SK = "STATS#LEDGER";
    public static final String CARD_EVENT_STATS_SK = "STATS#EVENTS";
    /** A card's customer score (A77): {@code CARD#n / STATS#SCORE}, beside its statistics. */
    public static final String CARD_SCORE_SK = "STATS#SCORE";
    /** A brand's customer score breakdown (A78): {@code BRAND#b / SCORES#BREAKDOWN}. */
    public static final String SCORE_BREAKDOWN_SK = "SCORES#BREAKDOWN";
    /** A brand's customer score settings (A100): {@code BRAND#b / SCORES#SETTINGS}. */
    public static final String SCORE_SETTINGS_SK = "SCORES#SETTINGS";
    /** The scoring job's run over a brand (A101): {@code BRAND#b / SCORES#RUN}. */
    public static final String SCORE_RUN_SK = "SCORES#RUN";

    public static String cardSetSk(String cardSet) {
        return "CSET#" + cardSet;
    }

    public static String apiKey(String keyId) {
        return "APIKEY#" + keyId;
    }

    public static final String API_KEY_SK = "APIKEY";

    /** GSI1: a brand's API keys, for listing. */
    public static String brandApiKeys(String brand) {
        return "BRAND#" + brand + "#APIKEYS";
    }

    public static String card(String cardNumber) {
        return "CARD#" + cardNumber;
    }

    /**
     * The card profile's sort key. It sorts after every {@code SEQ#} key of the card's ledger entries ('~' is above
     * '#' and every digit), so one descending Query of the partition with Limit 2 returns the profile and the head
     * entry together (access pattern A3).
     */
    public static final String CARD_SK = "SEQ~CARD";

    /** GSI1: the cards of a card set; sort key {@code U#number} while unallocated, {@code A#number} after. */
    public static String cardSetCards(String brand, String cardSet) {
        return "CSET#" + brand + "#" + cardSet;
    }

    public static final String UNALLOCATED_PREFIX = "U#";

    public static String unallocatedCardSk(String cardNumber) {
        return UNALLOCATED_PREFIX + cardNumber;
    }

    /** GSI1 sort key prefix of a card set's handed-out cards (A59). */
    public static final String ALLOCATED_PREFIX = "A#";

    public static String allocatedCardSk(String cardNumber) {
        return ALLOCATED_PREFIX + cardNumber;
    }

    /** GSI2 (card items): a brand's cards by customCardNumber; sort key the card number. */
    public static String customCardNumber(String brand, String customCardNumber) {
        return "CCN#" + brand + "#" + customCardNumber;
    }

    /** GSI3 (card items): a brand's cards by the primary customer's e-mail, lower-cased; sort key the card number. */
    public static String email(String brand, String normalizedEmail) {
        return "EMAIL#" + brand + "#" + normalizedEmail;
    }

    /** GSI4 (card items): a brand's cards by the primary customer's phone digits; sort key the card number. */
    public static String phone(String brand, String phoneDigits) {
        return "PHONE#" + brand + "#" + phoneDigits;
    }

    /**
     * GSI5 (card items): a brand's cards by the primary customer's first name (searchable form: NFD, no marks, lower
     * case), one partition per initial; sort key {@link #nameSk}. A prefix search queries the prefix's initial.
     */
    public static String firstName(String brand, String initial) {
        return "FNAME#" + brand + "#" + initial;
    }

    /** GSI6 (card items): a brand's cards by the primary customer's last name, like {@link #firstName}. */
    public static String lastName(String brand, String initial) {
        return "LNAME#" + brand + "#" + initial;
    }

    /** GSI5/GSI6 sort key: the name searched, the other name, the card number (name order, then number). */
    public static String nameSk(String searched, String other, String cardNumber) {
        return searched + "#" + other + "#" + cardNumber;
    }

    /**
     * A card's third-party username: a link item per (brand, system, username) and card, written before the card's
     * own write and verified against the card on read. System names cannot hold {@code #} (field name rules), so the
     * key is unambiguous.
     */
    public static String thirdPartyUsername(String brand, String system, String username) {
        byte[] utf8 = username.getBytes(StandardCharsets.UTF_8);
        // A partition key holds at most 2,048 bytes and a username up to 1,024 characters: a long one is keyed by its
        // SHA-256 (the card read back decides, so a shared hash could only cost a read).
        String name = utf8.length <= MAX_USERNAME_KEY_BYTES ? username : "~sha256~" + sha256(utf8);
        return "BRAND#" + brand + "#USERNAME#" + system + "#" + name;
    }

    private static final int MAX_USERNAME_KEY_BYTES = 512;

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A username link's sort key: the card it points at. */
    public static String usernameCardSk(String cardNumber) {
        return "CARD#" + cardNumber;
    }

    /**
     * A card's link to a location it was used at, in the card's partition. {@code L} sorts before {@code S} (and after
     * the coupon links' {@code C}), so the links lie outside every {@code SEQ#} range of the ledger's queries.
     */
    public static final String LOCATION_LINK_PREFIX = "LOC#";

    public static String locationLinkSk(String location) {
        return LOCATION_LINK_PREFIX + location;
    }

    /** Ledger entries share the card's partition; the zero-padded sequence makes SK order sequence order. */
    public static final String SEQUENCE_PREFIX = "SEQ#";
    private static final int SEQUENCE_DIGITS = 19;

    public static String sequenceSk(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("negative sequence " + sequence);
        }
        return SEQUENCE_PREFIX + ZeroPadded.of(sequence, SEQUENCE_DIGITS);
    }

    public static long sequenceOf(String sequenceSk) {
        if (!sequenceSk.startsWith(SEQUENCE_PREFIX)) {
            throw new IllegalArgumentException("not a ledger entry key: " + sequenceSk);
        }
        return Long.parseLong(sequenceSk.substring(SEQUENCE_PREFIX.length()));
    }

    /** A card's ledger id within its brand, claimed once (the middle of its transaction ids); holds the card number. */
    public static String ledgerId(String brand, String ledgerId) {
        return "LID#" + brand + "#" + ledgerId;
    }

    public static final String LEDGER_ID_SK = "LID";

    /** GSI1 (ledger entries): the outbox of entries whose event is not yet relayed, spread over a few shards. */
    public static String outboxShard(int shard) {
        return "OUTBOX#" + shard;
    }

    /** GSI1 sort key of an outbox entry: the entry's time (zero-padded epoch ms, so string order is time order), card, sequence. */
    public static String outboxSk(long epochMillis, String cardNumber, long sequence) {
        return ZeroPadded.of(Math.max(0, epochMillis), 16) + "#" + cardNumber + "#" + sequence;
    }

    /** The exclusive upper bound of outbox sort keys for entries made before {@code epochMillis}. */
    public static String outboxBefore(long epochMillis) {
        return ZeroPadded.of(Math.max(0, epochMillis), 16);
    }

    /** GSI4 (ledger entries): the expiry sweeper's index, spread over a few shards so no partition runs hot. */
    public static String dueShard(int shard) {
        return "DUE#" + shard;
    }

    /**
     * GSI4 sort key of a due entry: the due instant as zero-padded epoch milliseconds (so string order is time
     * order), then brand and card. {@link #dueBefore} is the exclusive upper bound for "due at or before".
     */
    public static String dueSk(long dueEpochMillis, String brand, String cardNumber) {
        return dueMillis(dueEpochMillis) + "#" + brand + "#" + cardNumber;
    }

    public static String dueBefore(long epochMillisExclusive) {
        return dueMillis(epochMillisExclusive);
    }

    /** Digits of the due instant at the start of a due sort key. */
    public static final int DUE_MILLIS_DIGITS = 16;

    private static String dueMillis(long epochMillis) {
        return ZeroPadded.of(Math.max(0, epochMillis), DUE_MILLIS_DIGITS);
    }

    /** Idempotency records: one item per brand and customRequestId. */
    public static String idempotency(String brand, String customRequestId) {
        return "IDEM#" + brand + "#" + customRequestId;
    }

    public static final String IDEMPOTENCY_SK = "IDEM";

    /** Explore Data rollups (A61-A63): the marks ({@link #ROLLUP_MARKS_SK}) and the days of one brand. */
    public static String explore(String brand) {
        return "EXPLORE#" + brand;
    }

    /** A day's header ({@code yyyy-MM-dd}); its parts sort right after it ({@link #rollupPartSk}). */
    public static String exploreDaySk(String isoDay) {
        return "DAY#" + isoDay;
    }

    public static String activity(String brand) {
        return "BRAND#" + brand + "#ACTIVITY";
    }

    public static String activitySk(String occurredAtIso, String eventId) {
        return "EVT#" + occurredAtIso + "#" + eventId;
    }

    /** GSI2 (activity items): a brand's events by the request ref they name; sort key the activity item's SK. */
    public static String activityByRequestRef(String brand, String requestRef) {
        return "REQREF#" + brand + "#" + requestRef;
    }

    /** GSI3 (activity items): a brand's events by the external transaction id they name; sort key the item's SK. */
    public static String activityByExternalId(String brand, String externalTransactionId) {
        return "XTXN#" + brand + "#" + externalTransactionId;
    }

    /**
     * A brand's checkout configuration (settings, coupon sets, SKU tags, campaigns) shares one prefix in the brand
     * partition, so one query reads all of it (access pattern A34).
     */
    public static final String CHECKOUT_PREFIX = "CHK#";

    public static final String CHECKOUT_SETTINGS_SK = CHECKOUT_PREFIX + "SETTINGS";

    public static String checkoutCouponSetSk(String couponSet) {
        return CHECKOUT_PREFIX + "CSET#" + couponSet;
    }

    public static String skuTagSk(String tag) {
        return CHECKOUT_PREFIX + "SKUTAG#" + tag;
    }

    public static String campaignSk(String campaign) {
        return CHECKOUT_PREFIX + "CAMP#" + campaign;
    }

    /** A brand's member portal configuration lives with the brand's other configuration. */
    public static final String PORTAL_SK = "PORTAL";

    /** A member's e-mail or phone ({@code email:x}, {@code phone:digits}) and the card that claimed it. */
    public static String contact(String brand, String contactText) {
        return "BRAND#" + brand + "#CONTACT#" + contactText;
    }

    public static final String CONTACT_SK = "CONTACT";

    /**
     * GSI2 (e-mail claims of enrollments with something left to do: pending, or a PIN still revealable): one partition
     * for every brand. Enrollments leave it within minutes, so it stays small; sort key {@link #enrollmentDueSk}.
     */
    public static final String ENROLLMENTS_DUE = "ENROLLMENTS#DUE";

    /** GSI2 sort key of a due enrollment: its due instant as zero-padded epoch milliseconds, then brand and e-mail. */
    public static String enrollmentDueSk(long dueEpochMillis, String brand, String contactText) {
        return dueMillis(dueEpochMillis) + "#" + brand + "#" + contactText;
    }

    /** The exclusive upper bound of enrollment due keys for "due before {@code epochMillis}". */
    public static String enrollmentDueBefore(long epochMillis) {
        return dueMillis(epochMillis);
    }

    /** An attempt counter (wrong PINs per card number, attempts per client) for one fixed window. */
    public static String counter(String counter) {
        return "COUNTER#" + counter;
    }

    public static String counterWindowSk(long windowStartEpochSecond) {
        return "W#" + windowStartEpochSecond;
    }

    public static String preferences(String brand, String emailContactText) {
        return "BRAND#" + brand + "#PREFS#" + emailContactText;
    }

    /** The choices stored whole before each list had its own item; read (A102), never written any more. */
    public static final String PREFERENCES_SK = "PREFS";

    /** One list's choice in a recipient's preferences partition; sorts before {@link #PREFERENCES_SK} (A102 reads both). */
    public static final String LIST_CHOICE_PREFIX = "LIST#";

    public static String listChoiceSk(String list) {
        return LIST_CHOICE_PREFIX + list;
    }

    /** The referral reward claim of one friend (by e-mail) in a brand. */
    public static String referral(String brand, String friendEmail) {
        return "BRAND#" + brand + "#REFERRAL#" + friendEmail;
    }

    public static final String REFERRAL_SK = "REFERRAL";

    /** That an e-mail message was handed to the mail provider. */
    public static String sentEmail(String brand, String messageId) {
        return "BRAND#" + brand + "#EMAIL#" + messageId;
    }

    public static final String SENT_EMAIL_SK = "SENT";

    /** A used member sign-in link (its random id): the link signs in once. */
    public static String signInLink(String brand, String linkId) {
        return "BRAND#" + brand + "#SIGNIN#" + linkId;
    }

    public static final String SIGN_IN_LINK_SK = "SIGNIN";

    /** An ended member session (a keyed digest of its id). */
    public static String endedSession(String brand, String sessionDigest) {
        return "BRAND#" + brand + "#MSESSION#" + sessionDigest;
    }

    public static final String ENDED_SESSION_SK = "ENDED";

    /** A coupon: one item per brand and code (codes are unique within a brand only). */
    public static String coupon(String brand, String code) {
        return "COUPON#" + brand + "#" + code;
    }

    public static final String COUPON_SK = "COUPON";

    /** GSI1: the coupons of a coupon set; sort key {@code U#code} while in the set's pool, {@code A#code} after. */
    public static String couponSetCoupons(String brand, String couponSet) {
        return "CPNSET#" + brand + "#" + couponSet;
    }

    public static String pooledCouponSk(String code) {
        return UNALLOCATED_PREFIX + code;
    }

    public static String keptCouponSk(String code) {
        return "A#" + code;
    }

    /**
     * A card's link to a coupon restricted to it, in the card's partition. {@code C} sorts before {@code S}, so the
     * links lie outside every {@code SEQ#} range of the ledger's queries (A11, A11b, A14).
     */
    public static final String COUPON_LINK_PREFIX = "CPN#";

    public static String couponLinkSk(String code) {
        return COUPON_LINK_PREFIX + code;
    }

    /** A campaign's budget counter: how many slots have been taken. */
    public static String campaignBudget(String brand, String campaign) {
        return "BRAND#" + brand + "#CAMPAIGN#" + campaign;
    }

    public static final String CAMPAIGN_BUDGET_SK = "BUDGET";

    /** The slot one checkout took from a campaign's budget ({@code checkoutKeyHash}: SHA-256, base64url). */
    public static String campaignFire(String brand, String campaign, String checkoutKeyHash) {
        return campaignBudget(brand, campaign) + "#FIRE#" + checkoutKeyHash;
    }

    public static final String CAMPAIGN_FIRE_SK = "FIRE";

    /** An anonymous checkout's record (card checkouts are CHECKOUT entries of the card's ledger). */
    public static String checkout(String brand, String transactionId) {
        return "CHECKOUT#" + brand + "#" + transactionId;
    }

    public static final String CHECKOUT_SK = "CHECKOUT";

    /** A coupon bulk load job (A34): its progress, one item written by every chunk consumer. */
    public static String couponLoad(String brand, String job) {
        return "BRAND#" + brand + "#COUPONLOAD#" + job;
    }

    public static final String COUPON_LOAD_SK = "COUPONLOAD";

    /** A staff action's audit record (A46): one item per brand and record id, so the id decides "recorded once". */
    public static String audit(String brand, String id) {
        return "BRAND#" + brand + "#AUDIT#" + id;
    }

    public static final String AUDIT_SK = "AUDIT";

    /** A Report Center report (A66): its request, progress and state, one item written by every shard's consumer. */
    public static String report(String brand, String id) {
        return "BRAND#" + brand + "#REPORT#" + id;
    }

    public static final String REPORT_SK = "REPORT";

    /** A brand's reports newest first (A67, GSI3): the reports' index partition. */
    public static String brandReports(String brand) {
        return "BRAND#" + brand + "#REPORTS";
    }

    /** A brand's audit log in time order (A47, GSI3): the records' index partition. */
    public static String brandAudit(String brand) {
        return "BRAND#" + brand + "#AUDIT";
    }

    /** The record's place in its brand's log: a fixed-width UTC instant (sorts as text), then its id. */
    public static String auditSk(String fixedWidthInstant, String id) {
        return fixedWidthInstant + "#" + id;
    }

    /** A staff member of the back office (ids are the identity service's, unique across brands). */
    public static String staff(String staffId) {
        return "STAFF#" + staffId;
    }

    public static final String STAFF_SK = "STAFF";

    /** GSI1: a brand's staff, sorted by e-mail. */
    public static String brandStaff(String brand) {
        return "BRAND#" + brand + "#STAFF";
    }

    public static String brandStaffSk(String email, String staffId) {
        return email + "#" + staffId;
    }
    /** GSI1: every brand of the stack, one index entry per brand item (A57: the periodic jobs visit each brand). */
    public static final String BRANDS_INDEX = "BRANDS";

    /** A brand's accounting rollups of one month ({@code yyyy-MM}): its days, their parts and its opening (A52-A54). */
    public static String rollupMonth(String brand, String yearMonth) {
        return "ROLLUP#" + brand + "#" + yearMonth;
    }

    /** A day's header in its month's partition: names the day's current generation and its part count. */
    public static String rollupDaySk(int dayOfMonth) {
        return dayOfMonth < 10 ? "DAY#0" + dayOfMonth : "DAY#" + dayOfMonth;
    }

    /** The month's opening balances' header (parts alike). */
    public static final String ROLLUP_OPENING_SK = "OPEN";
    /** A month's total (the sum of its days), its header and parts after every day and the opening in sort order. */
    public static final String ROLLUP_TOTAL_SK = "TOTAL";

    /** One part of a generation of a day or opening: sorts right after its header ({@code DAY#dd}, {@code OPEN}). */
    public static String rollupPartSk(String headerSk, String generation, int part) {
        return headerSk + "#G#" + generation + "#P#" + part;
    }

    /** A brand's rollup marks and late notes (A55, A56). */
    public static String rollups(String brand) {
        return "ROLLUP#" + brand;
    }

    public static final String ROLLUP_MARKS_SK = "MARKS";
    public static final String ROLLUP_LATE_PREFIX = "LATE#";

    /** A brand's test lists (A104, A105): {@code BRAND#b#TESTLISTS / TL#<id>}, one partition a brand. */
    public static final String TEST_LIST_PREFIX = "TL#";

    public static String testLists(String brand) {
        return "BRAND#" + brand + "#TESTLISTS";
    }

    public static String testListSk(String id) {
        return TEST_LIST_PREFIX + id;
    }

    /** A brand's e-mail templates (A106-A108): {@code BRAND#b#TEMPLATES / TPL#<id>}, one partition a brand. */
    public static final String TEMPLATE_PREFIX = "TPL#";

    public static String templates(String brand) {
        return "BRAND#" + brand + "#TEMPLATES";
    }

    public static String templateSk(String id) {
        return TEMPLATE_PREFIX + id;
    }

    /** A brand's asset library (A128-A131): {@code BRAND#b#ASSETS / ASSET#<id>}, one partition a brand. */
    public static final String ASSET_PREFIX = "ASSET#";

    public static String assets(String brand) {
        return "BRAND#" + brand + "#ASSETS";
    }

    public static String assetSk(String id) {
        return ASSET_PREFIX + id;
    }

    /** A brand's rules (A115-A117): {@code BRAND#b#RULES / RULE#<id>}, one partition a brand. */
    public static final String RULE_PREFIX = "RULE#";

    public static String rules(String brand) {
        return "BRAND#" + brand + "#RULES";
    }

    public static String ruleSk(String id) {
        return RULE_PREFIX + id;
    }

    /** The date rules' run over a brand (A139, A140): {@code BRAND#b#RULES / DATES#RUN}, outside A117's {@code RULE#}. */
    public static final String DATE_RUN_SK = "DATES#RUN";

    /**
     * Rule sends waiting out their delay (A118, A119): {@code RULEDUE#<UTC hour of the due time, yyyy-MM-ddTHH> /
     * <due time, epoch ms, 16 digits>#<brand>#<message id>}, one partition an hour for every brand, so the sweep reads
     * the hours up to now by key.
     */
    public static String dueRuleMails(String hour) {
        return "RULEDUE#" + hour;
    }

    public static String dueRuleMailSk(long dueMs, String brand, String messageId) {
        return dueMillis(dueMs) + "#" + brand + "#" + messageId;
    }

    /** A brand's segments (A85-A87): {@code BRAND#b#SEGMENTS / SEG#<id>}, one partition a brand, listed by one query. */
    public static final String SEGMENT_PREFIX = "SEG#";

    public static String segments(String brand) {
        return "BRAND#" + brand + "#SEGMENTS";
    }

    public static String segmentSk(String segmentId) {
        return SEGMENT_PREFIX + segmentId;
    }

    /**
     * A segment's evaluation snapshots (A90, A91, A93): headers {@code SEGSNAP#b#seg / SNAP#<day>.v<version>} and the
     * latest READY pointer {@code LATEST} in one partition a segment; a run's pages under {@code …#<snapshot>} and
     * its members spread over {@link #SNAPSHOT_MEMBER_SHARDS} partitions {@code …#<snapshot>#M<shard>} (A94).
     */
    public static final String SNAPSHOT_PREFIX = "SNAP#";
    public static final String SNAPSHOT_LATEST_SK = "LATEST";
    public static final String SNAPSHOT_PAGE_PREFIX = "P#";
    public static final String SNAPSHOT_MEMBER_PREFIX = "M#";
    public static final int SNAPSHOT_MEMBER_SHARDS = 16;

    public static String segmentSnapshots(String brand, String segment) {
        return "SEGSNAP#" + brand + "#" + segment;
    }

    public static String snapshotPages(String brand, String segment, String snapshot) {
        return segmentSnapshots(brand, segment) + "#" + snapshot;
    }

    public static String snapshotMembers(String brand, String segment, String snapshot, int shard) {
        return snapshotPages(brand, segment, snapshot) + "#M" + (shard < 10 ? "0" : "") + shard;
    }

    /** A card's member shard: its number's {@code String.hashCode} mod {@link #SNAPSHOT_MEMBER_SHARDS}. */
    public static int snapshotMemberShard(String card) {
        return Math.floorMod(card.hashCode(), SNAPSHOT_MEMBER_SHARDS);
    }

    public static String snapshotPageSk(int page) {
        String n = Integer.toString(page);
        return SNAPSHOT_PAGE_PREFIX + "0".repeat(Math.max(0, 6 - n.length())) + n;
    }

    /**
     * A card's mailing (A132, A133): {@code CARD#n / MAIL#<message id>}, one per message (a redelivery writes the same
     * key). {@code MAIL#} sorts before {@code SEQ#}, so the ledger's queries of the partition never meet it; the order
     * is GSI3's ({@link #cardMailings}).
     */
    public static final String CARD_MAILING_PREFIX = "MAIL#";

    public static String cardMailingSk(String messageId) {
        return CARD_MAILING_PREFIX + messageId;
    }

    /** GSI3 (card mailings): a card's mailings, sort key {@code <sentAt, epoch ms, 16 digits>#<message id>} (A133). */
    public static String cardMailings(String brand, String cardNumber) {
        return "MAILINGS#" + brand + "#" + cardNumber;
    }

    public static String cardMailingTime(long sentAtMillis, String messageId) {
        return ZeroPadded.of(sentAtMillis, 16) + "#" + messageId;
    }

    /** GSI3 bounds of the card mailings sent in {@code [from, to]} milliseconds, both included. */
    public static String cardMailingsFrom(long fromMillis) {
        return ZeroPadded.of(fromMillis, 16);
    }

    public static String cardMailingsTo(long toMillis) {
        return ZeroPadded.of(toMillis, 16) + "#~";
    }

    /** A checkout's revenue attribution, or the mark of its void (A134): {@code BRAND#b#MREV#<transaction id> / MREV}. */
    public static String attribution(String brand, String checkout) {
        return "BRAND#" + brand + "#MREV#" + checkout;
    }

    public static final String ATTRIBUTION_SK = "MREV";

    /** GSI2 (attributions not voided): a mailing's attributed checkouts, sort key the transaction id (A135). */
    public static String mailingRevenue(String brand, String mailing) {
        return "MREV#" + brand + "#" + mailing;
    }

    /** GSI3 (attributions not voided): a month's attributed checkouts, sort key {@code <yyyy-MM-dd>#<transaction id>} (A136). */
    public static String monthRevenue(String brand, String yearMonth) {
        return "DREV#" + brand + "#" + yearMonth;
    }

    /** A brand's scheduled sends (A109-A114): {@code BRAND#b#SENDS / SEND#<id>} and the brand's {@code RATE}. */
    public static final String SEND_PREFIX = "SEND#";
    public static final String SEND_RATE_SK = "RATE";

    public static String sends(String brand) {
        return "BRAND#" + brand + "#SENDS";
    }

    /** GSI1 of a QUEUED or SENDING send (A111; no entry in any other status): sorted by its time. */
    public static String sendsInStatus(String brand, String status) {
        return "BRAND#" + brand + "#SENDS#" + status;
    }

    /** A send's listed pages (A112): {@code BRAND#b#SEND#<id>#PAGES / P#<page>}. */
    public static String sendPages(String brand, String send) {
        return "BRAND#" + brand + "#SEND#" + send + "#PAGES";
    }

    /** A delivery event's claim (A120): {@code BRAND#b#DLVEVT#<event id> / DLVEVT}, one partition an event. */
    public static String deliveryEvent(String brand, String eventId) {
        return "BRAND#" + brand + "#DLVEVT#" + eventId;
    }

    public static final String DELIVERY_EVENT_SK = "DLVEVT";

    /** A recipient's first open, click or complaint of a mailing (A121): {@code BRAND#b#DLVFIRST#<mailing>#<kind>#<recipient> / FIRST}. */
    public static String deliveryFirst(String brand, String mailing, String kind, String recipient) {
        return "BRAND#" + brand + "#DLVFIRST#" + mailing + "#" + kind + "#" + recipient;
    }

    public static final String DELIVERY_FIRST_SK = "FIRST";

    /** A brand's delivery counters of one month (A122, A123): {@code BRAND#b#DLVSTATS#yyyy-MM / DAY#yyyy-MM-dd#M#<mailing>#L#<location>}. */
    public static String deliveryStats(String brand, String month) {
        return "BRAND#" + brand + "#DLVSTATS#" + month;
    }

    public static String deliveryStatsSk(String day, String mailing, String location) {
        return "DAY#" + day + "#M#" + mailing + "#L#" + location;
    }

    /** An address that bounced hard (A124, A125): {@code BRAND#b#BOUNCED#<normalised address> / BOUNCED}. */
    public static String bounced(String brand, String address) {
        return "BRAND#" + brand + "#BOUNCED#" + address;
    }

    public static final String BOUNCED_SK = "BOUNCED";
}
