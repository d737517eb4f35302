package io.tally.domain.segment.evaluation;

/** A snapshot's state: its pages are being evaluated, or every page is done and it holds the segment's members. */
public enum SnapshotStatus {
    RUNNING,
    READY
}
