package app.kariz.mongo.embedded.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One collection's documents, as BSON bytes in numbered slots; a removed document's slot is reused. Every change
 * is journaled under this store's lock, so the journal holds each collection's changes in the order they
 * happened, and replaying a slot's changes again from any earlier point ends in the same state.
 */
public final class CollectionStore {

    private final Storage storage;
    private String fullName;
    private final ArrayList<byte[]> slots;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private long dataSize;
    private int count;

    CollectionStore(Storage storage, String fullName, List<byte[]> recovered) {
        this.storage = storage;
        this.fullName = fullName;
        this.slots = new ArrayList<>(recovered);
        for (int position = 0; position < slots.size(); position++) {
            byte[] document = slots.get(position);
            if (document == null) {
                free.add(position);
            } else {
                count++;
                dataSize += document.length;
            }
        }
    }

    public synchronized int add(byte[] document) {
        Integer reused = free.poll();
        int position;
        if (reused == null) {
            position = slots.size();
            slots.add(document);
        } else {
            position = reused;
            slots.set(position, document);
        }
        count++;
        dataSize += document.length;
        storage.log(Journal.PUT, fullName, position, document);
        return position;
    }

    public synchronized void replace(int position, byte[] document) {
        byte[] previous = slots.set(position, document);
        dataSize += document.length - previous.length;
        storage.log(Journal.PUT, fullName, position, document);
    }

    public synchronized void remove(int position) {
        byte[] previous = slots.set(position, null);
        if (previous == null) {
            throw new IllegalStateException("No document at position " + position + " of " + fullName);
        }
        free.add(position);
        count--;
        dataSize -= previous.length;
        storage.log(Journal.DELETE, fullName, position, null);
    }

    /** The document's bytes, or null for an empty slot. */
    public synchronized byte[] get(int position) {
        return slots.get(position);
    }

    /** The number of slots, used and free: positions run from 0 to this, exclusive. */
    public synchronized int slotCount() {
        return slots.size();
    }

    public synchronized int count() {
        return count;
    }

    public synchronized long dataSize() {
        return dataSize;
    }

    public synchronized void renameTo(String newFullName) {
        storage.renamed(this, fullName, newFullName);
        fullName = newFullName;
    }

    public synchronized void drop() {
        storage.dropped(this, fullName);
    }

    synchronized String fullName() {
        return fullName;
    }

    /** The slots as they are now; the byte arrays are never changed once stored, so sharing them is safe. */
    synchronized List<byte[]> copySlots() {
        return new ArrayList<>(slots);
    }
}
