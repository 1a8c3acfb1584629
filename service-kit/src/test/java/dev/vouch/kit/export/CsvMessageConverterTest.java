package dev.vouch.kit.export;

import dev.vouch.kit.web.ResultPage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMessageConverterTest {

    record Where(String city, String country) {
    }

    record Row(String name, int open, Where where, List<String> targets, Instant due, String note) {
    }

    record Report(String tenant, List<Row> rows) implements CsvTable<Row> {
        @Override
        public List<Row> csvRows() {
            return rows;
        }
    }

    private final CsvMessageConverter converter = new CsvMessageConverter(JsonMapper.builder().build());

    @Test
    void headerRowThenOneRecordPerItemWithNestedFieldsFlattened() throws IOException {
        ResultPage<Row> page = new ResultPage<>(List.of(
                new Row("Dr. Rivera, Ana", 2, new Where("Lakeside", "US"), List.of("IM", "Peds"),
                        Instant.parse("2027-01-15T23:59:59Z"), "said \"yes\"\nby phone")), 0, 20, 1);

        List<CSVRecord> records = parse(write(page, ResolvableType.forClassWithGenerics(ResultPage.class, Row.class)));

        assertThat(records.get(0).toList())
                .containsExactly("name", "open", "where.city", "where.country", "targets", "due", "note");
        assertThat(records.get(1).toList()).containsExactly("Dr. Rivera, Ana", "2", "Lakeside", "US", "IM; Peds",
                "2027-01-15T23:59:59Z", "said \"yes\"\nby phone");
    }

    @Test
    void quotesAsRfc4180AndEndsLinesWithCrLf() throws IOException {
        String csv = write(List.of(new Row("a,b", 1, null, List.of(), null, "q\"q")), ResolvableType.NONE);

        assertThat(csv).isEqualTo("name,open,targets,note\r\n\"a,b\",1,,\"q\"\"q\"\r\n");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
        List<Row> rows = List.of(new Row("=HYPERLINK(\"http://x\")", -3, null, List.of("+1", "@SUM(A1)"), null, "-2+3"),
                new Row("\tTab", 0, null, List.of(), null, "fine = ok"));

        List<CSVRecord> records = parse(write(rows, ResolvableType.forClassWithGenerics(List.class, Row.class)));

        assertThat(cell(records, 1, "name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(cell(records, 1, "open")).as("a number is not a formula").isEqualTo("-3");
        assertThat(cell(records, 1, "targets")).isEqualTo("'+1; @SUM(A1)");
        assertThat(cell(records, 1, "note")).isEqualTo("'-2+3");
        assertThat(cell(records, 2, "name")).isEqualTo("'\tTab");
        assertThat(cell(records, 2, "note")).isEqualTo("fine = ok");
    }

    @Test
    void aReportGivesItsRowsAndAnEmptyListStillHasItsHeader() throws IOException {
        assertThat(parse(write(new Report("t1", List.of()), ResolvableType.NONE))).singleElement()
                .satisfies(header -> assertThat(header.toList()).startsWith("name", "open", "where.city"));
        assertThat(parse(write(new Report("t1", List.of(new Row("n", 1, null, null, null, null))), ResolvableType.NONE)))
                .hasSize(2);
    }

    @Test
    void writesOnlyWhenCsvIsAskedForByName() {
        assertThat(converter.canWrite(ResolvableType.forClass(Row.class), Row.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(ResolvableType.forClass(Row.class), Row.class, MediaType.ALL)).isFalse();
        assertThat(converter.canWrite(ResolvableType.forClass(Row.class), Row.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canRead(Row.class, MediaType.parseMediaType("text/csv"))).isFalse();
        assertThat(converter.canWrite(ResolvableType.forClass(org.springframework.http.ProblemDetail.class),
                org.springframework.http.ProblemDetail.class, MediaType.parseMediaType("text/csv")))
                .as("errors stay problem+json").isFalse();
    }

    private String write(Object body, ResolvableType type) throws IOException {
        StringBuilder out = new StringBuilder();
        converter.write(body, type, out);
        return out.toString();
    }

    private static String cell(List<CSVRecord> records, int row, String column) {
        return records.get(row).get(records.get(0).toList().indexOf(column));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
