package dev.vouch.kit.export;

import java.util.List;

/**
 * A view that is not a plain list says which rows a spreadsheet gets (a report grouped per student, say, is
 * one row per letter). Lists and {@link dev.vouch.kit.web.ResultPage pages} need nothing: their items are the rows.
 */
public interface CsvTable<T> {

    List<T> csvRows();
}
