package dev.vouch.request.coverage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/** Reads a CSV answer back with Commons CSV: one map per row, keyed by the header. */
public final class Csv {

    private Csv() {
    }

    public static List<Map<String, String>> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    public static List<String> header(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getHeaderNames();
        }
    }
}
