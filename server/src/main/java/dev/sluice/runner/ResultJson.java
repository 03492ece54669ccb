package dev.sluice.runner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A query's result as the JSON text the result operations hand out:
 * {@code {"columns":[{"name":..,"type":..}],"rows":[[...]],"truncated":bool}}. Values keep their JSON type (numbers
 * as numbers, booleans, null); dates and times are ISO text, binary data base64, anything else its text. At most
 * {@code maxRows} rows and about {@code maxChars} characters are kept; {@code truncated} says when rows were left out.
 */
final class ResultJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LOB = 1 << 20;

    /** The rendered text and how many rows it holds. */
    record Rendered(String json, int rows, boolean truncated) {
    }

    private ResultJson() {
    }

    static Rendered render(ResultSet rs, int maxRows, int maxChars) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Map<String, String>> described = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            Map<String, String> column = new LinkedHashMap<>();
            column.put("name", meta.getColumnLabel(c));
            column.put("type", meta.getColumnTypeName(c));
            described.add(column);
        }
        StringBuilder rows = new StringBuilder();
        int count = 0;
        boolean truncated = false;
        while (rs.next()) {
            if (count == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) row.add(value(rs, c, meta.getColumnType(c), meta.getColumnTypeName(c)));
            String text = JSON.writeValueAsString(row);
            if (rows.length() + text.length() + 1 > maxChars) {
                truncated = true;
                break;
            }
            if (count > 0) rows.append(',');
            rows.append(text);
            count++;
        }
        String json = "{\"columns\":" + JSON.writeValueAsString(described) + ",\"rows\":[" + rows + "],\"truncated\":" + truncated + "}";
        return new Rendered(json, count, truncated);
    }

    static Object value(ResultSet rs, int c, int sqlType, String typeName) throws SQLException {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || type.equals("timestamptz") || type.contains("with time zone")) {
            Object zoned = zoned(rs, c);
            if (zoned != null || rs.wasNull()) return zoned;
        }
        Object v = rs.getObject(c);
        if (v == null) return null;
        return switch (v) {
            case Boolean b -> b;
            case Double d when !d.isInfinite() && !d.isNaN() -> d;
            case Float f when !f.isInfinite() && !f.isNaN() -> f;
            case Double d -> d.toString();
            case Float f -> f.toString();
            case BigDecimal d -> d;
            case BigInteger i -> i;
            case Number n -> n;
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Time t -> t.toLocalTime().toString();
            case java.sql.Timestamp t -> t.toLocalDateTime().toString();
            case TemporalAccessor t -> t.toString();
            case Blob b -> Base64.getEncoder().encodeToString(b.getBytes(1, (int) Math.min(b.length(), MAX_LOB)));
            case Clob text -> text.getSubString(1, (int) Math.min(text.length(), MAX_LOB));
            default -> v.toString();
        };
    }

    private static Object zoned(ResultSet rs, int c) {
        try {
            OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
            return t == null ? null : t.toString();
        } catch (SQLException | RuntimeException e) {
            return null; // the driver cannot convert: the generic path below renders it
        }
    }
}
