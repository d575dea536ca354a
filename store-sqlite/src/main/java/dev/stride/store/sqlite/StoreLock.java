package dev.stride.store.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One engine per store: an OS lock on {@code stride.lock} in the data directory, held while the
 * store is open. The OS releases it when the process dies (even by kill -9), so a crashed engine
 * never leaves a stale lock behind; a lock file's mere presence means nothing.
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = "stride.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SqliteStoreException("cannot open the store's lock file " + file + ": " + e, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new SqliteStoreException("the store in " + dataDir
                        + " is in use by another process (it holds " + file + "); stop that engine or choose another data directory");
            }
            return new StoreLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new SqliteStoreException("the store in " + dataDir + " is already open in this process; open it once and share it", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SqliteStoreException("cannot lock the store in " + dataDir + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
