package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The letters a student has asked of one mentor, counted.
 *
 * @param asked     letters the mentor was actually asked for (planned-only letters do not count)
 * @param open      asked and not finished: the writer's current load from this student
 * @param accepted  letters the mentor agreed to write (submitted ones included)
 * @param declined  letters the mentor declined
 * @param submitted letters the mentor submitted
 */
public record LetterHistory(int asked, int open, int accepted, int declined, int submitted) {

    /** Asked of the writer and not finished: what counts as their current load. */
    static final Set<LetterStatus> WRITER_LOAD = EnumSet.of(LetterStatus.REQUESTED, LetterStatus.ACCEPTED);

    public static final LetterHistory NONE = new LetterHistory(0, 0, 0, 0, 0);

    public static LetterHistory of(Collection<LetterState> letters) {
        int asked = 0;
        int open = 0;
        int accepted = 0;
        int declined = 0;
        int submitted = 0;
        for (LetterState letter : letters) {
            if (letter.wasAsked()) {
                asked++;
            }
            LetterStatus status = letter.status();
            if (status == null) {
                continue;
            }
            if (WRITER_LOAD.contains(status)) {
                open++;
            }
            if (status == LetterStatus.ACCEPTED || status == LetterStatus.SUBMITTED) {
                accepted++;
            }
            if (status == LetterStatus.DECLINED) {
                declined++;
            }
            if (status == LetterStatus.SUBMITTED) {
                submitted++;
            }
        }
        return new LetterHistory(asked, open, accepted, declined, submitted);
    }
}
