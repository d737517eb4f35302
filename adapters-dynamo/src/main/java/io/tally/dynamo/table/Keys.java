package io.tally.dynamo.table;

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

    public static final String CARD_SK = "CARD";

    /** GSI1: the cards of a card set; sort key {@code U#number} while unallocated, {@code A#number} after. */
    public static String cardSetCards(String brand, String cardSet) {
        return "CSET#" + brand + "#" + cardSet;
    }

    public static String unallocatedCardSk(String cardNumber) {
        return "U#" + cardNumber;
    }

    public static String activity(String brand) {
        return "BRAND#" + brand + "#ACTIVITY";
    }

    public static String activitySk(String occurredAtIso, String eventId) {
        return "EVT#" + occurredAtIso + "#" + eventId;
    }

    /** A brand's member portal configuration lives with the brand's other configuration. */
    public static final String PORTAL_SK = "PORTAL";

    /** A member's e-mail or phone ({@code email:x}, {@code phone:digits}) and the card that claimed it. */
    public static String contact(String brand, String contactText) {
        return "BRAND#" + brand + "#CONTACT#" + contactText;
    }

    public static final String CONTACT_SK = "CONTACT";

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

    public static final String PREFERENCES_SK = "PREFS";

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
}
