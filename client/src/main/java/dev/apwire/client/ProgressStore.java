package dev.apwire.client;

import java.io.IOException;

/**
 * Where an {@link ArchipelagoClient} persists its {@link Progress}. {@link #load()} is called once, when the
 * client is built; {@link #save(Progress)} after each batch of events the game has processed (see
 * {@link ArchipelagoClient} on when that is) and whenever the outbox changes. Calls come from one thread at a
 * time. {@link FileProgressStore} is a ready implementation; a game may keep progress in its own save file.
 */
public interface ProgressStore {

    /**
     * {@return the progress saved last, or {@link Progress#NONE}}
     *
     * @throws IOException when the store cannot be read
     */
    Progress load() throws IOException;

    /**
     * Saves the progress, replacing what was saved.
     *
     * @param progress the progress
     * @throws IOException when the store cannot be written (the client reports it and goes on)
     */
    void save(Progress progress) throws IOException;

    /** {@return a store that keeps nothing: every run starts from {@link Progress#NONE}} */
    static ProgressStore none() {
        return new ProgressStore() {
            @Override
            public Progress load() {
                return Progress.NONE;
            }

            @Override
            public void save(Progress progress) {
                // kept nowhere
            }
        };
    }
}
