package dev.vouch.local;

import org.h2.mvstore.MVStore;

/**
 * Makes the local store's writes durable before they are acknowledged. A write waits for a commit of the
 * MVStore that started after it; one committer thread runs those commits back to back, so writes that arrive
 * while a commit is running share the next one (group commit) and the write rate stays close to what an
 * unsynchronised store reaches.
 *
 * <p>A commit hands the changed pages to the operating system: they survive a crash of this process. With
 * {@code fsync}, each commit also forces them to the disk, which survives a power loss too, at a far higher
 * cost per commit.
 */
final class GroupCommit implements AutoCloseable {

    private final MVStore store;
    private final boolean fsync;
    private final Object lock = new Object();
    private final Thread committer;
    private long requested;
    private long committed;
    private long commits;
    private RuntimeException failure;
    private boolean closed;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
        this.committer = new Thread(this::commitLoop, "local-mongo-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Returns once everything written before this call is committed; throws if the store could not commit it. */
    void await() {
        synchronized (lock) {
            long mine = ++requested;
            lock.notifyAll();
            boolean interrupted = false;
            while (committed < mine && failure == null) {
                if (closed) {
                    throw new IllegalStateException("The local store is closed");
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the write is made; its answer must still wait for the commit
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (committed < mine) {
                throw new IllegalStateException("The local store could not commit: " + failure.getMessage(), failure);
            }
        }
    }

    /** Whether a command that just ran may have seen or made a change that is not yet committed. */
    boolean uncommitted() {
        synchronized (lock) {
            if (committed < requested) {
                return true;
            }
        }
        return store.hasUnsavedChanges();
    }

    /** How many commits ran, for the figures of a run. */
    long commits() {
        synchronized (lock) {
            return commits;
        }
    }

    private void commitLoop() {
        while (true) {
            long target;
            synchronized (lock) {
                while (requested == committed && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (requested == committed) {
                    return; // closed, nothing left to commit
                }
                target = requested;
            }
            try {
                store.commit();
                if (fsync) {
                    store.sync();
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    failure = e;
                    lock.notifyAll();
                }
                return;
            }
            synchronized (lock) {
                committed = target;
                commits++;
                lock.notifyAll();
            }
        }
    }

    /** Commits what is still waiting, then stops the committer. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
