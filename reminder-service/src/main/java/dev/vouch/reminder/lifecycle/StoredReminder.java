package dev.vouch.reminder.lifecycle;

/**
 * A reminder as stored: whose it is, the version it was read at (0 for one not stored yet) and its facts.
 */
public record StoredReminder(String tenant, String studentId, long version, ReminderFacts facts) {

    public String id() {
        return facts.id();
    }

    /** Whether it belongs to this student of this institution. */
    public boolean belongsTo(String tenant, String studentId) {
        return this.tenant.equals(tenant) && this.studentId.equals(studentId);
    }
}
