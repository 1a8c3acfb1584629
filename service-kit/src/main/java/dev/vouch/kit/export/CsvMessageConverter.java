package dev.vouch.kit.export;

import dev.vouch.kit.web.ResultPage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Every view as {@code text/csv} when the client asks for it with {@code Accept: text/csv}: a header row, RFC 4180
 * quoting (Apache Commons CSV), UTF-8. The cells are what the JSON view says, flattened: a nested object's fields
 * become {@code outer.inner} columns, a list of plain values one cell joined by {@code "; "}, a list of objects its
 * JSON. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) is
 * prefixed with {@code '}; numbers are left as they are.
 *
 * <p>Rows: the items of a {@link ResultPage} or a list, the {@link CsvTable#csvRows()} of a report, or else the
 * object itself as one row. Columns: the fields of the row type in declaration order (so an empty list still has
 * its header), then any other field a row carries.
 */
public class CsvMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");
    static final String LIST_SEPARATOR = "; ";
    private static final String FORMULA_START = "=+-@\t\r";

    private final JsonMapper json;

    public CsvMessageConverter(JsonMapper json) {
        super(TEXT_CSV);
        setDefaultCharset(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return true;
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;
    }

    /**
     * Only when asked for by name (and listed as producible): a client that accepts anything gets JSON. Errors
     * stay {@code application/problem+json} whatever was asked for.
     */
    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        if (valueClass != null && ProblemDetail.class.isAssignableFrom(valueClass)) {
            return false;
        }
        return mediaType == null || (!mediaType.isWildcardType() && TEXT_CSV.isCompatibleWith(mediaType));
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return canWrite(ResolvableType.forClass(type), type, mediaType);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    protected void writeInternal(Object body, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints)
            throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        write(body, type, writer);
        writer.flush();
    }

    /** Writes {@code body} as CSV; {@code type} (may be NONE) names the row type when the body cannot. */
    public void write(Object body, ResolvableType type, Appendable out) throws IOException {
        Rows rows = rows(body, type == null ? ResolvableType.NONE : type);
        List<Map<String, String>> cells = new ArrayList<>(rows.items().size());
        Set<String> columns = new LinkedHashSet<>(columnsOf(rows.rowType()));
        for (Object item : rows.items()) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", json.valueToTree(item), row);
            columns.addAll(row.keySet());
            cells.add(row);
        }
        // Not closed: closing would close the response's stream under the servlet container.
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get().print(out);
        for (Map<String, String> row : cells) {
            List<String> values = new ArrayList<>(columns.size());
            columns.forEach(column -> values.add(row.getOrDefault(column, "")));
            printer.printRecord(values);
        }
        printer.flush();
    }

    private record Rows(List<?> items, Class<?> rowType) {
    }

    private static Rows rows(Object body, ResolvableType type) {
        if (body instanceof ResultPage<?> page) {
            return new Rows(page.items(), type.as(ResultPage.class).getGeneric(0).resolve());
        }
        if (body instanceof CsvTable<?> table) {
            return new Rows(table.csvRows(), ResolvableType.forClass(body.getClass()).as(CsvTable.class)
                    .getGeneric(0).resolve());
        }
        if (body instanceof Collection<?> collection) {
            return new Rows(List.copyOf(collection), type.as(Collection.class).getGeneric(0).resolve());
        }
        return new Rows(body == null ? List.of() : List.of(body), body == null ? null : body.getClass());
    }

    /** The flattened column names a record type declares (nested records as {@code outer.inner}). */
    static List<String> columnsOf(Class<?> type) {
        List<String> columns = new ArrayList<>();
        if (type != null && type.isRecord()) {
            addColumns("", type, columns, 0);
        }
        return columns;
    }

    private static void addColumns(String prefix, Class<?> type, List<String> columns, int depth) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && depth < 3) {
                addColumns(prefix + component.getName() + ".", componentType, columns, depth + 1);
            } else {
                columns.add(prefix + component.getName());
            }
        }
    }

    private void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String name = prefix + field.getKey();
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    return; // an empty cell, and no column of its own when the type does not declare one
                }
                if (value.isObject()) {
                    flatten(name + ".", value, row);
                } else {
                    row.put(name, cell(value));
                }
            });
        } else {
            row.put(prefix.isEmpty() ? "value" : prefix, cell(node));
        }
    }

    private String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            boolean plain = value.valueStream().allMatch(JsonNode::isValueNode);
            if (!plain) {
                return neutralised(json.writeValueAsString(value));
            }
            StringJoiner joined = new StringJoiner(LIST_SEPARATOR);
            value.valueStream().forEach(item -> joined.add(item.asString()));
            return neutralised(joined.toString());
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return neutralised(value.asString());
    }

    /** A leading quote makes a spreadsheet read the cell as text (OWASP's advice on CSV injection). */
    static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
