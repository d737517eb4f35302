package io.tally.domain.email;

/** The brand's e-mail templates. Senders choose the recipients, never the text. */
public enum EmailKind {
    /** After enrollment: the card number and a link to the preferences. Transactional. */
    WELCOME(true),
    /** A member invites a friend: the referral link. Belongs to the brand's invitation list. */
    INVITATION(false);

    private final boolean transactional;

    EmailKind(boolean transactional) {
        this.transactional = transactional;
    }

    public boolean transactional() {
        return transactional;
    }
}
