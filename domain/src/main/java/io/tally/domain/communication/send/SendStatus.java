package io.tally.domain.communication.send;

/**
 * Where a scheduled send is (the glossary's statuses). DRAFT and TESTS are edited; QUEUED waits for its time and may be
 * cancelled; SENDING fans out; SENT, ERROR and CANCELLED are final.
 */
public enum SendStatus {
    DRAFT,
    /** A test went to a test list while it was a draft: still a draft in all but name (editable, schedulable). */
    TESTS,
    QUEUED,
    SENDING,
    SENT,
    ERROR,
    CANCELLED;

    public boolean editable() {
        return this == DRAFT || this == TESTS;
    }
}
