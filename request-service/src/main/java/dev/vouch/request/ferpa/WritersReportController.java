package dev.vouch.request.ferpa;

import dev.vouch.events.LetterStatus;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.security.AccessScopeArgumentResolver;
import dev.vouch.kit.security.Role;
import dev.vouch.kit.security.VouchPrincipal;
import dev.vouch.kit.web.InvalidFieldException;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.request.letter.LetterRequest;
import dev.vouch.request.mentor.KnownMentor;
import dev.vouch.request.mentor.MentorDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RestController
@Tag(name = "FERPA", description = "The writers of a student's confidential letters, and who read that list")
class WritersReportController {

    static final String REPORT = "letters/writers";
    /** Writers who were asked: a planned letter has no writer yet, a cancelled or declined one is not written. */
    /** Soonest deadline first; a letter without one last. */
    private static final Comparator<LetterRequest> BY_DEADLINE = Comparator.comparing(LetterRequest::getDeadline,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(LetterRequest::getId);

    static final Set<LetterStatus> WRITING = EnumSet.of(LetterStatus.REQUESTED, LetterStatus.ACCEPTED,
            LetterStatus.SUBMITTED);

    private final StudentIndex students;
    private final MentorDirectory mentors;
    private final AccessLog log;
    private final Clock clock;

    WritersReportController(StudentIndex students, MentorDirectory mentors, AccessLog log, Clock clock) {
        this.students = students;
        this.mentors = mentors;
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/api/v1/letters/writers")
    @Operation(summary = "The writers of the student's confidential letters (FERPA, 34 CFR 99.12)",
            description = "Every writer of a letter for which the student waived the right to read it (requested, "
                    + "accepted or submitted), with the letter's purpose, targets, status and dates; nothing about "
                    + "the content, which Vouch never holds. Students read their own; advisors pass studentId, and "
                    + "each such read is recorded in the access log. Accept: text/csv gives one row per letter.")
    WritersReport writers(AccessScope scope) {
        Instant now = clock.instant();
        List<LetterRequest> letters = students.find(LetterRequest.class, scope).stream()
                .filter(letter -> letter.isWaiverSigned() && WRITING.contains(letter.getStatus()))
                .sorted(BY_DEADLINE).toList();
        List<WriterEntry> entries = letters.stream().map(letter -> new WriterEntry(
                mentors.find(letter.getMentorId()).filter(m -> m.belongsTo(scope.tenant(), scope.studentId()))
                        .map(KnownMentor::getName).orElse(null),
                letter.getMentorId(), letter.getId(), letter.getPurpose(), letter.getTargets(), letter.getStatus(),
                letter.getRequestedAt(), letter.getDeadline(), letter.getUpdatedAt())).toList();
        VouchPrincipal caller = scope.caller();
        if (caller != null && !caller.subject().equals(scope.studentId())) {
            log.record(scope.tenant(), new AccessLog.Access(caller.subject(), scope.studentId(), REPORT, now));
        }
        return new WritersReport(scope.studentId(), now, entries);
    }

    @GetMapping("/api/v1/operator/access-log")
    @Operation(summary = "Who read whose writers report, when (OPERATOR only, own institution)",
            description = "Advisor reads of students' writers reports between from and to (UTC days, both included, "
                    + "at most 31 days; default the last 7), oldest first. Optional filters: reader (the advisor's "
                    + "subject) and studentId. Accept: text/csv gives one row per read.")
    ResultPage<AccessLog.Access> accessLog(
            @Parameter(description = "First day, e.g. 2026-12-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, e.g. 2026-12-07") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reader,
            @Parameter(name = "studentId", description = "Only reads of this student")
            @RequestParam(name = "studentId", required = false) String student,
            @ParameterObject PageRequest paging) {
        VouchPrincipal caller = AccessScopeArgumentResolver.currentPrincipal();
        if (!caller.has(Role.OPERATOR)) {
            throw new AccessDeniedException("Only operators read the access log");
        }
        LocalDate last = Optional.ofNullable(to).orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate first = Optional.ofNullable(from).orElse(last.minusDays(6));
        if (first.isAfter(last)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= AccessLog.MAX_DAYS) {
            throw new InvalidFieldException("from", "at most " + AccessLog.MAX_DAYS + " days at once");
        }
        List<AccessLog.Access> reads = log.read(caller.tenant(), first, last).stream()
                .filter(read -> reader == null || reader.equals(read.reader()))
                .filter(read -> student == null || student.equals(read.studentId()))
                .toList();
        return new ResultPage<>(reads.stream().skip(paging.offset()).limit(paging.size()).toList(),
                paging.page(), paging.size(), reads.size());
    }
}
