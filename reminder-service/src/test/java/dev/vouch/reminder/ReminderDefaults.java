package dev.vouch.reminder;

import dev.vouch.reminder.rules.ReminderPolicy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The rule thresholds as the service binds them with nothing configured: the defaults of ReminderProperties. */
public final class ReminderDefaults {

    private static final ReminderProperties PROPERTIES = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("vouch.reminders", ReminderProperties.class);

    private ReminderDefaults() {
    }

    public static ReminderProperties properties() {
        return PROPERTIES;
    }

    public static ReminderPolicy policy() {
        return PROPERTIES.policy();
    }
}
