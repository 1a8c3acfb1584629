package dev.vouch.reminder.store;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterStatus;
import dev.vouch.events.Material;
import dev.vouch.events.MentorStatus;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The letter and mentor projections as MongoDB documents, field by field. */
final class ProjectionDocuments {

    private ProjectionDocuments() {
    }


    static Document toDocument(Letter letter) {
        return new Document("_id", letter.id())
                .append("tenant", letter.tenant())
                .append("studentId", letter.studentId())
                .append("mentorId", letter.mentorId())
                .append("purpose", letter.purpose() == null ? null : letter.purpose().name())
                .append("deadline", date(letter.deadline()))
                .append("deadlineSetAt", date(letter.deadlineSetAt()))
                .append("status", letter.status() == null ? null : letter.status().name())
                .append("materials", letter.materials().stream().map(Enum::name).toList())
                .append("plannedAt", date(letter.plannedAt()))
                .append("requestedAt", date(letter.requestedAt()))
                .append("shortNotice", letter.shortNotice())
                .append("acceptedAt", date(letter.acceptedAt()))
                .append("submittedAt", date(letter.submittedAt()))
                .append("closedAt", date(letter.closedAt()))
                .append("sequence", letter.sequence());
    }

    static Letter toLetter(Document doc) {
        Set<Material> materials = EnumSet.noneOf(Material.class);
        doc.getList("materials", String.class, List.of()).forEach(name -> materials.add(Material.valueOf(name)));
        String purpose = doc.getString("purpose");
        String status = doc.getString("status");
        return new Letter(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                doc.getString("mentorId"), purpose == null ? null : LetterPurpose.valueOf(purpose),
                instant(doc, "deadline"), instant(doc, "deadlineSetAt"),
                status == null ? null : LetterStatus.valueOf(status), materials, instant(doc, "plannedAt"),
                instant(doc, "requestedAt"), Boolean.TRUE.equals(doc.getBoolean("shortNotice")),
                instant(doc, "acceptedAt"), instant(doc, "submittedAt"),
                instant(doc, "closedAt"), number(doc, "sequence"));
    }

    static Document toDocument(Mentor mentor) {
        return new Document("_id", mentor.id())
                .append("tenant", mentor.tenant())
                .append("studentId", mentor.studentId())
                .append("known", mentor.known())
                .append("name", mentor.name())
                .append("status", mentor.status().name())
                .append("stayInTouchDays", mentor.stayInTouchDays())
                .append("addedAt", date(mentor.addedAt()))
                .append("lastContactAt", date(mentor.lastContactAt()))
                .append("lastThankYouAt", date(mentor.lastThankYouAt()))
                .append("sequence", mentor.sequence())
                .append("letterIds", List.copyOf(mentor.letterIds()));
    }

    static Mentor toMentor(Document doc) {
        return new Mentor(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                Boolean.TRUE.equals(doc.getBoolean("known")), doc.getString("name"),
                MentorStatus.valueOf(doc.getString("status")), (int) number(doc, "stayInTouchDays"),
                instant(doc, "addedAt"), instant(doc, "lastContactAt"), instant(doc, "lastThankYouAt"),
                number(doc, "sequence"), new HashSet<>(doc.getList("letterIds", String.class, List.of())));
    }

    static Document toDocument(Target target) {
        List<Document> gaps = target.gaps().stream().map(gap -> {
            Document doc = new Document("kind", gap.kind().name());
            if (gap.letterKind() != null) {
                doc.append("letterKind", gap.letterKind().name());
            }
            if (gap.letterId() != null) {
                doc.append("letterId", gap.letterId());
            }
            if (gap.expected() != null) {
                doc.append("expected", gap.expected());
            }
            if (gap.actual() != null) {
                doc.append("actual", gap.actual());
            }
            return doc;
        }).toList();
        return new Document("_id", target.id())
                .append("tenant", target.tenant())
                .append("studentId", target.studentId())
                .append("name", target.name())
                .append("system", target.system() == null ? null : target.system().name())
                .append("deadline", date(target.deadline()))
                .append("gaps", gaps)
                .append("sequence", target.sequence());
    }

    static Target toTarget(Document doc) {
        List<CoverageGap> gaps = new ArrayList<>();
        for (Document gap : doc.getList("gaps", Document.class, List.of())) {
            String letterKind = gap.getString("letterKind");
            gaps.add(new CoverageGap(CoverageGapKind.valueOf(gap.getString("kind")),
                    letterKind == null ? null : LetterKind.valueOf(letterKind), gap.getString("letterId"),
                    gap.getInteger("expected"), gap.getInteger("actual")));
        }
        String system = doc.getString("system");
        return new Target(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                doc.getString("name"), system == null ? null : ApplicationSystem.valueOf(system),
                instant(doc, "deadline"), gaps, number(doc, "sequence"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
