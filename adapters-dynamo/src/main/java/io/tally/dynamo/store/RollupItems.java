package io.tally.dynamo.store;

import io.tally.domain.report.BalanceCell;
import io.tally.domain.report.Flow;
import io.tally.domain.report.RollupCell;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The items of the accounting rollups and their compact encoding. A day's (or an opening's) cells are stored as one
 * string per cell, its fields separated by a tab ({@code location, program, cardSet, type, valueType, credit, debit,
 * count}; an opening's: {@code location, program, cardSet, valueType, balance}), a backslash escaping a tab or
 * backslash inside a field (47 bytes a cell as DynamoDB counts them, for the contract's 20,000-cell day with ids of
 * 4-6 characters: DynamoRollupsContractIT prints it). The cells are cut into parts of at most {@link #PART_BYTES}
 * bytes of cell text, well under DynamoDB's 400 KB item limit.
 */
final class RollupItems {
    /** Cell text per part: with the keys and the list's byte per element, a part stays near 205 KB (measured). */
    static final int PART_BYTES = 200 * 1024;
    static final String GENERATION = "gen";

    /** A day's or an opening's header: the generation whose parts hold its cells, and how many there are. */
    record Header(String pk, String sk, String generation, Long parts) {
    }

    static final StaticImmutableTableSchema<Header, ItemValues> HEADER = ItemSchema.of(Header.class,
                    v -> new Header(v.string(TallyTable.PK), v.string(TallyTable.SK), v.string(GENERATION), v.number("parts")))
            .key("RollupHeader", Header::pk, Header::sk)
            .string(GENERATION, Header::generation)
            .number("parts", Header::parts)
            .build();

    record Part(String pk, String sk, List<String> cells) {
    }

    static final StaticImmutableTableSchema<Part, ItemValues> PART = ItemSchema.of(Part.class,
                    v -> new Part(v.string(TallyTable.PK), v.string(TallyTable.SK), v.list("cells")))
            .key("RollupPart", Part::pk, Part::sk)
            .stringList("cells", Part::cells)
            .build();

    /** The marks; {@code staleFrom} absent when no opening is stale. */
    record Marks(String pk, String first, String through, String staleFrom) {
    }

    static final StaticImmutableTableSchema<Marks, ItemValues> MARKS = ItemSchema.of(Marks.class,
                    v -> new Marks(v.string(TallyTable.PK), v.string("first"), v.string("through"),
                            v.optString("staleFrom").orElse(null)))
            .key("RollupMarks", Marks::pk, m -> Keys.ROLLUP_MARKS_SK)
            .string("first", Marks::first)
            .string("through", Marks::through)
            .string("staleFrom", Marks::staleFrom)
            .build();

    record Late(String pk, String sk, String token) {
    }

    static final StaticImmutableTableSchema<Late, ItemValues> LATE = ItemSchema.of(Late.class,
                    v -> new Late(v.string(TallyTable.PK), v.string(TallyTable.SK), v.string("token")))
            .key("RollupLate", Late::pk, Late::sk)
            .string("token", Late::token)
            .build();

    private RollupItems() {
    }

    static List<String> dayCells(SortedMap<RollupCell, Flow> cells) {
        List<String> encoded = new ArrayList<>(cells.size());
        cells.forEach((c, f) -> encoded.add(join(c.location(), c.program(), c.cardSet(), c.type(), c.valueType(),
                Long.toString(f.credit()), Long.toString(f.debit()), Long.toString(f.count()))));
        return encoded;
    }

    static SortedMap<RollupCell, Flow> dayCells(List<String> encoded) {
        TreeMap<RollupCell, Flow> cells = new TreeMap<>();
        for (String text : encoded) {
            List<String> f = split(text, 8);
            cells.put(new RollupCell(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)),
                    new Flow(Long.parseLong(f.get(5)), Long.parseLong(f.get(6)), Long.parseLong(f.get(7))));
        }
        return cells;
    }

    static List<String> balances(Map<BalanceCell, Long> balances) {
        List<String> encoded = new ArrayList<>(balances.size());
        balances.forEach((c, b) -> encoded.add(join(c.location(), c.program(), c.cardSet(), c.valueType(), Long.toString(b))));
        return encoded;
    }

    static SortedMap<BalanceCell, Long> balances(List<String> encoded) {
        TreeMap<BalanceCell, Long> balances = new TreeMap<>();
        for (String text : encoded) {
            List<String> f = split(text, 5);
            balances.put(new BalanceCell(f.get(0), f.get(1), f.get(2), f.get(3)), Long.parseLong(f.get(4)));
        }
        return balances;
    }

    /** Consecutive runs of cells of at most {@link #PART_BYTES} bytes of text each (none for no cells). */
    static List<List<String>> parts(List<String> cells) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        long bytes = 0;
        for (String cell : cells) {
            int size = cell.getBytes(StandardCharsets.UTF_8).length + 1;
            if (!part.isEmpty() && bytes + size > PART_BYTES) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(cell);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** 16 hex digits of the SHA-256 of the cells: the same cells give the same generation suffix. */
    static String digest(List<String> cells) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String cell : cells) {
                sha.update(cell.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String join(String... fields) {
        StringBuilder s = new StringBuilder(64);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                s.append('\t');
            }
            String field = fields[i];
            for (int j = 0; j < field.length(); j++) {
                char c = field.charAt(j);
                if (c == '\t' || c == '\\') {
                    s.append('\\');
                }
                s.append(c);
            }
        }
        return s.toString();
    }

    static List<String> split(String text, int expected) {
        List<String> fields = new ArrayList<>(expected);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                field.append(text.charAt(++i));
            } else if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() != expected) {
            throw new IllegalStateException("a rollup cell has " + fields.size() + " fields, not " + expected + ": " + text);
        }
        return fields;
    }
}
