package dev.stride.service.dynamodb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Takes the locks a write needs, in one global order so that transactions over several items
 * never deadlock: for each table (by name) its structure lock shared, then the stripes of its
 * items (by number). Released in reverse.
 */
final class ItemLocks implements AutoCloseable {
    record Target(Table table, Key key) {}

    private final List<Lock> held = new ArrayList<>();

    private ItemLocks() {}

    static ItemLocks one(Table t, Key k) {
        ItemLocks l = new ItemLocks();
        l.take(t.structure.readLock());
        l.take(t.stripe(t.stripeOf(k)));
        return l;
    }

    static ItemLocks all(List<Target> targets) {
        List<Target> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparing((Target t) -> t.table.schema.storeKey()).thenComparingInt(t -> t.table.stripeOf(t.key)));
        ItemLocks l = new ItemLocks();
        Table lastTable = null;
        int lastStripe = -1;
        for (Target t : sorted) {
            if (t.table != lastTable) {
                l.take(t.table.structure.readLock());
                lastTable = t.table;
                lastStripe = -1;
            }
            int s = t.table.stripeOf(t.key);
            if (s != lastStripe) l.take(t.table.stripe(s));
            lastStripe = s;
        }
        return l;
    }

    private void take(Lock lock) {
        lock.lock();
        held.add(lock);
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) held.get(i).unlock();
        held.clear();
    }
}
