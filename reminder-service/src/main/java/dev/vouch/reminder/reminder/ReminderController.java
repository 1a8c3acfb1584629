package dev.vouch.reminder.reminder;

import org.springdoc.core.annotations.ParameterObject;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.reminder.lifecycle.ReminderAgenda;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.events.ReminderResolution;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.kit.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/reminders")
@Tag(name = "Reminders", description = "Follow-ups derived from what happened to a student's mentors and letters")
class ReminderController {

    private final ReminderQueries queries;
    private final ReminderActions actions;

    ReminderController(ReminderQueries queries, ReminderActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "The student's reminders that are due (OPEN or SNOOZED), sorted by when they are next due",
            description = "upcoming=true adds the ones coming up (state UPCOMING, due false: nothing to act on yet). "
                    + "state (repeatable) lists exactly those states instead, closed ones included (DONE, DISMISSED, "
                    + "RESOLVED). dueBefore: next due strictly before. Advisors pass studentId.")
    ResultPage<ReminderView> list(AccessScope scope,
                      @RequestParam(name = "state", required = false) List<ReminderState> states,
                      @io.swagger.v3.oas.annotations.Parameter(description = "Also list reminders coming up")
                      @RequestParam(defaultValue = "false") boolean upcoming,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
                      @ParameterObject PageRequest paging) {
        Set<ReminderState> wanted = states != null && !states.isEmpty() ? EnumSet.copyOf(states)
                : upcoming ? EnumSet.of(ReminderState.OPEN, ReminderState.SNOOZED, ReminderState.UPCOMING)
                : EnumSet.of(ReminderState.OPEN, ReminderState.SNOOZED);
        List<ReminderAgenda.Item> matching = queries.agenda(scope).stream()
                .filter(item -> wanted.contains(item.state()))
                .filter(item -> dueBefore == null || (item.nextDueAt() != null && item.nextDueAt().isBefore(dueBefore)))
                .toList();
        List<ReminderView> items = matching.stream().skip(paging.offset()).limit(paging.size()).map(ReminderView::of)
                .toList();
        return new ResultPage<>(items, paging.page(), paging.size(), matching.size());
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "Mark a due reminder done",
            description = "Publishes ReminderResolved with resolution DONE. If-Match with the reminder's version is "
                    + "optional (412 if stale); a reminder already closed answers 409 with currentState.")
    ResponseEntity<ReminderView> done(AccessScope scope, @PathVariable String id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(actions.close(scope, id, ReminderResolution.DONE, ifMatch));
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss a due reminder",
            description = "Publishes ReminderResolved with resolution DISMISSED. If-Match with the reminder's version "
                    + "is optional (412 if stale); a reminder already closed answers 409 with currentState.")
    ResponseEntity<ReminderView> dismiss(AccessScope scope, @PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(actions.close(scope, id, ReminderResolution.DISMISSED, ifMatch));
    }

    @PostMapping("/{id}/snooze")
    @Operation(summary = "Put a due reminder off until a time in the future",
            description = "Body {\"until\": \"2027-01-10T09:00:00Z\"}, an instant in the future; the reminder fires "
                    + "again then. Publishes ReminderSnoozed. 409 if the reminder is closed.")
    ResponseEntity<ReminderView> snooze(AccessScope scope, @PathVariable String id,
                                        @RequestBody(required = false) SnoozeRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(actions.snooze(scope, id, request == null ? null : request.until(), ifMatch));
    }

    private static ResponseEntity<ReminderView> answer(Reminder reminder) {
        return ResponseEntity.ok().eTag(Versions.etag(reminder.loadedVersion())).body(ReminderView.of(reminder));
    }
}
