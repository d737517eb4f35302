package io.tally.domain.staff;

/** What a staff member may do in the back office. Each {@link Role} holds a fixed set of these. */
public enum Permission {
    /** Find cards and customers, read card pages, transactions and lookups (within the staff member's scope). */
    READ_CARDS,
    /** Card actions: adjust a balance, void, deactivate and reactivate, reset a PIN, edit the customer, resend e-mail. */
    ACT_ON_CARDS,
    /** Read the brand's configuration (locations, programs, card sets, customer model, portal settings). */
    READ_SETUP,
    /** Change the brand's configuration, API keys and staff. */
    MANAGE_SETUP,
    /** Read the audit log. */
    READ_AUDIT,
    /** Read the Accounting pages and download their CSV (a manager: their location groups' locations only). */
    VIEW_ACCOUNTING,
    /** Read Explore Data: the program metrics, charts and overviews (within the staff member's scope). */
    EXPLORE_DATA,
    /** Request Report Center exports and download them (a manager's hold only their locations). */
    EXPORT_REPORTS,
    /**
     * Build segments and see how many cards they hold: admins any segment; a manager segments by location tied to their
     * own locations only, whose counts hold only cards used at those locations.
     */
    BUILD_SEGMENTS
}
