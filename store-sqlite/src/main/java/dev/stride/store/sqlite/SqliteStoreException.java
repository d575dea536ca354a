package dev.stride.store.sqlite;

/**
 * The store cannot be opened or used: it is locked by another engine, corrupted, written by a
 * newer Stride, or an earlier write failed. The message says which and what to do.
 */
public final class SqliteStoreException extends RuntimeException {
    public SqliteStoreException(String message) { super(message); }

    public SqliteStoreException(String message, Throwable cause) { super(message, cause); }
}
