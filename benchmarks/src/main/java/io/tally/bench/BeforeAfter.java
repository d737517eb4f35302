package io.tally.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Combines the outputs of {@code benchmarks/before-after.sh}: N rounds of the same figures, each round one run of
 * the baseline's benchmark jar and one of the current one on the same machine, into one Markdown table with the
 * baseline's and the current value of every row side by side, one column per round, and the change of the medians.
 * Every report row gives up to three values: its ratio to the floor of the same run, its headline measurement (the
 * first value of the measured column) and, for figure 2, the handler's own time.
 *
 * <pre>
 * java -cp tally-benchmarks.jar io.tally.bench.BeforeAfter DIR ROUNDS BASELINE_LABEL CURRENT_LABEL
 * </pre>
 *
 * reads {@code DIR/before-R.md} and {@code DIR/after-R.md} (R = 1..ROUNDS, each the standard output of a run) and
 * prints the table.
 */
public final class BeforeAfter {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern OWN = Pattern.compile("own p50 ([^;,]+)");

    private BeforeAfter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BeforeAfter DIR ROUNDS BASELINE_LABEL CURRENT_LABEL");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Run> before = new ArrayList<>();
        List<Run> after = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            before.add(Run.read(dir.resolve("before-" + r + ".md")));
            after.add(Run.read(dir.resolve("after-" + r + ".md")));
        }
        System.out.print(combine(before, after, args[2], args[3]));
    }

    /** One run's output: its machine line, whether it printed its report at all, and the report's rows. */
    record Run(String machine, boolean reported, List<Row> rows) {
        static Run read(Path file) throws IOException {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8))
                    : new Run("", false, List.of());
        }

        static Run parse(String output) {
            String machine = "";
            List<Row> rows = new ArrayList<>();
            boolean inTable = false;
            boolean reported = false;
            for (String line : output.split("\\R")) {
                if (line.startsWith("machine: ") && machine.isEmpty()) {
                    machine = line;
                } else if (line.startsWith("| # | what | measured |")) {
                    inTable = true;
                    reported = true;
                } else if (inTable && line.startsWith("|---")) {
                    continue;
                } else if (inTable && line.startsWith("| ")) {
                    String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
                    if (cells.length >= 8) {
                        rows.add(new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[4].trim()));
                    }
                } else if (inTable) {
                    inTable = false; // the main table ends at its first other line (figure tables follow)
                }
            }
            return new Run(machine, reported, List.copyOf(rows));
        }
    }

    /** The cells of a report row that the comparison reads. */
    record Row(String figure, String what, String measured, String ratio) {
        String key() {
            return figure + " | " + what;
        }

        /** metric name to value, in a fixed order: ratio to the floor, headline measurement, own time. */
        Map<String, String> metrics() {
            Map<String, String> m = new LinkedHashMap<>();
            if (!ratio.equals("-")) {
                m.put("ratio to floor", ratio);
            }
            String headline = measured.split("[,;:(]", 2)[0].trim();
            Matcher prefix = Pattern.compile("^([A-Za-z][\\w.]*) (.+)$").matcher(headline);
            if (prefix.matches() && !headline.startsWith("$")) {
                m.put("measured " + prefix.group(1), prefix.group(2));
            } else if (!headline.isEmpty()) {
                m.put("measured", headline);
            }
            Matcher own = OWN.matcher(measured);
            if (own.find()) {
                m.put("own p50", own.group(1).trim());
            }
            return m;
        }
    }

    static String combine(List<Run> before, List<Run> after, String baselineLabel, String currentLabel) {
        int rounds = before.size();
        Map<String, Map<String, String[][]>> table = new LinkedHashMap<>(); // row key -> metric -> [side][round]
        // the current run's rows first (its order), then any only the baseline printed
        for (List<Run> side : List.of(after, before)) {
            for (Run run : side) {
                for (Row row : run.rows()) {
                    Map<String, String[][]> metrics = table.computeIfAbsent(row.key(), k -> new LinkedHashMap<>());
                    row.metrics().keySet().forEach(name -> metrics.computeIfAbsent(name, n -> new String[2][rounds]));
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            List<Run> side = s == 0 ? before : after;
            for (int r = 0; r < rounds; r++) {
                for (Row row : side.get(r).rows()) {
                    Map<String, String[][]> metrics = table.get(row.key());
                    for (Map.Entry<String, String> e : row.metrics().entrySet()) {
                        metrics.get(e.getKey())[s][r] = e.getValue();
                    }
                }
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("Before: ").append(baselineLabel).append("; after: ").append(currentLabel).append("; ").append(rounds)
                .append(rounds == 1 ? " round" : " rounds").append(", each one run of the baseline's benchmark jar then one of the current jar, same machine.\n\n");
        machines(out, "before", before);
        machines(out, "after", after);
        out.append('\n');
        out.append("| # | what | value |");
        for (int r = 1; r <= rounds; r++) {
            out.append(" before, run ").append(r).append(" |");
        }
        for (int r = 1; r <= rounds; r++) {
            out.append(" after, run ").append(r).append(" |");
        }
        out.append(" after / before (medians) |\n|---|---|---|").append("---|".repeat(2 * rounds + 1)).append('\n');
        for (Map.Entry<String, Map<String, String[][]>> row : table.entrySet()) {
            String[] key = row.getKey().split(" \\| ", 2);
            for (Map.Entry<String, String[][]> metric : row.getValue().entrySet()) {
                String[][] v = metric.getValue();
                out.append("| ").append(key[0]).append(" | ").append(key[1]).append(" | ").append(metric.getKey()).append(" |");
                for (int s = 0; s < 2; s++) {
                    List<Run> side = s == 0 ? before : after;
                    for (int r = 0; r < rounds; r++) {
                        out.append(' ').append(cell(v[s][r], side.get(r))).append(" |");
                    }
                }
                out.append(' ').append(change(v[0], v[1])).append(" |\n");
            }
        }
        out.append("\n\"-\": that run printed no such row (the figure is not in that revision, or was not asked for); "
                + "\"run failed\": that run printed no report (its log is next to its output).\n");
        return out.toString();
    }

    private static void machines(StringBuilder out, String side, List<Run> runs) {
        runs.stream().map(Run::machine).filter(m -> !m.isEmpty()).distinct()
                .forEach(m -> out.append("- ").append(side).append(": `").append(m).append("`\n"));
    }

    private static String cell(String value, Run run) {
        if (value != null) {
            return value;
        }
        return run.reported() ? "-" : "run failed";
    }

    /** The median of the current runs over the median of the baseline's, for values that carry a number. */
    static String change(String[] before, String[] after) {
        Optional<Double> b = median(before);
        Optional<Double> a = median(after);
        if (b.isEmpty() || a.isEmpty() || b.get() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", a.get() / b.get());
    }

    static Optional<Double> median(String[] values) {
        double[] numbers = Arrays.stream(values).filter(v -> v != null).map(NUMBER::matcher).filter(Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group())).sorted().toArray();
        if (numbers.length == 0) {
            return Optional.empty();
        }
        int n = numbers.length;
        return Optional.of(n % 2 == 1 ? numbers[n / 2] : (numbers[n / 2 - 1] + numbers[n / 2]) / 2);
    }
}
