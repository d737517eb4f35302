package io.tally.domain.email;

/** The brand's e-mail templates. Senders choose the recipients, never the text. */
public enum EmailKind {
    /** After enrollment: the card number and a link to the preferences. Transactional. */
    WELCOME(true),
    /** A member invites a friend: the referral link. Belongs to the brand's invitation list. */
    INVITATION(false),
    /** To a staff member: their Report Center export is ready, with its signed download link. Not a member e-mail. */
    REPORT_READY(true),
    /** A member asked to sign in to their account: the signed, short-lived, single-use link. Transactional. */
    SIGN_IN(true),
    /**
     * A brand's own template ({@code communication.EmailTemplate}) sent to one card's member by a scheduled send, a
     * send's test or a triggered rule ({@code communication.TemplateMail} names which). Its list decides whether it is
     * transactional.
     */
    TEMPLATE(false);

    private final boolean transactional;

    EmailKind(boolean transactional) {
        this.transactional = transactional;
    }

    public boolean transactional() {
        return transactional;
    }

    /** Sent to the brand's staff, not its members: no subscription list applies. */
    public boolean staff() {
        return this == REPORT_READY;
    }
}
