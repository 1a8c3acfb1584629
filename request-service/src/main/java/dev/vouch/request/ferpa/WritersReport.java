package dev.vouch.request.ferpa;

import dev.vouch.kit.export.CsvTable;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /letters/writers}: everyone writing (or who wrote) a letter for which the student
 * waived the right to read it (34 CFR 99.12), so the institution can tell the student their names on request.
 */
public record WritersReport(String studentId, Instant asOf, List<WriterEntry> writers)
        implements CsvTable<WriterEntry> {

    @Override
    public List<WriterEntry> csvRows() {
        return writers;
    }
}
