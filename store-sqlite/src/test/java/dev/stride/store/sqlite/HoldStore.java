package dev.stride.store.sqlite;

import java.nio.file.Path;

/** Test helper run in a child JVM: opens a store, says so on stdout, and holds it until killed. */
public final class HoldStore {
    public static void main(String[] args) throws Exception {
        try (SqliteStore store = SqliteStore.open(Path.of(args[0]), SqliteStore.Options.defaults())) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
