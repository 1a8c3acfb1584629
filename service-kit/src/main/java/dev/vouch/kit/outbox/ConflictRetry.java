package dev.vouch.kit.outbox;

import org.springframework.dao.OptimisticLockingFailureException;

import java.util.function.Supplier;

/**
 * Runs a read-change-write again when another writer got there first. Only for changes that do not depend on
 * the version a client saw (those answer 409/412 instead): archiving, logging a contact, a reminder's firing
 * or a student's action on it. Each attempt must read afresh.
 */
public final class ConflictRetry {

    private ConflictRetry() {
    }

    /** @throws OptimisticLockingFailureException from the last attempt when every one of them lost */
    public static <T> T retrying(int attempts, Supplier<T> readChangeWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readChangeWrite.get();
            } catch (OptimisticLockingFailureException lost) {
                if (attempt >= attempts) {
                    throw lost;
                }
            }
        }
    }
}
