package io.tally.backoffice.http;

import java.util.List;

/** What the templates show: plain values, already formatted. Absent values are {@code null} (templates test for it). */
public final class View {
    private View() {
    }

    /**
     * The frame of every page: its title, the navigation the signed-in member may use (empty before sign-in), who is
     * signed in ({@code null} before), the session's CSRF token for the page's forms, and a flash notice.
     */
    public record Page(String title, List<NavLink> nav, String staffEmail, String roleLabel, String csrf, String notice) {
        public Page {
            nav = List.copyOf(nav);
        }

        /** The base of every link and form action. */
        public String base() {
            return OfficeRequest.PREFIX;
        }
    }

    /** A navigation link; {@code current} marks the section the page belongs to. */
    public record NavLink(String href, String label, boolean current) {
    }

    /** One field's error, shown next to it; the form's summary lists them all. */
    public record FieldError(String field, String message) {
    }
}
