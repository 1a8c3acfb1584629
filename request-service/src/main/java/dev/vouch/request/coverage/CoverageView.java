package dev.vouch.request.coverage;

import dev.vouch.events.CoverageGap;
import dev.vouch.kit.export.CsvTable;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The answer of {@code GET /coverage}; as CSV, one row per target. */
public record CoverageView(String studentId, Instant asOf, List<TargetView> targets) implements CsvTable<CoverageView.Row> {

    /** A target in one spreadsheet row: its letters and gaps as text. */
    public record Row(String studentId, String targetId, String name, String system, Instant deadline, int minLetters,
                      Integer maxLetters, String requiredKinds, int assigned, int onTrack, String letters, String gaps) {
    }

    @Override
    public List<Row> csvRows() {
        return targets.stream().map(target -> new Row(studentId, target.targetId(), target.name(),
                target.system().name(), target.deadline(), target.minLetters(), target.maxLetters(),
                target.requiredKinds().stream().sorted().map(Enum::name).collect(Collectors.joining("; ")),
                target.assigned(), target.onTrack(),
                target.letters().stream().map(letter -> letter.letterId() + " " + letter.kind() + " " + letter.status())
                        .collect(Collectors.joining("; ")),
                target.gaps().stream().map(CoverageView::describe).collect(Collectors.joining("; "))))
                .toList();
    }

    static String describe(CoverageGap gap) {
        return switch (gap.kind()) {
            case TOO_FEW_ON_TRACK -> "TOO_FEW_ON_TRACK " + gap.actual() + " of " + gap.expected();
            case OVER_CAP -> "OVER_CAP " + gap.actual() + " for " + gap.expected();
            case REQUIRED_KIND_MISSING -> "REQUIRED_KIND_MISSING " + gap.letterKind();
            case WRITER_DECLINED -> "WRITER_DECLINED " + gap.letterId();
        };
    }
}
