package io.tally.backoffice.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A line chart drawn on the server as SVG (no script: the CSP allows none inline, and the page works without any): one
 * or two series over the period's days, each with its own line style and marker shape (not only its colour), axes with
 * labels, and the same figures in a table beside it ({@link #rows}).
 *
 * @param id      the chart's id (its title and description are {@code id-title}, {@code id-desc})
 * @param unit    what the figures count, for the y axis and the table's headers
 * @param axis    what the x axis runs over ("Day"; "Score range" for the customer score breakdown)
 */
public record Chart(String id, String title, String description, String unit, List<Line> lines, List<String> days,
                    List<Tick> xTicks, List<Tick> yTicks, List<Row> rows, String axis) {
    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 72;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 48;
    private static final String[] COLOURS = {"#1f4e79", "#a04000"};
    private static final String[] DASHES = {null, "6 4"};

    /** One series: its polyline, its markers, and how it is drawn (solid or dashed, circles or squares). */
    public record Line(String label, String colour, String dash, boolean squares, String points, List<Point> markers,
                       int legendX) {
    }

    /** A marker; {@code value} is the figure as the table shows it. */
    public record Point(double x, double y, String day, String value) {
    }

    /** An axis label at {@code at}; {@code anchor}: the SVG text-anchor (the x axis' ends stay inside the chart). */
    public record Tick(double at, String label, String anchor) {
    }

    /** One day of the table: the day and each series' figure, formatted as on the chart. */
    public record Row(String day, List<String> values) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** A series to draw: its label, its figures (one per day, raw) and how each is written. */
    public record Series(String label, List<Long> figures, LongFunction<String> format) {
    }

    public static Chart of(String id, String title, String description, String unit, List<String> days, List<Series> series) {
        return of(id, title, description, unit, days, series, "Day");
    }

    /** A chart over {@code points} named by {@code axis} instead of days. */
    static Chart of(String id, String title, String description, String unit, List<String> days, List<Series> series,
                    String axis) {
        long max = 0;
        for (Series s : series) {
            for (long v : s.figures()) {
                max = Math.max(max, v);
            }
        }
        long top = niceTop(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = days.size();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            List<Point> markers = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (int d = 0; d < n; d++) {
                double x = LEFT + (n == 1 ? plotWidth / 2 : plotWidth * d / (n - 1));
                double y = TOP + plotHeight - plotHeight * s.figures().get(d) / top;
                markers.add(new Point(round(x), round(y), days.get(d), s.format().apply(s.figures().get(d))));
                points.append(points.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
            }
            lines.add(new Line(s.label(), COLOURS[i % 2], DASHES[i % 2], i % 2 == 1, points.toString(), markers,
                    LEFT + 200 * i));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int d : n <= 1 ? List.of(0) : List.of(0, (n - 1) / 2, n - 1)) {
            if (d < n && xTicks.stream().noneMatch(t -> t.label().equals(days.get(d)))) {
                String anchor = n == 1 || (d > 0 && d < n - 1) ? "middle" : d == 0 ? "start" : "end";
                xTicks.add(new Tick(round(LEFT + (n == 1 ? plotWidth / 2 : plotWidth * d / (n - 1))), days.get(d), anchor));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        int intervals = top % 4 == 0 ? 4 : 5;
        for (int k = 0; k <= intervals; k++) {
            long value = top * k / intervals;
            yTicks.add(new Tick(round(TOP + plotHeight - plotHeight * k / intervals), series.get(0).format().apply(value), "end"));
        }
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            List<String> values = new ArrayList<>();
            for (Line line : lines) {
                values.add(line.markers().get(d).value());
            }
            rows.add(new Row(days.get(d), values));
        }
        return new Chart(id, title, description, unit, lines, days, xTicks, yTicks, rows, axis);
    }

    /**
     * The y axis' top: the maximum rounded up to 1, 2, 4, 5 or 8 times a power of ten (at least 4), so that 4 or 5
     * intervals divide it into whole units and every tick's label is exact.
     */
    static long niceTop(long max) {
        if (max <= 4) {
            return 4;
        }
        long power = 1;
        while (power * 10 <= max) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 4, 5, 8, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
